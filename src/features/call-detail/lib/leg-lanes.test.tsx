// Pure logic; named .test.tsx so that the dom test project (src/**/*.test.tsx) runs it.
import { describe, expect, it } from "vitest";
import { exampleLegs, makeLeg, CALL_START as S } from "../testing/fixtures.ts";
import { axisTicks, computeLegTimeline, toLaneData } from "./leg-lanes.ts";

const kinds = (lane: { segments: { kind: string; start: number; end: number }[] }) =>
  lane.segments.map(({ kind, start, end }) => [kind, start, end]);

describe("legs → timeline lanes", () => {
  it("cuts a leg into wait, ringing and talk, in seconds from the call's start", () => {
    const timeline = computeLegTimeline(
      [
        makeLeg({
          at: S + 2,
          ringing_at: S + 5,
          answer_at: S + 12,
          bye_at: S + 100,
          is_answer: true,
        }),
      ],
      S,
    );
    expect(timeline.origin).toBe(S);
    expect(timeline.span).toBe(100);
    const [lane] = timeline.lanes;
    expect(kinds(lane!)).toEqual([
      ["wait", 2, 5],
      ["ringing", 5, 12],
      ["talk", 12, 100],
    ]);
    expect(lane!.durations).toEqual({ wait: 3, ringing: 7, talk: 88 });
    expect(lane!.markers).toEqual([{ kind: "answered", at: 12 }]);
    expect(lane!.outcome).toBe("answered");
    expect(lane!.anomalies).toEqual([]);
  });

  it.each([
    ["missing", null],
    ["zero", 0],
  ])("rings until the leg ends when answer_at is %s", (_, answerAt) => {
    const [lane] = computeLegTimeline(
      [makeLeg({ at: S, ringing_at: S + 1, answer_at: answerAt, bye_at: S + 9, timeout: 30 })],
      S,
    ).lanes;
    expect(kinds(lane!)).toEqual([
      ["wait", 0, 1],
      ["ringing", 1, 9],
    ]);
    expect(lane!.durations.talk).toBe(0);
    expect(lane!.outcome).toBe("not-answered");
  });

  it("leaves out zero-length segments when timestamps are equal", () => {
    const [answeredAtOnce, instant] = computeLegTimeline(
      [
        makeLeg({ at: S, ringing_at: S, answer_at: S, bye_at: S + 20, is_answer: true }),
        makeLeg({ index: 2, at: S + 20, ringing_at: S + 20, bye_at: S + 20, is_busy: true }),
      ],
      S,
    ).lanes;
    expect(kinds(answeredAtOnce!)).toEqual([["talk", 0, 20]]);
    expect(answeredAtOnce!.durations).toEqual({ wait: 0, ringing: 0, talk: 20 });
    expect(kinds(instant!)).toEqual([]);
    expect(instant!.start).toBe(20);
    expect(instant!.end).toBe(20);
    expect(instant!.markers).toEqual([{ kind: "busy", at: 20 }]);
  });

  it("puts legs sent out of order back in routing order", () => {
    const legs = exampleLegs();
    const timeline = computeLegTimeline([legs[2]!, legs[0]!, legs[1]!], S);
    expect(timeline.lanes.map((lane) => lane.leg.index)).toEqual([1, 2, 3]);
    expect(timeline.lanes.map((lane) => lane.key)).toEqual(["1", "2", "3"]);
  });

  it("orders legs with the same index by when they began, and keeps their keys unique", () => {
    const timeline = computeLegTimeline(
      [
        makeLeg({ index: 1, at: S + 10, bye_at: S + 20 }),
        makeLeg({ index: 1, at: S, bye_at: S + 5 }),
      ],
      S,
    );
    expect(timeline.lanes.map((lane) => lane.start)).toEqual([0, 10]);
    expect(new Set(timeline.lanes.map((lane) => lane.key)).size).toBe(2);
  });

  it("draws a call with one leg", () => {
    const timeline = computeLegTimeline(
      [makeLeg({ at: S + 1, ringing_at: S + 3, bye_at: S + 33 })],
      S,
      S + 35,
    );
    expect(timeline.lanes).toHaveLength(1);
    expect(timeline.span).toBe(35);
    expect(timeline.lanes[0]!.markers).toEqual([{ kind: "timeout", at: 33 }]);
  });

  it("draws 20 legs, one lane each, on one axis", () => {
    const legs = Array.from({ length: 20 }, (_, index) =>
      makeLeg({
        index: index + 1,
        to: `70759-${101 + index}`,
        at: S + index * 15,
        ringing_at: S + index * 15 + 1,
        bye_at: S + index * 15 + 15,
        timeout: 14,
      }),
    );
    const timeline = computeLegTimeline(legs, S);
    expect(timeline.lanes).toHaveLength(20);
    expect(timeline.span).toBe(19 * 15 + 15);
    expect(timeline.lanes.every((lane) => lane.outcome === "timeout")).toBe(true);
    const data = toLaneData(timeline.lanes);
    expect(data[19]).toEqual({ key: "20", offset: 285, wait: 1, ringing: 14, talk: 0 });
  });

  it("stops a leg that ends before it rang at its end, and flags it", () => {
    const [lane] = computeLegTimeline(
      [makeLeg({ at: S, ringing_at: S + 10, answer_at: null, bye_at: S + 4 })],
      S,
    ).lanes;
    expect(kinds(lane!)).toEqual([["wait", 0, 4]]);
    expect(lane!.end).toBe(4);
    expect(lane!.times.ringingAt).toBeNull();
    expect(lane!.anomalies).toEqual(["ends-before-ringing"]);
    expect(lane!.markers.some((marker) => marker.kind === "timeout")).toBe(false);
  });

  it("keeps a leg that ends before it began at its start", () => {
    const [lane] = computeLegTimeline(
      [makeLeg({ at: S + 10, ringing_at: null, bye_at: S + 2 })],
      S,
    ).lanes;
    expect(lane!.start).toBe(10);
    expect(lane!.end).toBe(10);
    expect(lane!.segments).toEqual([]);
    expect(lane!.anomalies).toEqual(["ends-before-start"]);
  });

  it("lets a leg that never rang (offline, do-not-disturb, queue) wait until it ends", () => {
    const [offline, dnd, queued] = computeLegTimeline(
      [
        makeLeg({ index: 1, ringing_at: null, bye_at: S, is_online: false }),
        makeLeg({ index: 2, ringing_at: null, bye_at: S, is_dnd: true }),
        makeLeg({ index: 3, type: "queue", ringing_at: null, bye_at: S + 45 }),
      ],
      S,
    ).lanes;
    expect(offline!.markers).toEqual([{ kind: "offline", at: 0 }]);
    expect(dnd!.markers).toEqual([{ kind: "dnd", at: 0 }]);
    expect(kinds(queued!)).toEqual([["wait", 0, 45]]);
    expect(queued!.outcome).toBe("not-answered");
  });

  it("marks a timeout only when the ringing reached the leg's timeout", () => {
    const lanes = computeLegTimeline(
      [
        makeLeg({ index: 1, ringing_at: S, bye_at: S + 30, timeout: 30 }),
        makeLeg({ index: 2, ringing_at: S, bye_at: S + 29, timeout: 30 }),
        makeLeg({ index: 3, ringing_at: S, bye_at: S + 8, timeout: 30 }),
        makeLeg({ index: 4, ringing_at: S, bye_at: S + 60, timeout: null }),
      ],
      S,
    ).lanes;
    expect(lanes.map((lane) => lane.outcome)).toEqual([
      "timeout",
      "timeout",
      "not-answered",
      "not-answered",
    ]);
  });

  it("reads millisecond timestamps as the seconds they are", () => {
    const [lane] = computeLegTimeline(
      [
        makeLeg({
          at: S * 1000,
          ringing_at: (S + 2) * 1000,
          answer_at: (S + 5) * 1000,
          bye_at: (S + 65) * 1000,
          is_answer: true,
        }),
      ],
      S * 1000,
    ).lanes;
    expect(kinds(lane!)).toEqual([
      ["wait", 0, 2],
      ["ringing", 2, 5],
      ["talk", 5, 65],
    ]);
  });

  it("starts the axis at the first leg when it began before the call's recorded start", () => {
    const timeline = computeLegTimeline(
      [makeLeg({ at: S - 3, ringing_at: S - 3, bye_at: S + 7 })],
      S,
    );
    expect(timeline.origin).toBe(S - 3);
    expect(timeline.lanes[0]!.start).toBe(0);
  });

  it("has no lanes without legs", () => {
    expect(computeLegTimeline([], S)).toEqual({ origin: S, span: 0, lanes: [] });
  });
});

describe("axis ticks", () => {
  it("steps on round numbers, about six ticks", () => {
    expect(axisTicks(41)).toEqual([0, 10, 20, 30, 40]);
    expect(axisTicks(382)).toEqual([0, 120, 240, 360]);
    expect(axisTicks(3)).toEqual([0, 1, 2, 3]);
  });
});
