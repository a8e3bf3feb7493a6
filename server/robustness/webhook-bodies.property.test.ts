/**
 * The webhook receiver, given any body: arbitrary JSON (and not JSON at all), and a valid vendor
 * call mutated field by field (removed, retyped, huge, nested, legs broken). It answers 2xx or
 * 4xx in the envelope, never a 5xx; a rejected body writes nothing; and after every request the
 * store is consistent and the list still reads it.
 */
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callListEnvelopeSchema } from "@/contract/call.ts";
import { cdrWebhookBody, liveWebhookBody } from "../connector/fake-upstream.ts";
import { buildCall, buildLeg } from "../test/call-builder.ts";
import { isErrorEnvelope, postWebhook, type RobustApp, startRobustApp } from "./robust-app.ts";
import { storeCounts, storeProblems } from "./store-consistency.ts";

let robust: RobustApp;

beforeAll(async () => {
  robust = await startRobustApp();
});

afterAll(async () => {
  await robust.close();
});

let sent = 0;

/** A valid end-of-call body with a transaction id no other run uses. */
function validBody(withLegs: boolean): Record<string, unknown> {
  sent += 1;
  const call = buildCall({ transaction_id: `prop-${sent}`, last_updated_date: 1_000 + sent });
  const body: Record<string, unknown> = { ...cdrWebhookBody(call) };
  if (withLegs) body.call_stacks = [buildLeg({ index: 1 }), buildLeg({ index: 2, to: "70759-7" })];
  return body;
}

const CALL_KEYS = Object.keys(validBody(true));
const LEG_KEYS = Object.keys(buildLeg({ index: 1 }));

const oddValue = fc.oneof(
  { weight: 3, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  {
    weight: 2,
    arbitrary: fc.constantFrom<unknown>(
      null,
      "",
      -1,
      0,
      1.5,
      1e308,
      -1e308,
      Number.MAX_SAFE_INTEGER + 2,
      "x".repeat(20_000),
      "<script>alert(1)</script>",
      "\u0000",
      "😀",
      [],
      {},
      [null],
      "ringing",
      "cdr",
      "https://evil.example/a.wav",
      "javascript:alert(1)",
    ),
  },
);

type Mutation =
  | { kind: "remove"; key: string }
  | { kind: "set"; key: string; value: unknown }
  | { kind: "leg"; leg: number; key: string; value: unknown };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant("remove" as const), key: fc.constantFrom(...CALL_KEYS) }),
  fc.record({
    kind: fc.constant("set" as const),
    key: fc.constantFrom(...CALL_KEYS, "state", "call_stacks", "__proto__"),
    value: oddValue,
  }),
  fc.record({
    kind: fc.constant("set" as const),
    key: fc.string({ maxLength: 10 }),
    value: oddValue,
  }),
  fc.record({
    kind: fc.constant("leg" as const),
    leg: fc.nat({ max: 2 }),
    key: fc.constantFrom(...LEG_KEYS),
    value: oddValue,
  }),
);

/** Sets a key as an own property, even "__proto__", so that it is sent as JSON. */
function setOwn(target: Record<string, unknown>, key: string, value: unknown) {
  Object.defineProperty(target, key, {
    value,
    enumerable: true,
    writable: true,
    configurable: true,
  });
}

function mutated(body: Record<string, unknown>, mutations: readonly Mutation[]) {
  const result = structuredClone(body);
  for (const change of mutations) {
    if (change.kind === "remove") delete result[change.key];
    else if (change.kind === "set") setOwn(result, change.key, change.value);
    else if (Array.isArray(result.call_stacks)) {
      const leg = result.call_stacks[change.leg];
      if (typeof leg === "object" && leg !== null) setOwn(leg, change.key, change.value);
      else result.call_stacks[change.leg] = change.value;
    }
  }
  return result;
}

/** Sends a body, then checks the answer and what it left in the store. */
async function sendAndCheck(body: unknown, contentType?: string) {
  const before = storeCounts(robust.store.sqlite);
  const response = await postWebhook(robust.app, body, contentType);
  expect(response.statusCode, response.body).toBeLessThan(500);
  expect([2, 4], response.body).toContain(Math.floor(response.statusCode / 100));
  const answer = response.json();
  if (response.statusCode >= 400) {
    expect(isErrorEnvelope(answer), response.body).toBe(true);
    expect(storeCounts(robust.store.sqlite)).toEqual(before);
  } else {
    expect(answer.status_code, response.body).toBe(9999);
  }
  expect(storeProblems(robust.store.sqlite)).toEqual([]);
  return response.statusCode;
}

/** Whatever was accepted, the list still reads every stored call as the contract says. */
async function expectListReadable() {
  const response = await robust.inject({
    method: "GET",
    url: "/api/call_transaction/list?size=500",
  });
  expect(response.statusCode, response.body).toBe(200);
  callListEnvelopeSchema.parse(response.json());
}

describe("POST /api/webhooks/omicall with any body", () => {
  it("answers arbitrary JSON, and text that is not JSON, with 2xx or 4xx and writes no junk", async () => {
    const anyBody = fc.oneof(
      fc.jsonValue({ maxDepth: 4 }).map((value) => JSON.stringify(value) ?? "null"),
      fc.string({ unit: "grapheme", maxLength: 200 }),
      fc.constantFrom("", "{", '{"state":', "[", "null", '{"__proto__":{"x":1}}', "\u0000"),
    );
    const contentType = fc.constantFrom("application/json", "text/plain", "application/xml");
    await fc.assert(
      fc.asyncProperty(anyBody, contentType, async (body, type) => {
        await sendAndCheck(body, type);
      }),
      { numRuns: 200 },
    );
    await expectListReadable();
  });

  it("answers a valid call mutated in any way with 2xx or 4xx; a rejected one writes nothing", async () => {
    const statuses = new Set<number>();
    await fc.assert(
      fc.asyncProperty(
        fc.boolean(),
        fc.array(mutation, { minLength: 1, maxLength: 4 }),
        async (withLegs, mutations) => {
          statuses.add(await sendAndCheck(mutated(validBody(withLegs), mutations)));
        },
      ),
      { numRuns: 300 },
    );
    await expectListReadable();
    // Some mutations are harmless (accepted) and some are not (rejected): both paths were run.
    expect([...statuses].some((status) => status < 300)).toBe(true);
    expect([...statuses].some((status) => status >= 400)).toBe(true);
  });

  it("answers mutated live-call webhooks (ringing, answered, hangup) the same way", async () => {
    const liveMutation = fc.record({
      key: fc.constantFrom("call_uuid", "state", "created_time", "direction", "from_number"),
      value: oddValue,
    });
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom("ringing" as const, "answered" as const, "hangup" as const),
        fc.array(liveMutation, { maxLength: 3 }),
        async (state, changes) => {
          sent += 1;
          const body: Record<string, unknown> = {
            ...liveWebhookBody(buildCall({ transaction_id: `live-${sent}` }), state, 1_000_000),
          };
          for (const change of changes) setOwn(body, change.key, change.value);
          await sendAndCheck(body);
        },
      ),
      { numRuns: 150 },
    );
  });
});
