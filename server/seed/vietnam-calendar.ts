/**
 * Local time, public holidays and business hours of a Vietnamese contact center. Vietnam keeps
 * UTC+07:00 all year (no daylight saving), so local time is plain arithmetic and never depends
 * on the machine's time zone.
 */

export const VIETNAM_UTC_OFFSET_SECONDS = 7 * 3600;

export type VietnamLocalTime = {
  year: number;
  /** 1–12 */
  month: number;
  day: number;
  /** 0 = Sunday … 6 = Saturday */
  weekday: number;
  minuteOfDay: number;
};

export function vietnamLocalTime(unixSeconds: number): VietnamLocalTime {
  const shifted = new Date((unixSeconds + VIETNAM_UTC_OFFSET_SECONDS) * 1000);
  return {
    year: shifted.getUTCFullYear(),
    month: shifted.getUTCMonth() + 1,
    day: shifted.getUTCDate(),
    weekday: shifted.getUTCDay(),
    minuteOfDay: shifted.getUTCHours() * 60 + shifted.getUTCMinutes(),
  };
}

/** New Year, Reunification Day, Labour Day and the two days of National Day. */
const FIXED_HOLIDAYS = new Set(["01-01", "04-30", "05-01", "09-01", "09-02"]);

/**
 * Holidays that follow the lunar calendar: the Tết break (about three days before the lunar
 * new year to five after) and Hùng Kings' day. Listed per year because the lunar calendar is
 * not worth computing for a demo; years outside the table simply get no lunar holidays.
 */
const LUNAR_NEW_YEAR: Record<number, string> = {
  2024: "2024-02-10",
  2025: "2025-01-29",
  2026: "2026-02-17",
  2027: "2027-02-06",
  2028: "2028-01-26",
  2029: "2029-02-13",
  2030: "2030-02-03",
};
const HUNG_KINGS_DAY = new Set([
  "2024-04-18",
  "2025-04-07",
  "2026-04-26",
  "2027-04-16",
  "2028-04-04",
  "2029-04-23",
  "2030-04-12",
]);
const DAY_MS = 86_400_000;

function isoDate(year: number, month: number, day: number): string {
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

export function isPublicHoliday(year: number, month: number, day: number): boolean {
  const date = isoDate(year, month, day);
  if (FIXED_HOLIDAYS.has(date.slice(5)) || HUNG_KINGS_DAY.has(date)) return true;
  // The lunar new year falls between 21 January and 20 February, so its break never crosses
  // into another Gregorian year.
  const newYear = LUNAR_NEW_YEAR[year];
  if (!newYear) return false;
  const offsetDays = (Date.parse(date) - Date.parse(newYear)) / DAY_MS;
  return offsetDays >= -3 && offsetDays <= 5;
}

export const WORKDAY_OPENS_MINUTE = 8 * 60;
export const WORKDAY_CLOSES_MINUTE = 17 * 60 + 30;
/** Saturdays the center works the morning only. */
export const SATURDAY_CLOSES_MINUTE = 12 * 60;

/** Mon–Fri 08:00–17:30 and Sat 08:00–12:00, except public holidays. */
export function isWorkingTime(local: VietnamLocalTime): boolean {
  const { weekday, minuteOfDay } = local;
  if (weekday === 0 || minuteOfDay < WORKDAY_OPENS_MINUTE) return false;
  const closes = weekday === 6 ? SATURDAY_CLOSES_MINUTE : WORKDAY_CLOSES_MINUTE;
  if (minuteOfDay >= closes) return false;
  return !isPublicHoliday(local.year, local.month, local.day);
}
