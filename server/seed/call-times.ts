/**
 * When the demo calls start: spread over the last 90 days the way a contact center's traffic is,
 * busiest on weekday mornings and afternoons with a lunch dip, lighter on Saturdays, very light
 * on Sundays and holidays. The exact number asked for is spread over 10-minute slots by their
 * weight, and handed out slot by slot in ascending order, so a million calls stream without
 * ever being held in memory.
 */
import { Random } from "./random.ts";
import {
  isPublicHoliday,
  isWorkingTime,
  type VietnamLocalTime,
  vietnamLocalTime,
} from "./vietnam-calendar.ts";

export const HISTORY_DAYS = 90;
/** Slots start on local 10-minute marks, so 08:00, 12:00 and 17:30 are slot boundaries. */
export const SLOT_SECONDS = 600;
/**
 * The newest call starts this long before `now`, so that ringing and queueing are over before
 * it; a conversation still going at `now` is cut short (see routing.ts).
 */
const QUIET_BEFORE_NOW_SECONDS = 15 * 60;

/**
 * Relative traffic of a weekday by local time, every half hour from 00:00 (interpolated in
 * between): a morning peak around 09:30–10:30, a dip at lunch, an afternoon peak, a tail of
 * calls after closing.
 */
const HALF_HOUR_SHAPE = [
  // 00:00 – 05:30
  0.01, 0.01, 0.008, 0.008, 0.006, 0.006, 0.006, 0.006, 0.008, 0.008, 0.01, 0.015,
  // 06:00 – 11:30
  0.02, 0.03, 0.06, 0.12, 0.6, 0.9, 1.0, 1.1, 1.1, 1.0, 0.85, 0.55,
  // 12:00 – 17:30
  0.3, 0.32, 0.6, 0.85, 1.0, 1.05, 1.05, 0.95, 0.85, 0.75, 0.6, 0.2,
  // 18:00 – 23:30
  0.12, 0.08, 0.06, 0.05, 0.04, 0.03, 0.025, 0.02, 0.015, 0.012, 0.01, 0.01,
];

/** How busy this time of day is on a weekday, about 0 (night) to 1.1 (peak). */
export function timeOfDayLoad(minuteOfDay: number): number {
  const position = minuteOfDay / 30;
  const index = Math.floor(position);
  const from = HALF_HOUR_SHAPE[index % 48]!;
  const to = HALF_HOUR_SHAPE[(index + 1) % 48]!;
  return from + (to - from) * (position - index);
}

/** Mondays bring the weekend's backlog; Saturdays work the morning; Sundays almost nothing. */
const WEEKDAY_FACTOR = [0.06, 1.12, 1.04, 1.0, 0.98, 0.94, 0.5];
const SATURDAY_AFTERNOON_FACTOR = 0.1;
const HOLIDAY_FACTOR = 0.06;

function dayFactor(local: VietnamLocalTime): number {
  if (isPublicHoliday(local.year, local.month, local.day)) return HOLIDAY_FACTOR;
  if (local.weekday === 6 && local.minuteOfDay >= 12 * 60) return SATURDAY_AFTERNOON_FACTOR;
  return WEEKDAY_FACTOR[local.weekday]!;
}

export type CallSlot = {
  /** Unix seconds of the slot's first second. */
  start: number;
  local: VietnamLocalTime;
  /** Inside business hours (the whole slot is, or none of it). */
  working: boolean;
  /** How busy the hour is (0–1.1): queues are longer at peaks. */
  load: number;
  /** Start times of the slot's calls, ascending. */
  starts: number[];
};

/** The slots of the history window and their weights (about 13 000 numbers). */
function slotWeights(firstSlot: number, slotCount: number, random: Random): Float64Array {
  const weights = new Float64Array(slotCount);
  const dayNoise = new Map<string, number>();
  for (let slot = 0; slot < slotCount; slot += 1) {
    const start = firstSlot + slot * SLOT_SECONDS;
    const local = vietnamLocalTime(start + SLOT_SECONDS / 2);
    const day = `${local.year}-${local.month}-${local.day}`;
    let noise = dayNoise.get(day);
    if (noise === undefined) {
      // Some days are busier than others (a promotion, a storm, an outage).
      noise = random.between(0.88, 1.12);
      dayNoise.set(day, noise);
    }
    // The business grows a little over the quarter.
    const growth = 0.95 + (0.1 * slot) / slotCount;
    weights[slot] = timeOfDayLoad(local.minuteOfDay) * dayFactor(local) * noise * growth;
  }
  return weights;
}

/** The slots of the last 90 days before `nowSeconds`, with `count` call starts in all. */
export function* callSlots(count: number, nowSeconds: number, seed: number): Generator<CallSlot> {
  const random = new Random(seed, 3);
  const firstSlot = Math.ceil((nowSeconds - HISTORY_DAYS * 86_400) / SLOT_SECONDS) * SLOT_SECONDS;
  const endSlot = Math.floor((nowSeconds - QUIET_BEFORE_NOW_SECONDS) / SLOT_SECONDS) * SLOT_SECONDS;
  const slotCount = Math.max(0, (endSlot - firstSlot) / SLOT_SECONDS);
  const weights = slotWeights(firstSlot, slotCount, random);
  const total = weights.reduce((sum, weight) => sum + weight, 0);

  // Rounding the running total (not each slot) hands out exactly `count` calls.
  let cumulative = 0;
  let handedOut = 0;
  for (let slot = 0; slot < slotCount && handedOut < count; slot += 1) {
    cumulative += weights[slot]!;
    const dueByNow = slot === slotCount - 1 ? count : Math.round((count * cumulative) / total);
    const calls = dueByNow - handedOut;
    if (calls <= 0) continue;
    handedOut = dueByNow;
    const start = firstSlot + slot * SLOT_SECONDS;
    const starts = new Array<number>(calls);
    for (let call = 0; call < calls; call += 1) {
      starts[call] = start + random.int(0, SLOT_SECONDS - 1);
    }
    starts.sort((a, b) => a - b);
    const local = vietnamLocalTime(start);
    yield {
      start,
      local,
      working: isWorkingTime(local),
      load: timeOfDayLoad(local.minuteOfDay),
      starts,
    };
  }
}
