/**
 * How a supervisor likes the table: which columns, how dense. A person's taste, not part of a
 * shared link, so it lives in localStorage like the language.
 */
import { useState } from "react";

export type Density = "compact" | "comfortable";
export type ColumnVisibility = Record<string, boolean>;
export type TablePreferences = { density: Density; columnVisibility: ColumnVisibility };

const STORAGE_KEY = "call-dashboard.calls-table";

/** Rarely needed on a laptop screen; one click in the column chooser brings them back. */
export const DEFAULT_TABLE_PREFERENCES: TablePreferences = {
  density: "compact",
  columnVisibility: { provider: false, hangup_cause: false },
};

function readStored(): TablePreferences {
  try {
    const raw = localStorage.getItem(STORAGE_KEY);
    if (!raw) return DEFAULT_TABLE_PREFERENCES;
    const value = JSON.parse(raw) as Partial<TablePreferences>;
    const visibility: ColumnVisibility = {};
    if (value.columnVisibility && typeof value.columnVisibility === "object") {
      for (const [column, visible] of Object.entries(value.columnVisibility)) {
        if (typeof visible === "boolean") visibility[column] = visible;
      }
    }
    return {
      density: value.density === "comfortable" ? "comfortable" : "compact",
      columnVisibility: value.columnVisibility
        ? visibility
        : DEFAULT_TABLE_PREFERENCES.columnVisibility,
    };
  } catch {
    return DEFAULT_TABLE_PREFERENCES;
  }
}

export function useTablePreferences(): [
  TablePreferences,
  (change: Partial<TablePreferences>) => void,
] {
  const [preferences, setPreferences] = useState(readStored);
  const update = (change: Partial<TablePreferences>) => {
    const next = { ...preferences, ...change };
    try {
      localStorage.setItem(STORAGE_KEY, JSON.stringify(next));
    } catch {
      // Storage blocked or full: the choice holds for this visit.
    }
    setPreferences(next);
  };
  return [preferences, update];
}
