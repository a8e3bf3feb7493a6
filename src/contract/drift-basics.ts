/**
 * The little of lenient reading that the first screen needs even when an answer is in the
 * contract's shape: timestamps in the unit the contract uses (a well-typed answer can still send
 * milliseconds where seconds belong), and naming fields in a notice. The rest of lenient reading
 * (`read-call-responses.ts`) loads only when an answer does not fit the contract.
 */
import { toUnixMilliseconds, toUnixSeconds } from "./call-derivations.ts";

export type TimeUnits = { seconds: readonly string[]; milliseconds: readonly string[] };

export const CALL_TIME_UNITS: TimeUnits = {
  seconds: ["time_start_call", "time_end_call", "time_start_to_answer"],
  milliseconds: ["created_date", "last_updated_date"],
};
export const LEG_TIME_UNITS: TimeUnits = {
  seconds: ["at", "ringing_at", "answer_at", "bye_at"],
  milliseconds: [],
};

/** A copy of `record` with each numeric timestamp in its field's unit, whichever was sent. */
export function inContractUnits<T extends object>(record: T, units: TimeUnits): T {
  const copy: Record<string, unknown> = { ...(record as Record<string, unknown>) };
  const convert = (fields: readonly string[], to: (timestamp: number) => number) => {
    for (const field of fields) {
      const value = copy[field];
      if (typeof value === "number" && value > 0) copy[field] = to(value);
    }
  };
  convert(units.seconds, toUnixSeconds);
  convert(units.milliseconds, toUnixMilliseconds);
  return copy as T;
}

/** Field names for a notice: the first few, sorted, without repeats, then "…". */
export function listFieldNames(fields: Iterable<string>, shown = 4): string {
  const sorted = [...new Set(fields)].sort();
  return sorted.length > shown ? `${sorted.slice(0, shown).join(", ")}, …` : sorted.join(", ");
}
