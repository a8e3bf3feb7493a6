/**
 * The supervisor's display preferences: language (Vietnamese or English) and time zone
 * (the call center's Asia/Ho_Chi_Minh, or the browser's). They belong to the person, not to a
 * link, so they live in localStorage rather than the URL.
 */
import { createContext, type ReactNode, useContext, useMemo, useState } from "react";

export const LANGUAGES = ["vi", "en"] as const;
export type Language = (typeof LANGUAGES)[number];
export const CALL_CENTER_TIME_ZONE = "Asia/Ho_Chi_Minh";
export type TimeZoneMode = "call-center" | "browser";

export type Preferences = {
  language: Language;
  timeZoneMode: TimeZoneMode;
  /** The IANA zone times are shown in, resolved from the mode. */
  timeZone: string;
  setLanguage: (language: Language) => void;
  setTimeZoneMode: (mode: TimeZoneMode) => void;
};

const STORAGE_KEY = "call-dashboard.preferences";

/** Vietnamese unless the browser prefers English (or anything else before Vietnamese). */
export function preferredLanguage(browserLanguages: readonly string[]): Language {
  for (const tag of browserLanguages) {
    const base = tag.toLowerCase().split("-")[0];
    if (base === "vi") return "vi";
    if (base === "en") return "en";
  }
  return "vi";
}

function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || CALL_CENTER_TIME_ZONE;
}

type Stored = { language?: Language; timeZoneMode?: TimeZoneMode };

function readStored(): Stored {
  try {
    const raw = localStorage.getItem(STORAGE_KEY);
    if (!raw) return {};
    const value = JSON.parse(raw) as Stored;
    return {
      language: LANGUAGES.includes(value.language as Language) ? value.language : undefined,
      timeZoneMode: value.timeZoneMode === "browser" ? "browser" : undefined,
    };
  } catch {
    // Private mode or a corrupted entry: fall back to defaults rather than fail to start.
    return {};
  }
}

function writeStored(value: Stored) {
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(value));
  } catch {
    // Storage full or blocked: the choice still holds for this visit.
  }
}

const PreferencesContext = createContext<Preferences | null>(null);

export function PreferencesProvider({
  children,
  initial,
}: {
  children: ReactNode;
  /** Tests pin these instead of depending on the machine's browser settings. */
  initial?: Partial<Pick<Preferences, "language" | "timeZoneMode">>;
}) {
  const [stored, setStored] = useState<Stored>(() => ({ ...readStored(), ...initial }));
  const value = useMemo<Preferences>(() => {
    const language =
      stored.language ?? preferredLanguage(navigator.languages ?? [navigator.language]);
    const timeZoneMode = stored.timeZoneMode ?? "call-center";
    const update = (change: Stored) =>
      setStored((previous) => {
        const next = { ...previous, ...change };
        writeStored(next);
        return next;
      });
    return {
      language,
      timeZoneMode,
      timeZone: timeZoneMode === "browser" ? browserTimeZone() : CALL_CENTER_TIME_ZONE,
      setLanguage: (next) => update({ language: next }),
      setTimeZoneMode: (next) => update({ timeZoneMode: next }),
    };
  }, [stored]);
  return <PreferencesContext.Provider value={value}>{children}</PreferencesContext.Provider>;
}

export function usePreferences(): Preferences {
  const preferences = useContext(PreferencesContext);
  if (!preferences) throw new Error("usePreferences needs a PreferencesProvider above it");
  return preferences;
}
