/**
 * Display formats for supervisors: times in the chosen zone, durations as m:ss or h:mm:ss,
 * prices in VND, Vietnamese phone numbers grouped for reading. Intl formatters are costly to
 * build and a table formats thousands of cells, so they are cached per option set.
 */
import type { Language } from "./i18n/preferences.tsx";

const LOCALES: Record<Language, string> = { vi: "vi-VN", en: "en-GB" };

const formatterCache = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();

function cached<T extends Intl.DateTimeFormat | Intl.NumberFormat>(key: string, make: () => T): T {
  let formatter = formatterCache.get(key) as T | undefined;
  if (!formatter) {
    formatter = make();
    formatterCache.set(key, formatter);
  }
  return formatter;
}

function dateTimeFormat(language: Language, timeZone: string, options: Intl.DateTimeFormatOptions) {
  return cached(
    `dt|${language}|${timeZone}|${JSON.stringify(options)}`,
    () => new Intl.DateTimeFormat(LOCALES[language], { ...options, timeZone, hourCycle: "h23" }),
  );
}

/** "25/11/2026 14:03:05": day first in both languages, as Vietnamese supervisors read dates. */
export function formatDateTime(unixSeconds: number, timeZone: string): string {
  const parts = dateTimeFormat("en", timeZone, {
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(new Date(unixSeconds * 1000));
  const part = (type: Intl.DateTimeFormatPartTypes) =>
    parts.find((entry) => entry.type === type)?.value ?? "";
  return `${part("day")}/${part("month")}/${part("year")} ${part("hour")}:${part("minute")}:${part("second")}`;
}

/** "14:03:05" in the chosen zone, for timelines. */
export function formatTimeOfDay(unixSeconds: number, timeZone: string): string {
  return dateTimeFormat("en", timeZone, {
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).format(new Date(unixSeconds * 1000));
}

/** 75 → "1:15", 3725 → "1:02:05"; negative or missing → "0:00". */
export function formatDuration(totalSeconds: number | null | undefined): string {
  const seconds = Math.max(0, Math.round(totalSeconds ?? 0));
  const hours = Math.floor(seconds / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  const rest = String(seconds % 60).padStart(2, "0");
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, "0")}:${rest}` : `${minutes}:${rest}`;
}

/** 66 → "66 ₫" (vi) / "₫66" (en); VND has no minor unit. */
export function formatVnd(amount: number, language: Language): string {
  return cached(
    `vnd|${language}`,
    () =>
      new Intl.NumberFormat(LOCALES[language], {
        style: "currency",
        currency: "VND",
        maximumFractionDigits: 0,
      }),
  ).format(amount);
}

export function formatCount(value: number, language: Language): string {
  return cached(`n|${language}`, () => new Intl.NumberFormat(LOCALES[language])).format(value);
}

/**
 * Groups Vietnamese numbers for reading: mobiles 4-3-3 ("0983 223 566"), 1900/1800 service
 * numbers 4-4 or 4-2-4, numbers in international form "+84 …". Anything else is left as sent.
 */
export function formatPhoneNumber(raw: string | null | undefined): string {
  if (!raw) return "";
  const digits = raw.replace(/[\s.-]/g, "");
  if (!/^\+?\d+$/.test(digits)) return raw;
  if (/^(1900|1800)\d{4,6}$/.test(digits)) {
    return digits.length === 8
      ? `${digits.slice(0, 4)} ${digits.slice(4)}`
      : `${digits.slice(0, 4)} ${digits.slice(4, 6)} ${digits.slice(6)}`;
  }
  const international = /^\+?84(\d{8,10})$/.exec(digits);
  if (international?.[1]) return `+84 ${groupNational(international[1])}`;
  if (digits.startsWith("0") && (digits.length === 10 || digits.length === 11)) {
    return `0${groupNational(digits.slice(1))}`;
  }
  return raw;
}

/** The national significant number: mobiles (9 digits) 3-3-3, landlines (10 digits: 2x area) 2-4-4. */
function groupNational(national: string): string {
  if (national.length === 9)
    return `${national.slice(0, 3)} ${national.slice(3, 6)} ${national.slice(6)}`;
  if (national.length === 10)
    return `${national.slice(0, 2)} ${national.slice(2, 6)} ${national.slice(6)}`;
  return national;
}

/**
 * "25/11 14:03:05" for a time in the current year (in the zone), "25/11/2025 14:03:05" otherwise:
 * a table of recent calls does not need the year on every row.
 */
export function formatRecentDateTime(
  unixSeconds: number,
  timeZone: string,
  nowUnixSeconds: number = Date.now() / 1000,
): string {
  const full = formatDateTime(unixSeconds, timeZone);
  const thisYear = formatDateTime(nowUnixSeconds, timeZone).slice(6, 10);
  return full.slice(6, 10) === thisYear ? `${full.slice(0, 5)}${full.slice(10)}` : full;
}
