/**
 * The date filter. Presets (today, yesterday, …) are computed in the zone the supervisor reads
 * times in; what goes into the URL is the absolute window, written as call-center local minutes
 * (`from=2026-11-24T00:00&to=2026-11-24T23:59`, Asia/Ho_Chi_Minh), so a copied link shows the
 * same calls whoever opens it, in whatever zone, on whatever day. A window that equals a preset
 * right now is labelled with the preset's name.
 *
 * Without any date in the URL the view is the last 7 days, resolved when the page is read: the
 * first screen stays fast and relevant, and a bookmark of the bare page keeps rolling forward.
 * `range=all` asks for every call.
 */
import { TZDate, tz } from "@date-fns/tz";
import { endOfDay, endOfMonth, startOfDay, startOfMonth, subDays, subMonths } from "date-fns";
import { CALL_CENTER_TIME_ZONE } from "@/lib/i18n/preferences.tsx";

export const DATE_PRESETS = [
  "today",
  "yesterday",
  "last_7_days",
  "this_month",
  "last_month",
] as const;
export type DatePreset = (typeof DATE_PRESETS)[number];
export const DEFAULT_DATE_PRESET: DatePreset = "last_7_days";

/** Call-center local time to the minute: "2026-11-24T08:30". */
export type LocalMinute = string;

export type DateRange =
  /** Nothing in the URL: the default preset, resolved when read. */
  | { kind: "default" }
  | { kind: "all" }
  /** Either end may be open; `to` includes the whole of its minute. */
  | { kind: "between"; from?: LocalMinute; to?: LocalMinute };

/** Unix milliseconds, both ends inclusive, as the list endpoint takes them. */
export type Instants = { from?: number; to?: number };

const MINUTE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;
const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const LAST_MILLISECOND_OF_MINUTE = 59_999;

const pad = (value: number) => String(value).padStart(2, "0");

/** The local minute of an instant in a zone: 1732406400000 → "2024-11-24T07:00" (HCM). */
export function toLocalMinute(milliseconds: number, timeZone: string): LocalMinute {
  const date = new TZDate(milliseconds, timeZone);
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(
    date.getHours(),
  )}:${pad(date.getMinutes())}`;
}

/** The instant a local minute starts at in a zone; undefined when the text is not a real time. */
export function fromLocalMinute(value: string, timeZone: string): number | undefined {
  const match = MINUTE_PATTERN.exec(value);
  if (!match) return undefined;
  const [year, month, day, hour, minute] = match.slice(1).map(Number) as [
    number,
    number,
    number,
    number,
    number,
  ];
  const milliseconds = new TZDate(year, month - 1, day, hour, minute, timeZone).getTime();
  // 2026-02-31 or 25:00 roll over into another minute: not a time anybody meant.
  if (Number.isNaN(milliseconds) || toLocalMinute(milliseconds, timeZone) !== value) {
    return undefined;
  }
  return milliseconds;
}

/**
 * Reads one end of the window from the URL: a local minute, or a bare date (hand-written links)
 * meaning the start of that day for `from` and its end for `to`.
 */
export function parseLocalMinute(
  raw: string,
  end: "from" | "to",
): { minute: LocalMinute; instant: number } | undefined {
  const text = DATE_PATTERN.test(raw) ? `${raw}T${end === "from" ? "00:00" : "23:59"}` : raw;
  const instant = fromLocalMinute(text, CALL_CENTER_TIME_ZONE);
  return instant === undefined ? undefined : { minute: text, instant };
}

export function resolvePreset(preset: DatePreset, timeZone: string, now: number): Instants {
  const options = { in: tz(timeZone) };
  const window = (start: Date, end: Date) => ({ from: start.getTime(), to: end.getTime() });
  switch (preset) {
    case "today":
      return window(startOfDay(now, options), endOfDay(now, options));
    case "yesterday": {
      const yesterday = subDays(now, 1, options);
      return window(startOfDay(yesterday, options), endOfDay(yesterday, options));
    }
    case "last_7_days":
      return window(startOfDay(subDays(now, 6, options), options), endOfDay(now, options));
    case "this_month":
      return window(startOfMonth(now, options), endOfMonth(now, options));
    case "last_month": {
      const lastMonth = subMonths(now, 1, options);
      return window(startOfMonth(lastMonth, options), endOfMonth(lastMonth, options));
    }
  }
}

/** The window a range asks for, in milliseconds for the API. */
export function resolveRange(range: DateRange, timeZone: string, now: number): Instants {
  switch (range.kind) {
    case "default":
      return resolvePreset(DEFAULT_DATE_PRESET, timeZone, now);
    case "all":
      return {};
    case "between": {
      const from =
        range.from === undefined ? undefined : fromLocalMinute(range.from, CALL_CENTER_TIME_ZONE);
      const to =
        range.to === undefined ? undefined : fromLocalMinute(range.to, CALL_CENTER_TIME_ZONE);
      return { from, to: to === undefined ? undefined : to + LAST_MILLISECOND_OF_MINUTE };
    }
  }
}

/** The range to store for a window of instants (minutes are floored; `to` keeps its minute). */
export function rangeBetween(instants: Instants): DateRange {
  if (instants.from === undefined && instants.to === undefined) return { kind: "all" };
  return {
    kind: "between",
    from:
      instants.from === undefined ? undefined : toLocalMinute(instants.from, CALL_CENTER_TIME_ZONE),
    to: instants.to === undefined ? undefined : toLocalMinute(instants.to, CALL_CENTER_TIME_ZONE),
  };
}

export function presetRange(preset: DatePreset, timeZone: string, now: number): DateRange {
  return rangeBetween(resolvePreset(preset, timeZone, now));
}

/** The preset a range equals right now in this zone, for its label; undefined for other windows. */
export function matchingPreset(
  range: DateRange,
  timeZone: string,
  now: number,
): DatePreset | undefined {
  if (range.kind === "default") return DEFAULT_DATE_PRESET;
  if (range.kind === "all") return undefined;
  const { from, to } = resolveRange(range, timeZone, now);
  return DATE_PRESETS.find((preset) => {
    const window = resolvePreset(preset, timeZone, now);
    return window.from === from && window.to === to;
  });
}
