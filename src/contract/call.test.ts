import { describe, expect, it } from "vitest";
import seedDetail from "../../tests/fixtures/seed-detail-response.json" with { type: "json" };
import seedList from "../../tests/fixtures/seed-list-response.json" with { type: "json" };
import {
  apiErrorEnvelopeSchema,
  callListEnvelopeSchema,
  vendorCallDetailEnvelopeSchema,
  vendorCallListEnvelopeSchema,
} from "./call.ts";
import { deriveCallStatus } from "./call-derivations.ts";

describe("the call contract", () => {
  it("parses the seed's list sample", () => {
    const envelope = vendorCallListEnvelopeSchema.parse(seedList);
    expect(envelope.payload.items).toHaveLength(1);
    expect(envelope.payload.items[0]?.customer?.full_name).toBe("Trần Đình Tâm");
    expect(envelope.payload.items[0]?.call_out_price).toBe(66);
  });

  it("parses the seed's detail sample with its legs", () => {
    const envelope = vendorCallDetailEnvelopeSchema.parse(seedDetail);
    expect(envelope.call_stacks).toEqual([
      expect.objectContaining({ type: "criteria-script", index: 1, is_answer: true }),
    ]);
  });

  it("keeps fields the vendor adds later instead of dropping them", () => {
    const drifted = structuredClone(seedList) as { payload: { items: Record<string, unknown>[] } };
    drifted.payload.items[0]!.sentiment_score = 0.8;
    const envelope = vendorCallListEnvelopeSchema.parse(drifted);
    expect(envelope.payload.items[0]).toHaveProperty("sentiment_score", 0.8);
  });

  it("accepts null where the seed shows null and rejects a wrong type", () => {
    const withNullCustomer = structuredClone(seedList) as {
      payload: { items: Record<string, unknown>[] };
    };
    withNullCustomer.payload.items[0]!.customer = null;
    expect(vendorCallListEnvelopeSchema.safeParse(withNullCustomer).success).toBe(true);
    const wrong = structuredClone(seedList) as { payload: { items: Record<string, unknown>[] } };
    wrong.payload.items[0]!.bill_sec = "five";
    expect(vendorCallListEnvelopeSchema.safeParse(wrong).success).toBe(false);
  });

  it("requires our derived fields on our own list", () => {
    expect(callListEnvelopeSchema.safeParse(seedList).success).toBe(false);
  });

  it("reads the error envelope", () => {
    const error = apiErrorEnvelopeSchema.parse({
      instance_id: "stg",
      instance_version: "1.2.164",
      key_enabled: false,
      status_code: -9999,
      message: "api_key_invalid",
      payload: null,
    });
    expect(error.message).toBe("api_key_invalid");
  });
});

describe("deriveCallStatus", () => {
  const base = {
    is_voicemail: false,
    answer_sec: 0,
    bill_sec: 0,
    hangup_cause: null,
    hangup_cause_q850: null,
  };
  it.each([
    [{ ...base, bill_sec: 5 }, "answered"],
    [{ ...base, is_voicemail: true, bill_sec: 20 }, "voicemail"],
    [{ ...base, hangup_cause: "USER_BUSY", hangup_cause_q850: 17 }, "busy"],
    [{ ...base, hangup_cause: "UNALLOCATED_NUMBER", hangup_cause_q850: 1 }, "failed"],
    [{ ...base, hangup_cause: "ORIGINATOR_CANCEL", hangup_cause_q850: 487 }, "missed"],
    [{ ...base, hangup_cause: "NO_ANSWER", hangup_cause_q850: 19 }, "missed"],
  ] as const)("%o is %s", (call, status) => {
    expect(deriveCallStatus(call)).toBe(status);
  });

  it("counts a call answered when only a leg says so", () => {
    const answeredLeg = vendorCallDetailEnvelopeSchema.parse(seedDetail).call_stacks[0]!;
    expect(deriveCallStatus(base, [answeredLeg])).toBe("answered");
  });
});
