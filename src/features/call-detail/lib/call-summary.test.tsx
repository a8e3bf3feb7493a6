// Pure logic; named .test.tsx so that the dom test project (src/**/*.test.tsx) runs it.
import { describe, expect, it } from "vitest";
import type { CallLeg, CallListItem } from "@/contract/call.ts";
import { exampleLegs, makeCall, makeLeg, CALL_START as S } from "../testing/fixtures.ts";
import { summarizeCall } from "./call-summary.ts";
import { computeLegTimeline } from "./leg-lanes.ts";
import { buildDirectory, parseLegTarget } from "./people.ts";

const AGENTS = [
  { value: "101", label: "Nguyễn Văn A" },
  { value: "105", label: "Lê Thị B" },
  { value: "112", label: "Võ Thị Nga" },
  { value: "140", label: "Nguyễn Minh Long" },
];

function summary(call: CallListItem, legs: CallLeg[], language: "en" | "vi" = "en") {
  const timeline = computeLegTimeline(legs, call.time_start_call, call.time_end_call);
  return summarizeCall(call, timeline, buildDirectory(call, AGENTS), language);
}

describe("the call in one sentence", () => {
  it("tells the issue's example: rung agents, who answered after how long, talk, who hung up", () => {
    expect(summary(makeCall(), exampleLegs())).toBe(
      "Rang 3 agents over 41 s (1 busy, 1 timed out); answered by Nguyễn Văn A (ext 101) after 18 s; talked 3:12; the customer hung up.",
    );
  });

  it("says it in Vietnamese", () => {
    expect(summary(makeCall(), exampleLegs(), "vi")).toBe(
      "Đổ chuông 3 nhân viên trong 41 giây (1 bận, 1 hết thời gian đổ chuông); Nguyễn Văn A (máy lẻ 101) nghe máy sau 18 giây; đàm thoại 3:12; khách hàng gác máy.",
    );
  });

  it("names an agent the directory does not know by extension only", () => {
    const call = makeCall({ sip_user: "177", user: [] });
    const legs = [
      makeLeg({
        to: "70759-177",
        ringing_at: S,
        answer_at: S + 5,
        bye_at: S + 65,
        is_answer: true,
      }),
    ];
    expect(summary(call, legs)).toContain("answered by ext 177 after 5 s");
  });

  it("tells a missed call: nobody answered, and why each offer failed", () => {
    const call = makeCall({
      status: "missed",
      bill_sec: 0,
      answer_sec: 0,
      time_start_to_answer: null,
      endby_name: "end_call_by_system",
      hangup_cause: "NO_ANSWER",
    });
    const legs = [
      makeLeg({ index: 1, to: "70759-105", ringing_at: null, bye_at: S, is_online: false }),
      makeLeg({ index: 2, to: "70759-112", at: S, ringing_at: S + 1, bye_at: S + 31 }),
      makeLeg({ index: 3, to: "70759-101", at: S + 31, ringing_at: S + 31, bye_at: S + 61 }),
    ];
    expect(summary(call, legs)).toBe(
      "Rang 3 agents over 1:01 (1 offline, 2 timed out); nobody answered; the system ended the call.",
    );
  });

  it("tells a voicemail: when the mailbox took it and how long the message is", () => {
    const call = makeCall({ status: "voicemail", is_voicemail: true, bill_sec: 20 });
    const legs = [
      makeLeg({ index: 1, to: "70759-112", ringing_at: S, bye_at: S + 30 }),
      makeLeg({
        index: 2,
        type: "voicemail",
        to: "70759-voicemail",
        at: S + 30,
        ringing_at: S + 30,
        answer_at: S + 31,
        bye_at: S + 51,
        is_answer: true,
        timeout: 120,
      }),
    ];
    expect(summary(call, legs)).toBe(
      "Rang 1 agent over 30 s (1 timed out); went to voicemail after 31 s; left a 20 s message; the customer hung up.",
    );
  });

  it("tells an outbound call from the agent who dialled", () => {
    const call = makeCall({ direction: "outbound", bill_sec: 75, endby_name: "end_call_by_agent" });
    const legs = [
      makeLeg({
        type: "outbound",
        from: "101",
        to: "0983223566",
        at: S,
        ringing_at: S + 2,
        answer_at: S + 11,
        bye_at: S + 86,
        is_answer: true,
      }),
    ];
    expect(summary(call, legs)).toBe(
      "Nguyễn Văn A (ext 101) called 0983 223 566; picked up after 9 s; talked 1:15; the agent hung up.",
    );
  });

  it("tells an outbound call that did not connect, with the hangup cause in words", () => {
    const call = makeCall({
      direction: "outbound",
      status: "failed",
      bill_sec: 0,
      endby_name: "end_call_by_system",
      hangup_cause: "UNALLOCATED_NUMBER",
    });
    const legs = [makeLeg({ type: "outbound", to: "0983223566", ringing_at: null, bye_at: S + 2 })];
    expect(summary(call, legs)).toBe(
      "Nguyễn Văn A (ext 101) called 0983 223 566; not connected: number does not exist; the system ended the call.",
    );
  });

  it("lists transfers, naming the colleague from the directory", () => {
    const call = makeCall({
      transfer_histories: [{ from_user: "101", to_user: "140", at: S + 120, type: "blind" }],
      user: [
        { full_name: "Nguyễn Văn A", full_name_unsigned: null, note: null, tag: null },
        { full_name: "Nguyễn Minh Long", full_name_unsigned: null, note: null, tag: null },
      ],
    });
    const legs = [
      ...exampleLegs(),
      makeLeg({
        index: 4,
        type: "transfer",
        from: "101",
        to: "70760-140",
        at: S + 120,
        ringing_at: S + 120,
        answer_at: S + 126,
        bye_at: S + 233,
        is_answer: true,
      }),
    ];
    expect(summary(call, legs)).toBe(
      "Rang 3 agents over 41 s (1 busy, 1 timed out); answered by Nguyễn Văn A (ext 101) after 18 s; transferred to Nguyễn Minh Long (ext 140) at 2:00; talked 3:12; the customer hung up.",
    );
  });

  it("tells a call that failed before reaching anybody", () => {
    const call = makeCall({
      status: "failed",
      bill_sec: 0,
      duration: 2,
      endby_name: "end_call_by_system",
      hangup_cause: "NORMAL_TEMPORARY_FAILURE",
    });
    expect(summary(call, [])).toBe(
      "No agent was rung; not connected: temporary network failure; the system ended the call.",
    );
  });

  it("tells a caller who gave up before anybody was rung, and keeps unknown endings as sent", () => {
    const call = makeCall({
      status: "missed",
      bill_sec: 0,
      duration: 15,
      endby_name: "end_call_by_robot",
      hangup_cause: "ORIGINATOR_CANCEL",
    });
    expect(summary(call, [])).toBe("No agent was rung; lasted 15 s; ended by end_call_by_robot.");
  });
});

describe("who a leg rang", () => {
  const directory = new Map([["118", "Đặng Hoàng Hiếu"]]);
  it.each([
    ["70759-118", { kind: "agent", extension: "118", group: "70759", name: "Đặng Hoàng Hiếu" }],
    ["119", { kind: "agent", extension: "119", group: null, name: null }],
    ["70759-voicemail", { kind: "voicemail", group: "70759" }],
    ["0983223566", { kind: "number", number: "0983223566" }],
    ["+84983223566", { kind: "number", number: "+84983223566" }],
    ["sales-script", { kind: "other", value: "sales-script" }],
    [null, { kind: "other", value: null }],
  ])("%s", (to, expected) => {
    expect(parseLegTarget(to, directory)).toEqual(expected);
  });
});
