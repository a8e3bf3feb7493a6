import Fastify, { type FastifyBaseLogger, type FastifyInstance } from "fastify";
import pino from "pino";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { cdrWebhookBody, liveWebhookBody } from "../connector/fake-upstream.ts";
import { listLiveCalls } from "../connector/live-calls.ts";
import { findCallDetail } from "../store/call-reader.ts";
import { writeCalls } from "../store/call-writer.ts";
import type { Store } from "../store/open-store.ts";
import { buildCall, buildLeg, openTemporaryStore } from "../test/call-builder.ts";
import { supervisorScope } from "../test/signed-in.ts";
import { webhookRoutes } from "./webhooks.ts";

const SECRET = "s3cr3t-token-0123456789abcdef";
const URL_WITH_TOKEN = `/api/webhooks/omicall/${SECRET}`;

let store: Store;
let cleanup: () => Promise<void>;
let app: FastifyInstance;
let logLines: string[];

beforeEach(async () => {
  ({ store, cleanup } = await openTemporaryStore());
  logLines = [];
  const logger = pino({ level: "info" }, { write: (line: string) => logLines.push(line) });
  app = Fastify({ loggerInstance: logger as FastifyBaseLogger });
  await app.register(webhookRoutes, { store, secret: SECRET, bodyLimitBytes: 64 * 1024 });
});

afterEach(async () => {
  await app.close();
  await cleanup();
});

const storedCalls = () =>
  (store.sqlite.prepare("SELECT count(*) AS n FROM calls").get() as { n: number }).n;

function post(
  body: unknown,
  { url = URL_WITH_TOKEN, headers = {} as Record<string, string> } = {},
) {
  return app.inject({
    method: "POST",
    url,
    headers: { "content-type": "application/json", ...headers },
    payload: typeof body === "string" ? body : JSON.stringify(body),
  });
}

const cdr = (overrides: Parameters<typeof buildCall>[0]) => cdrWebhookBody(buildCall(overrides));

describe("POST /api/webhooks/omicall", () => {
  it("stores an end-of-call webhook, with the secret as the path token", async () => {
    const response = await post(cdr({ transaction_id: "w1", last_updated_date: 1_000 }));
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({
      status_code: 9999,
      payload: { transaction_id: "w1", result: "written" },
    });
    const detail = await findCallDetail(store.db, "w1", supervisorScope());
    expect(JSON.parse(detail!.callJson)).toMatchObject({ state: "cdr", transaction_id: "w1" });
  });

  it("takes the secret from the x-webhook-secret header too", async () => {
    const response = await post(cdr({ transaction_id: "w2" }), {
      url: "/api/webhooks/omicall",
      headers: { "x-webhook-secret": SECRET },
    });
    expect(response.statusCode, response.body).toBe(200);
  });

  it("answers 401, before reading the body, to a missing or wrong secret", async () => {
    const body = cdr({ transaction_id: "w3" });
    const attempts = [
      post(body, { url: "/api/webhooks/omicall" }),
      post(body, { url: "/api/webhooks/omicall/wrong-token-0123456789" }),
      post(body, { url: "/api/webhooks/omicall", headers: { "x-webhook-secret": `${SECRET}x` } }),
      // A right header does not excuse a wrong token.
      post(body, {
        url: "/api/webhooks/omicall/wrong-token-0123456789",
        headers: { "x-webhook-secret": SECRET },
      }),
      post("{not json", { url: "/api/webhooks/omicall/nope" }),
    ];
    for (const response of await Promise.all(attempts)) {
      expect(response.statusCode).toBe(401);
      expect(response.json()).toMatchObject({ status_code: -9999, message: "unauthorized" });
    }
    expect(storedCalls()).toBe(0);
  });

  it("is idempotent: the vendor's resends leave one call", async () => {
    const body = cdr({ transaction_id: "w4", last_updated_date: 5_000 });
    for (let retry = 0; retry < 3; retry += 1) {
      const response = await post({ ...body, send_num_retry: retry });
      expect(response.statusCode).toBe(200);
    }
    expect(storedCalls()).toBe(1);
  });

  it("never lets a late older version overwrite a newer one", async () => {
    await post(cdr({ transaction_id: "w5", last_updated_date: 2_000, note: "newer" }));
    const late = await post(cdr({ transaction_id: "w5", last_updated_date: 1_000, note: "older" }));
    expect(late.statusCode).toBe(200);
    expect(late.json().payload.result).toBe("older_ignored");
    const detail = await findCallDetail(store.db, "w5", supervisorScope());
    expect(JSON.parse(detail!.callJson).note).toBe("newer");
  });

  it("keeps the stored legs when the webhook carries none, and takes the legs it carries", async () => {
    const call = buildCall({ transaction_id: "w6", last_updated_date: 3_000 });
    await writeCalls(store.db, [{ call, legs: [buildLeg({ index: 1 }), buildLeg({ index: 2 })] }]);
    await post(cdrWebhookBody(call));
    expect((await findCallDetail(store.db, "w6", supervisorScope()))!.legsJson).toHaveLength(2);
    await post({
      ...cdrWebhookBody({ ...call, last_updated_date: 4_000 }),
      call_stacks: [buildLeg({ index: 1, to: "70759-999" })],
    });
    const legs = (await findCallDetail(store.db, "w6", supervisorScope()))!.legsJson.map((leg) =>
      JSON.parse(leg),
    );
    expect(legs.map((leg) => leg.to)).toEqual(["70759-999"]);
  });

  it("answers 400 to a body that is not JSON, logs it, and writes nothing", async () => {
    const response = await post('{"transaction_id": "w7", ');
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ status_code: -9999, message: "invalid_json" });
    expect(logLines.join("\n")).toContain("body is not JSON");
    expect(storedCalls()).toBe(0);
  });

  it("answers 400 to a record that fails the contract, naming the fields, and writes nothing", async () => {
    const { bill_sec: _dropped, ...withoutBillSec } = cdr({ transaction_id: "w8" });
    const response = await post({ ...withoutBillSec, direction: "sideways" });
    expect(response.statusCode).toBe(400);
    const body = response.json();
    expect(body.message).toBe("invalid_call_record");
    expect(body.errors.map((error: { parameter: string }) => error.parameter)).toEqual(
      expect.arrayContaining(["direction", "bill_sec"]),
    );
    expect(logLines.join("\n")).toContain("not a valid call record");
    const badLeg = await post({ ...cdr({ transaction_id: "w8" }), call_stacks: [{ index: 1 }] });
    expect(badLeg.statusCode).toBe(400);
    expect(await post([1, 2, 3]).then((r) => r.statusCode)).toBe(400);
    expect(storedCalls()).toBe(0);
  });

  it("answers 413 to a body over the limit, and writes nothing", async () => {
    const response = await post(cdr({ transaction_id: "w9", note: "x".repeat(100 * 1024) }));
    expect(response.statusCode).toBe(413);
    expect(response.json()).toMatchObject({ message: "payload_too_large" });
    expect(storedCalls()).toBe(0);
  });

  it("reads the body as JSON whatever its content type", async () => {
    for (const contentType of ["text/plain", "application/x-www-form-urlencoded"]) {
      const response = await post(cdr({ transaction_id: "w10" }), {
        headers: { "content-type": contentType },
      });
      expect(response.statusCode, response.body).toBe(200);
    }
  });

  it("keeps the latest live state of a call in progress until its record arrives", async () => {
    const call = buildCall({ transaction_id: "w11", last_updated_date: 9_000 });
    const ringing = await post(liveWebhookBody(call, "ringing", 1_000_000));
    expect(ringing.statusCode, ringing.body).toBe(200);
    await post(liveWebhookBody(call, "answered", 1_005_000));
    const late = await post(liveWebhookBody(call, "ringing", 1_000_000));
    expect(late.json().payload.result).toBe("older_ignored");
    expect(await listLiveCalls(store.db, 1_010_000)).toMatchObject([
      { call_uuid: "w11", state: "answered", event_time: 1_005_000 },
    ]);
    expect(storedCalls()).toBe(0);
    await post(cdrWebhookBody(call));
    expect(await listLiveCalls(store.db, 1_010_000)).toEqual([]);
    const bad = await post({ ...liveWebhookBody(call, "hangup", 1), call_uuid: 42 });
    expect(bad.statusCode).toBe(400);
  });

  it("acknowledges a state the docs do not name without storing it", async () => {
    const response = await post({ call_uuid: "w12", state: "transferring" });
    expect(response.statusCode).toBe(200);
    expect(response.json().payload.result).toBe("ignored");
    expect(storedCalls()).toBe(0);
  });

  it("never writes the secret into its log lines", async () => {
    await post(cdr({ transaction_id: "w13" }));
    await post("nope");
    await post(cdr({ transaction_id: "w14" }), {
      url: "/api/webhooks/omicall",
      headers: { "x-webhook-secret": SECRET },
    });
    expect(logLines.length).toBeGreaterThan(3);
    expect(logLines.join("\n")).not.toContain(SECRET);
    expect(logLines.join("\n")).toContain("/api/webhooks/omicall/***");
  });

  it("refuses to start with a short secret", async () => {
    const other = Fastify();
    await expect(other.register(webhookRoutes, { store, secret: "short" }).ready()).rejects.toThrow(
      "at least 16 characters",
    );
    await other.close();
  });
});
