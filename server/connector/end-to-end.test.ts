/**
 * From the fake upstream to the dashboard's API: synced calls are listed with their derived
 * fields, their details carry the legs, a webhook lands beside them, and a recording plays
 * through our server with the vendor's credential kept on our side.
 */
import type { FastifyInstance } from "fastify";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callDetailEnvelopeSchema, callListEnvelopeSchema } from "@/contract/call.ts";
import { buildApp } from "../app.ts";
import type { Store } from "../store/open-store.ts";
import { openTemporaryStore } from "../test/call-builder.ts";
import { signedInInject } from "../test/signed-in.ts";
import { createOmicallConnector } from "./connector.ts";
import { cdrWebhookBody, type FakeUpstream, startFakeUpstream } from "./fake-upstream.ts";
import { OmicallClient } from "./omicall-client.ts";
import { syncCalls } from "./sync.ts";

const SECRET = "e2e-webhook-secret-0123456789";
let fake: FakeUpstream;
let store: Store;
let cleanup: () => Promise<void>;
let app: FastifyInstance;
let inject: Awaited<ReturnType<typeof signedInInject>>;
let client: OmicallClient;

beforeAll(async () => {
  fake = await startFakeUpstream({ calls: 300, recordingsNeedAuth: true });
  ({ store, cleanup } = await openTemporaryStore());
  client = new OmicallClient({ baseUrl: fake.url, apiKey: fake.apiKey });
  await syncCalls({
    db: store.db,
    client,
    source: "omicall:e2e",
    sinceMs: fake.callTimeRange().firstMs - 1000,
    untilMs: fake.callTimeRange().lastMs + 1000,
  });
  // The server's own wiring: the connector from the environment gives the webhook route and
  // the vendor credential the recordings route streams with.
  const connector = createOmicallConnector({
    store,
    logger: pino({ level: "silent" }),
    environment: {
      OMICALL_BASE_URL: fake.url,
      OMICALL_API_KEY: fake.apiKey,
      OMICALL_WEBHOOK_SECRET: SECRET,
    },
    schedule: false,
  });
  app = await buildApp({ store, connector });
  inject = await signedInInject(app, store, { tenantId: fake.tenantId });
  app.post("/e2e/echo", async (request) => ({ received: request.body }));
}, 60_000);

afterAll(async () => {
  await app.close();
  await cleanup();
  await fake.close();
});

describe("synced calls in the dashboard", () => {
  it("lists every synced call", async () => {
    const response = await inject({ url: "/api/call_transaction/list?size=500" });
    expect(response.statusCode).toBe(200);
    const page = callListEnvelopeSchema.parse(response.json()).payload;
    expect(page.total_items).toBe(300);
    const transferred = page.items.filter((item) => item.is_transferred).length;
    expect(transferred).toBeGreaterThan(0);
  });

  it("shows a call's legs in its detail", async () => {
    const entry = fake.calls[42]!;
    const response = await inject({
      url: `/api/call_transaction/detail/${entry.call.transaction_id}`,
    });
    const detail = callDetailEnvelopeSchema.parse(response.json());
    expect(detail.call_stacks.map((leg) => leg.to)).toEqual(entry.legs.map((leg) => leg.to));
  });

  it("plays a synced call's recording with ranges, without the vendor's credential", async () => {
    const call = fake.calls.find((entry) => entry.call.record_seconds > 0)!.call;
    const response = await inject({
      url: `/api/recordings/${call.transaction_id}`,
      headers: { range: "bytes=0-43" },
    });
    expect(response.statusCode).toBe(206);
    expect(response.rawPayload.subarray(0, 4).toString()).toBe("RIFF");
    expect(JSON.stringify(response.headers)).not.toMatch(/bearer|api-key/i);
  });

  it("takes an end-of-call webhook for a synced call without duplicating it", async () => {
    const entry = fake.calls[7]!;
    const body = cdrWebhookBody({ ...entry.call, note: "called back" }, 1);
    const response = await inject({
      method: "POST",
      url: `/api/webhooks/omicall/${SECRET}`,
      payload: body,
    });
    expect(response.statusCode, response.body).toBe(200);
    const list = await inject({ url: "/api/call_transaction/list?size=500" });
    expect(callListEnvelopeSchema.parse(list.json()).payload.total_items).toBe(300);
    const detail = callDetailEnvelopeSchema.parse(
      (await inject({ url: `/api/call_transaction/detail/${entry.call.transaction_id}` })).json(),
    );
    expect(detail.payload.note).toBe("called back");
    // The webhook carried no legs: the synced ones stay.
    expect(detail.call_stacks).toHaveLength(entry.legs.length);
  });

  it("leaves the rest of the app's body parsing alone", async () => {
    const echo = await inject({ method: "POST", url: "/e2e/echo", payload: { a: 1 } });
    expect(echo.json()).toEqual({ received: { a: 1 } });
    const plain = await inject({
      method: "POST",
      url: "/e2e/echo",
      headers: { "content-type": "application/x-unknown" },
      payload: "x",
    });
    expect(plain.statusCode).toBe(415);
  });
});
