import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { callLegSchema, callSchema } from "@/contract/call.ts";
import { deriveCallStatus } from "@/contract/call-derivations.ts";
import seedDetail from "../../tests/fixtures/seed-detail-response.json" with { type: "json" };
import { DEMO_TENANT_ID } from "./demo-tenant.ts";
import { buildDemoStaff } from "./directory.ts";
import { type DemoCall, generateDemoCalls } from "./generate-calls.ts";

// A Wednesday morning in Hanoi; the window then spans 27 Aug – 25 Nov 2026 (National Day too).
const NOW = new Date("2026-11-25T10:00:00+07:00");
const NOW_SECONDS = NOW.getTime() / 1000;
const SEED = 20261125;

const generated = [...generateDemoCalls({ count: 5_000, seed: SEED, now: NOW })];
const share = (predicate: (entry: DemoCall) => boolean, among = generated) =>
  among.filter(predicate).length / among.length;

/** Local (UTC+07:00) clock of a unix time, computed here independently of the generator. */
function hanoi(unixSeconds: number) {
  const date = new Date((unixSeconds + 7 * 3600) * 1000);
  return {
    date: date.toISOString().slice(0, 10),
    weekday: date.getUTCDay(),
    minutes: date.getUTCHours() * 60 + date.getUTCMinutes(),
  };
}

function digest(calls: Iterable<DemoCall>): string {
  const hash = createHash("sha256");
  for (const entry of calls) hash.update(JSON.stringify(entry));
  return hash.digest("hex");
}

describe("generateDemoCalls", () => {
  it("is deterministic: the same count, seed and now give byte-identical calls", () => {
    const again = digest(generateDemoCalls({ count: 5_000, seed: SEED, now: NOW }));
    expect(again).toBe(digest(generated));
    expect(digest(generateDemoCalls({ count: 5_000, seed: SEED + 1, now: NOW }))).not.toBe(again);
  });

  it("gives the n-th call the same transaction id whatever the count or now", () => {
    const ids = (count: number, now: Date) =>
      [...generateDemoCalls({ count, seed: SEED, now })].map((entry) => entry.call.transaction_id);
    const few = ids(50, NOW);
    expect(ids(200, new Date("2026-12-01T08:00:00Z")).slice(0, 50)).toEqual(few);
    expect(new Set(generated.map((entry) => entry.call.transaction_id)).size).toBe(5_000);
    for (const id of few) {
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    }
  });

  it("yields exactly count calls, oldest first, within the 90 days before now", () => {
    expect(generated).toHaveLength(5_000);
    let previous = 0;
    for (const { call } of generated) {
      expect(call.time_start_call).toBeGreaterThanOrEqual(previous);
      previous = call.time_start_call;
      expect(call.time_start_call).toBeGreaterThanOrEqual(NOW_SECONDS - 90 * 86_400);
      expect(call.time_end_call).toBeLessThanOrEqual(NOW_SECONDS);
      expect(call.last_updated_date).toBeLessThanOrEqual(NOW.getTime());
    }
    expect(generated[0]!.call.time_start_call).toBeLessThan(NOW_SECONDS - 88 * 86_400);
    expect(generated.at(-1)!.call.time_start_call).toBeGreaterThan(NOW_SECONDS - 2 * 86_400);
  });

  it("rejects options it cannot honour", () => {
    expect(() => generateDemoCalls({ count: -1, seed: 1, now: NOW })).toThrow(/count/);
    expect(() => generateDemoCalls({ count: 1.5, seed: 1, now: NOW })).toThrow(/count/);
    expect(() => generateDemoCalls({ count: 1, seed: Number.NaN, now: NOW })).toThrow(/seed/);
    expect(() => generateDemoCalls({ count: 1, seed: 1, now: new Date("nope") })).toThrow(/now/);
    expect([...generateDemoCalls({ count: 0, seed: 1, now: NOW })]).toEqual([]);
  });

  it("produces every field of the vendor's sample, in its order, and parses with the contract", () => {
    const callKeys = Object.keys(seedDetail.payload);
    const legKeys = Object.keys(seedDetail.call_stacks[0]!);
    for (const { call, legs } of generated) {
      expect(Object.keys(call)).toEqual(callKeys);
      expect(callSchema.safeParse(call).success).toBe(true);
      expect(call.tenant_id).toBe(DEMO_TENANT_ID);
      for (const leg of legs) {
        expect(Object.keys(leg)).toEqual(legKeys);
        expect(callLegSchema.safeParse(leg).success).toBe(true);
      }
    }
  });

  it("keeps the legs' times in order and consistent with the call's", () => {
    for (const { call, legs } of generated) {
      expect(legs.map((leg) => leg.index)).toEqual(legs.map((_, position) => position + 1));
      let previousAt = call.time_start_call;
      for (const leg of legs) {
        expect(leg.at).toBeGreaterThanOrEqual(previousAt);
        previousAt = leg.at;
        const ringing = leg.ringing_at ?? leg.at;
        expect(ringing).toBeGreaterThanOrEqual(leg.at);
        if (leg.answer_at !== null) {
          expect(leg.ringing_at).not.toBeNull();
          expect(leg.answer_at).toBeGreaterThanOrEqual(ringing);
        }
        expect(leg.is_answer).toBe(leg.answer_at !== null);
        expect(leg.bye_at!).toBeGreaterThanOrEqual(leg.answer_at ?? ringing);
        expect(leg.bye_at!).toBeLessThanOrEqual(call.time_end_call);
        if (!leg.is_online || leg.is_dnd)
          expect([leg.ringing_at, leg.bye_at]).toEqual([null, leg.at]);
        if (leg.is_busy) expect([leg.ringing_at, leg.bye_at]).toEqual([leg.at, leg.at]);
      }
      if (legs.length > 0) {
        const lastBye = Math.max(...legs.map((leg) => leg.bye_at!));
        expect(call.time_end_call - lastBye).toBeGreaterThanOrEqual(0);
        expect(call.time_end_call - lastBye).toBeLessThanOrEqual(2);
      }
      expect(call.duration).toBe(call.time_end_call - call.time_start_call);
    }
  });

  it("derives answer_sec, bill_sec and the recording from the answer", () => {
    for (const { call, legs } of generated) {
      const answers = legs.filter((leg) => leg.answer_at !== null).map((leg) => leg.answer_at!);
      if (call.time_start_to_answer === null) {
        expect([call.answer_sec, call.bill_sec, call.record_seconds]).toEqual([0, 0, 0]);
        expect(answers).toEqual([]);
        expect(call.recording_file_url).toBe("");
        continue;
      }
      expect(call.time_start_to_answer).toBe(Math.min(...answers));
      expect(call.answer_sec).toBe(call.time_start_to_answer - call.time_start_call);
      expect(call.bill_sec).toBe(call.time_end_call - call.time_start_to_answer);
      expect(call.bill_sec).toBeGreaterThan(0);
      expect(call.bill_sec - call.record_seconds).toBeGreaterThanOrEqual(0);
      expect(call.bill_sec - call.record_seconds).toBeLessThanOrEqual(1);
      const { date } = hanoi(call.time_start_call);
      expect(call.recording_file).toBe(`${call.transaction_id}.wav`);
      expect(call.recording_file_url).toBe(
        `https://recordings.demo.invalid/${date.replaceAll("-", "/")}/${call.transaction_id}.wav`,
      );
      expect(call.recording_file_voicemail).toBe(
        call.is_voicemail ? call.recording_file_url : null,
      );
    }
  });

  it("gives every customer number the prefix of its carrier", () => {
    const prefixes: Record<string, string[]> = {
      viettel: ["086", "096", "097", "098", "032", "033", "034", "035", "036", "037", "038", "039"],
      mobifone: ["089", "090", "093", "070", "076", "077", "078", "079"],
      vinaphone: ["088", "091", "094", "081", "082", "083", "084", "085"],
      vietnamobile: ["092", "056", "058"],
      gmobile: ["099", "059"],
      itelecom: ["087"],
    };
    const providers = new Set<string>();
    for (const { call } of generated) {
      if (call.direction === "local") {
        expect(call.provider).toBeNull();
        continue;
      }
      const phone = call.phone_number!;
      expect(phone).toMatch(/^0\d{9}$/);
      expect(prefixes[call.provider!]).toContain(phone.slice(0, 3));
      providers.add(call.provider!);
    }
    expect([...providers].sort()).toEqual(Object.keys(prefixes).sort());
  });

  it("numbers the two ends by direction", () => {
    for (const { call } of generated) {
      if (call.direction === "inbound") {
        expect(call.source_number).toBe(call.phone_number);
        expect(call.destination_number).toBe(call.sip_number);
      } else if (call.direction === "outbound") {
        expect(call.destination_number).toBe(call.phone_number);
        expect(call.source_number).toBe(call.is_auto_call ? call.sip_number : call.sip_user);
        expect(call.create_by?.type).toBe(call.is_auto_call ? "extension" : "agent");
      } else {
        expect(call.source_number).toBe(call.sip_user);
        expect(call.destination_number).toBe(call.phone_number);
        expect(call.customer).toBeNull();
      }
    }
  });

  it("mixes outcomes like a real center", () => {
    const status = (wanted: string) =>
      share(({ call, legs }) => deriveCallStatus(call, legs) === wanted);
    expect(status("answered")).toBeGreaterThanOrEqual(0.65);
    expect(status("answered")).toBeLessThanOrEqual(0.75);
    expect(status("missed")).toBeGreaterThanOrEqual(0.12);
    expect(status("missed")).toBeLessThanOrEqual(0.2);
    expect(status("voicemail")).toBeGreaterThanOrEqual(0.02);
    expect(status("voicemail")).toBeLessThanOrEqual(0.05);
    expect(status("busy")).toBeGreaterThanOrEqual(0.03);
    expect(status("busy")).toBeLessThanOrEqual(0.06);
    expect(status("failed")).toBeGreaterThanOrEqual(0.02);
    expect(status("failed")).toBeLessThanOrEqual(0.04);

    const direction = (wanted: string) => share(({ call }) => call.direction === wanted);
    expect(direction("inbound")).toBeGreaterThan(0.55);
    expect(direction("inbound")).toBeLessThan(0.66);
    expect(direction("outbound")).toBeGreaterThan(0.3);
    expect(direction("outbound")).toBeLessThan(0.4);
    expect(direction("local")).toBeGreaterThan(0.03);
    expect(direction("local")).toBeLessThan(0.07);
    expect(share(({ call }) => call.is_auto_call)).toBeGreaterThan(0.03);
  });

  it("ends each kind of call with matching hang-up fields", () => {
    for (const { call, legs } of generated) {
      const status = deriveCallStatus(call, legs);
      const cause = `${call.hangup_cause}/${call.hangup_cause_q850}/${call.sip_hangup_disposition}`;
      if (status === "answered" || status === "voicemail") {
        expect(cause).toMatch(/^NORMAL_CLEARING\/16\/(send|recv)_bye$/);
      } else if (status === "busy") {
        expect(cause).toMatch(/^USER_BUSY\/17\/(send|recv)_refuse$/);
        expect(call.invite_failure_status).toBe(486);
      } else if (status === "failed") {
        expect(call.invite_failure_status).not.toBeNull();
        expect(cause).toMatch(
          /^(UNALLOCATED_NUMBER\/1|NORMAL_TEMPORARY_FAILURE\/41|CALL_REJECTED\/21)\//,
        );
      } else {
        expect(cause).toMatch(
          /^(ORIGINATOR_CANCEL\/487\/(send|recv)_cancel|NO_ANSWER\/19|NO_USER_RESPONSE\/18)/,
        );
        expect(call.invite_failure_status).toBeNull();
      }
      if (call.sip_hangup_disposition === "send_bye" && call.direction !== "local") {
        expect(call.endby_name).toBe("end_call_by_customer");
      }
      if (call.sip_hangup_disposition === "recv_bye")
        expect(call.endby_name).toBe("end_call_by_agent");
    }
  });

  it("flags out-of-hours calls by the local time", () => {
    for (const { call } of generated) {
      const { date, weekday, minutes } = hanoi(call.time_start_call);
      const closes = weekday === 6 ? 12 * 60 : 17 * 60 + 30;
      const insideHours = weekday !== 0 && minutes >= 8 * 60 && minutes < closes;
      if (!insideHours) expect(call.out_of_working_time).toBe(true);
      // National Day (1–2 September) is a public holiday: closed all day.
      if (date === "2026-09-01" || date === "2026-09-02")
        expect(call.out_of_working_time).toBe(true);
    }
    const outOfHours = share(({ call }) => call.out_of_working_time);
    expect(outOfHours).toBeGreaterThan(0.04);
    expect(outOfHours).toBeLessThan(0.15);
  });

  it("follows the center's week and day: busy weekdays, quiet Sundays, a lunch dip", () => {
    const byWeekday = Array.from({ length: 7 }, () => 0);
    let morningPeak = 0;
    let lunch = 0;
    for (const { call } of generated) {
      const { weekday, minutes } = hanoi(call.time_start_call);
      byWeekday[weekday]! += 1;
      if (minutes >= 9 * 60 + 30 && minutes < 10 * 60 + 30) morningPeak += 1;
      if (minutes >= 12 * 60 && minutes < 13 * 60) lunch += 1;
    }
    const weekdayAverage = (byWeekday.slice(1, 6).reduce((a, b) => a + b, 0) / 5) as number;
    expect(byWeekday[0]!).toBeLessThan(weekdayAverage * 0.15);
    expect(byWeekday[6]!).toBeLessThan(weekdayAverage * 0.5);
    expect(byWeekday[6]!).toBeGreaterThan(byWeekday[0]!);
    expect(lunch).toBeLessThan(morningPeak * 0.5);
  });

  it("transfers some answered calls to a second agent", () => {
    const transferred = generated.filter(({ call }) => call.transfer_histories.length > 0);
    expect(transferred.length).toBeGreaterThan(50);
    for (const { call, legs } of transferred) {
      const transferLeg = legs.find((leg) => leg.type === "transfer")!;
      const history = call.transfer_histories[0] as Record<string, unknown>;
      expect(history).toMatchObject({ from_user: call.sip_user, at: transferLeg.at });
      expect(["blind", "attended"]).toContain(history.type);
      expect(transferLeg.to).toMatch(new RegExp(`-${history.to_user}$`));
      // The first agent stays on until the colleague picks up.
      const firstAgentLeg = legs.find((leg) => leg.is_answer && leg.type !== "transfer")!;
      expect(firstAgentLeg.bye_at).toBe(transferLeg.answer_at);
      expect(call.user).toHaveLength(2);
    }
  });

  it("files each answered inbound call under the agent whose leg answered", () => {
    const answeredInbound = generated.filter(
      ({ call, legs }) =>
        call.direction === "inbound" && deriveCallStatus(call, legs) === "answered",
    );
    expect(answeredInbound.length).toBeGreaterThan(1_000);
    for (const { call, legs } of answeredInbound) {
      const answered = legs.find((leg) => leg.is_answer)!;
      if (answered.type === "forward-out") {
        expect(call.is_have_forward_out).toBe(true);
        expect(call.out_of_working_time).toBe(true);
        continue;
      }
      expect(answered.to).toBe(`${answered.to!.split("-")[0]}-${call.sip_user}`);
      expect(call.user[0]?.full_name).toBeTruthy();
    }
    const byType = new Set(answeredInbound.flatMap(({ legs }) => legs.map((leg) => leg.type)));
    for (const type of ["criteria-script", "queue", "ring-group", "transfer"]) {
      expect(byType).toContain(type);
    }
  });

  it("writes Vietnamese names with diacritics and their unsigned forms", () => {
    const people = generated.flatMap(({ call }) => [
      ...call.user,
      ...(call.customer ? [call.customer] : []),
    ]);
    const withDiacritics = people.filter((person) => /[^ -~]/.test(person.full_name!));
    expect(withDiacritics.length / people.length).toBeGreaterThan(0.8);
    const casing = new Set<string>();
    for (const person of people) {
      const unsigned = person.full_name_unsigned!;
      expect(unsigned).toMatch(/^[A-Za-z ]+$/);
      const expected = person
        .full_name!.normalize("NFD")
        .replace(/[\u0300-\u036f]/g, "")
        .replace(/đ/g, "d")
        .replace(/Đ/g, "D");
      expect(unsigned.toLowerCase()).toBe(expected.toLowerCase());
      casing.add(
        unsigned === unsigned.toLowerCase()
          ? "lower"
          : unsigned === unsigned.toUpperCase()
            ? "upper"
            : "mixed",
      );
    }
    expect(casing).toEqual(new Set(["lower", "upper", "mixed"]));
    expect(
      share(({ call }) => call.direction === "inbound" && call.customer === null),
    ).toBeGreaterThan(0.05);
  });

  it("prices outbound calls per started minute at the carrier's rate", () => {
    for (const { call } of generated) {
      if (call.direction === "outbound") {
        const minutes = Math.ceil(call.bill_sec / 60);
        const rate = minutes === 0 ? 0 : call.call_out_price / minutes;
        if (minutes === 0) expect(call.call_out_price).toBe(0);
        else expect(rate).toBeGreaterThanOrEqual(1_000);
        expect(rate).toBeLessThanOrEqual(1_500);
      } else if (!call.is_have_forward_out) {
        expect(call.call_out_price).toBe(0);
      }
    }
  });

  it("tags and notes some calls from the catalogue", () => {
    const tagged = generated.filter(({ call }) => call.tag.length > 0);
    expect(tagged.length / generated.length).toBeGreaterThan(0.15);
    expect(generated.some(({ call }) => call.note !== null)).toBe(true);
    for (const { call } of tagged) {
      for (const tag of call.tag) expect(tag).toMatch(/^[0-9a-f]{24}$/);
      // Tagging happens after the call: the record was updated then.
      expect(call.last_updated_date).toBeGreaterThanOrEqual(call.created_date);
    }
  });
});

describe("buildDemoStaff", () => {
  it("staffs 20–60 agents in 3–5 groups behind 3–6 hotlines, whatever the seed", () => {
    const agentCounts = new Set<number>();
    for (let seed = 1; seed <= 40; seed += 1) {
      const staff = buildDemoStaff(seed);
      agentCounts.add(staff.agents.length);
      expect(staff.agents.length).toBeGreaterThanOrEqual(20);
      expect(staff.agents.length).toBeLessThanOrEqual(60);
      expect(staff.groups.length).toBeGreaterThanOrEqual(3);
      expect(staff.groups.length).toBeLessThanOrEqual(5);
      expect(staff.hotlines.length).toBeGreaterThanOrEqual(3);
      expect(staff.hotlines.length).toBeLessThanOrEqual(6);
      expect(new Set(staff.agents.map((agent) => agent.extension)).size).toBe(staff.agents.length);
      expect(new Set(staff.agents.map((agent) => agent.email)).size).toBe(staff.agents.length);
      for (const agent of staff.agents) {
        expect(agent.email).toMatch(/^[a-z0-9]+@saomai\.example$/);
        expect(Number(agent.extension)).toBeGreaterThanOrEqual(101);
      }
    }
    expect(agentCounts.size).toBeGreaterThan(5);
  });
});
