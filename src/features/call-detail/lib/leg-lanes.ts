/**
 * Legs (call stacks) → the lanes of the leg timeline: one lane per leg, in routing order, each
 * cut into contiguous segments (wait, ringing, talk) on an axis of seconds from the call's start,
 * with markers for what happened to the leg (answered, busy, do-not-disturb, offline, timed out).
 *
 * The data dictionary's rules: wait = ringing_at − at; ring = (answer_at or bye_at) − ringing_at;
 * talk = bye_at − answer_at. Vendor data is not always tidy, so:
 * - timestamps above 10^12 are milliseconds; `0` means "not set", like null;
 * - a leg that never rang (offline, do-not-disturb, a caller still in the queue) waits until it
 *   ends;
 * - nothing of a leg is drawn past its `bye_at`: a leg that "ends before it rang" keeps its wait
 *   up to `bye_at` and has no ringing or talk, and is flagged so the tooltip can say so;
 * - answer_at before ringing_at is read as answered at once (no ringing);
 * - legs sent out of order are put in order (index, then time they began);
 * - zero-length segments are left out rather than drawn as slivers.
 */
import type { CallLeg } from "@/contract/call.ts";
import { toUnixSeconds } from "@/contract/call-derivations.ts";

export const SEGMENT_KINDS = ["wait", "ringing", "talk"] as const;
export type SegmentKind = (typeof SEGMENT_KINDS)[number];

export const MARKER_KINDS = ["answered", "busy", "dnd", "offline", "timeout"] as const;
export type MarkerKind = (typeof MARKER_KINDS)[number];

/** What happened to a leg, in one word: the first that applies, in this order. */
export type LegOutcome = MarkerKind | "not-answered";

/** Seconds of rounding allowed when deciding that ringing reached the leg's timeout. */
const TIMEOUT_TOLERANCE_SECONDS = 1;

export type LegSegment = {
  kind: SegmentKind;
  /** Seconds from the axis origin. */
  start: number;
  end: number;
  /** Unix seconds. */
  startAt: number;
  endAt: number;
};

export type LegMarker = { kind: MarkerKind /** seconds from the origin */; at: number };

export type LegAnomaly = "ends-before-ringing" | "ends-before-start" | "no-end";

export type LegLane = {
  /** Unique per lane (the vendor's `index` can repeat in untidy data). */
  key: string;
  leg: CallLeg;
  /** Unix seconds, normalized: `ringingAt`/`answerAt` null when not set. */
  times: { at: number; ringingAt: number | null; answerAt: number | null; byeAt: number };
  /** Seconds from the origin where the lane begins and ends. */
  start: number;
  end: number;
  segments: LegSegment[];
  /** Durations in seconds (0 when the segment did not happen). */
  durations: Record<SegmentKind, number>;
  markers: LegMarker[];
  outcome: LegOutcome;
  anomalies: LegAnomaly[];
};

export type LegTimeline = {
  /** Unix seconds of second 0 of the axis: the call's start, or the first leg if earlier. */
  origin: number;
  /** Seconds from the origin to the last moment shown. */
  span: number;
  lanes: LegLane[];
};

/** A timestamp as unix seconds, or null for a missing/zero one. */
function timestamp(value: number | null | undefined): number | null {
  if (value === null || value === undefined || !Number.isFinite(value) || value <= 0) return null;
  return toUnixSeconds(value);
}

function byRoutingOrder(one: CallLeg, other: CallLeg): number {
  return one.index - other.index || (timestamp(one.at) ?? 0) - (timestamp(other.at) ?? 0);
}

/**
 * The lanes of a call's legs. `callStart`/`callEnd` (unix s or ms, as the call record has them)
 * anchor the axis; legs outside them widen it.
 */
export function computeLegTimeline(
  legs: readonly CallLeg[],
  callStart: number | null,
  callEnd: number | null = null,
): LegTimeline {
  const ordered = legs.toSorted(byRoutingOrder);
  const starts = ordered.map((leg) => timestamp(leg.at)).filter((value) => value !== null);
  const start = timestamp(callStart);
  const origin = Math.min(start ?? Number.POSITIVE_INFINITY, ...starts);
  if (!Number.isFinite(origin)) return { origin: start ?? 0, span: 0, lanes: [] };

  const lanes = ordered.map((leg, position) => computeLane(leg, position, origin));
  const end = timestamp(callEnd);
  const span = Math.max(0, end === null ? 0 : end - origin, ...lanes.map((lane) => lane.end));
  return { origin, span, lanes };
}

function computeLane(leg: CallLeg, position: number, origin: number): LegLane {
  const anomalies: LegAnomaly[] = [];
  // A leg without a start is placed at the origin rather than dropped.
  const at = timestamp(leg.at) ?? origin;
  let ringingAt = timestamp(leg.ringing_at);
  let answerAt = timestamp(leg.answer_at);
  let byeAt = timestamp(leg.bye_at);
  if (byeAt === null) {
    anomalies.push("no-end");
    byeAt = Math.max(at, answerAt ?? ringingAt ?? at);
  }
  if (byeAt < at) {
    anomalies.push("ends-before-start");
    byeAt = at;
  }
  if (ringingAt !== null && ringingAt < at) ringingAt = at;
  if (ringingAt !== null && ringingAt > byeAt) {
    anomalies.push("ends-before-ringing");
    ringingAt = null;
    answerAt = null;
  }
  if (answerAt !== null) answerAt = Math.min(Math.max(answerAt, ringingAt ?? at), byeAt);

  // Boundaries of the contiguous segments: wait [t0, t1], ringing [t1, t2], talk [t2, t3].
  const t0 = at;
  const t1 = ringingAt ?? (answerAt !== null ? answerAt : byeAt);
  const t2 = ringingAt === null ? t1 : (answerAt ?? byeAt);
  const t3 = byeAt;
  const bounds: [SegmentKind, number, number][] = [
    ["wait", t0, t1],
    ["ringing", t1, t2],
    ["talk", t2, answerAt === null ? t2 : t3],
  ];
  const segments: LegSegment[] = bounds
    .filter(([, from, to]) => to > from)
    .map(([kind, from, to]) => ({
      kind,
      start: from - origin,
      end: to - origin,
      startAt: from,
      endAt: to,
    }));
  const durations: Record<SegmentKind, number> = { wait: 0, ringing: 0, talk: 0 };
  for (const segment of segments) durations[segment.kind] = segment.endAt - segment.startAt;

  const markers: LegMarker[] = [];
  const answered = answerAt !== null || leg.is_answer;
  if (answered) markers.push({ kind: "answered", at: (answerAt ?? t2) - origin });
  if (leg.is_busy) markers.push({ kind: "busy", at: t3 - origin });
  if (leg.is_dnd) markers.push({ kind: "dnd", at: t3 - origin });
  if (leg.is_online === false) markers.push({ kind: "offline", at: t3 - origin });
  const timedOut =
    !answered &&
    ringingAt !== null &&
    leg.timeout !== null &&
    leg.timeout > 0 &&
    durations.ringing >= leg.timeout - TIMEOUT_TOLERANCE_SECONDS;
  if (timedOut) markers.push({ kind: "timeout", at: t3 - origin });

  return {
    key: `${position + 1}`,
    leg,
    times: { at, ringingAt, answerAt, byeAt },
    start: t0 - origin,
    end: t3 - origin,
    segments,
    durations,
    markers,
    outcome: markers[0]?.kind ?? "not-answered",
    anomalies,
  };
}

/** A lane as the stacked bar chart draws it: an invisible offset, then the three segments. */
export type LaneDatum = { key: string; offset: number } & Record<SegmentKind, number>;

export function toLaneData(lanes: readonly LegLane[]): LaneDatum[] {
  return lanes.map((lane) => ({ key: lane.key, offset: lane.start, ...lane.durations }));
}

/** Tick step for an axis of `span` seconds: about `count` ticks, on round numbers. */
export function axisTicks(span: number, count = 6): number[] {
  const steps = [1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200];
  const step = steps.find((candidate) => span / candidate <= count) ?? 3600 * 6;
  const ticks: number[] = [];
  for (let tick = 0; tick <= span; tick += step) ticks.push(tick);
  return ticks;
}
