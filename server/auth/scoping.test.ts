/**
 * Every endpoint that serves calls, asked without a session, as a user of another tenant, and
 * as an agent: each sees exactly its own calls, and a call it may not see is "not found".
 */
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../app.ts";
import { DEMO_TENANT_ID } from "../seed/demo-tenant.ts";
import { upsertFilterValues, writeCalls } from "../store/call-writer.ts";
import type { Store } from "../store/open-store.ts";
import { buildCall, buildLeg, openTemporaryStore } from "../test/call-builder.ts";
import { signedInCookie, type TestUserOptions } from "../test/signed-in.ts";

/** Demo-tenant calls have synthesized recordings, so recordings can be served in the test. */
const TENANT_A = DEMO_TENANT_ID;
const TENANT_B = "tenant-b";
const T0 = Date.UTC(2026, 10, 2, 2) / 1000;

function scopedCall(id: string, tenantId: string, sipUser: string, rang: string[], offset: number) {
  return {
    call: buildCall({
      transaction_id: id,
      tenant_id: tenantId,
      sip_user: sipUser,
      time_start_call: T0 + offset,
      record_seconds: 30,
      recording_file_url: `https://records.example/${id}.mp3`,
      phone_number: "0983223566",
    }),
    legs: rang.map((target, index) =>
      buildLeg({ index: index + 1, type: "ring-group", to: `70759-${target}` }),
    ),
  };
}

const CALLS = [
  // 101 took a1; on a2 it was rung first and 102 answered; a3 never reached 101.
  scopedCall("a1", TENANT_A, "101", ["101"], 0),
  scopedCall("a2", TENANT_A, "102", ["101", "102"], 60),
  scopedCall("a3", TENANT_A, "103", ["103"], 120),
  // Same extension, other tenant: must not leak into tenant A's agent 101.
  scopedCall("b1", TENANT_B, "101", ["101"], 180),
];

let app: FastifyInstance;
let store: Store;
let cleanup: () => Promise<void>;

beforeAll(async () => {
  ({ store, cleanup } = await openTemporaryStore());
  await writeCalls(store.db, CALLS);
  await upsertFilterValues(store.db, [
    { tenant_id: TENANT_A, kind: "tag", value: "tag-a", label: "Secret of A" },
  ]);
  app = await buildApp({ store });
});

afterAll(async () => {
  await app.close();
  await cleanup();
});

type Answer = { status: number; body: string };

async function ask(url: string, user: TestUserOptions | null, method: "GET" | "HEAD" = "GET") {
  const cookie = user ? await signedInCookie(app, store, user) : undefined;
  const response = await app.inject({ method, url, headers: cookie ? { cookie } : {} });
  return { status: response.statusCode, body: response.body } satisfies Answer;
}

const listedIds = (answer: Answer) =>
  (JSON.parse(answer.body) as { payload: { items: { transaction_id: string }[] } }).payload.items
    .map((item) => item.transaction_id)
    .sort();
/** The export's call-id column ("Mã cuộc gọi"); the test calls hold no commas or quotes in it. */
function exportedIds(answer: Answer): string[] {
  const [header, ...rows] = answer.body
    .replace(/^\uFEFF/, "")
    .split("\r\n")
    .filter(Boolean);
  const column = header!.split(",").indexOf("Mã cuộc gọi");
  expect(column).toBeGreaterThanOrEqual(0);
  return rows.map((row) => row.split(",")[column]!).sort();
}

const ENDPOINTS = [
  ["list", "GET", "/api/call_transaction/list"],
  ["keyword search", "GET", "/api/call_transaction/list?keyword=0983"],
  ["detail", "GET", "/api/call_transaction/detail/a1"],
  ["export", "GET", "/api/call_transaction/export"],
  ["filter options", "GET", "/api/filters"],
  ["recording", "GET", "/api/recordings/a1"],
  ["recording head", "HEAD", "/api/recordings/a1"],
  ["peaks", "GET", "/api/recordings/a1/peaks"],
] as const;

describe("without a session", () => {
  it.each(ENDPOINTS)("%s answers 401 and nothing of the call", async (_name, method, url) => {
    const answer = await ask(url, null, method);
    expect(answer.status).toBe(401);
    expect(answer.body).not.toContain("a1");
    expect(answer.body).not.toContain("0983");
  });

  it("serves health and the SPA's sign-in without one", async () => {
    expect((await ask("/api/health", null)).status).toBe(200);
    expect((await ask("/api/session", null)).status).toBe(401);
  });
});

describe("a supervisor of another tenant", () => {
  const other: TestUserOptions = { tenantId: TENANT_B };

  it("lists and searches only its own tenant's calls", async () => {
    expect(listedIds(await ask("/api/call_transaction/list", other))).toEqual(["b1"]);
    expect(listedIds(await ask("/api/call_transaction/list?keyword=0983", other))).toEqual(["b1"]);
    expect(listedIds(await ask("/api/call_transaction/list?keyword=a1", other))).toEqual([]);
  });

  it.each([
    ["detail", "GET", "/api/call_transaction/detail/a1"],
    ["recording", "GET", "/api/recordings/a1"],
    ["recording head", "HEAD", "/api/recordings/a1"],
    ["peaks", "GET", "/api/recordings/a1/peaks"],
  ] as const)("gets 404 for the %s of another tenant's call", async (_name, method, url) => {
    const answer = await ask(url, other, method);
    expect(answer.status).toBe(404);
    expect(answer.body).not.toContain("0983");
  });

  it("exports only its own calls", async () => {
    const answer = await ask("/api/call_transaction/export", other);
    expect(answer.status).toBe(200);
    expect(exportedIds(answer)).toEqual(["b1"]);
  });

  it("is offered only its own tenant's filter values", async () => {
    const answer = await ask("/api/filters", other);
    expect(answer.status).toBe(200);
    expect(answer.body).not.toContain("Secret of A");
    expect(answer.body).not.toContain("tag-a");
  });
});

describe("an agent", () => {
  const agent: TestUserOptions = { role: "agent", tenantId: TENANT_A, sipUser: "101" };

  it("lists the calls it took or was rung on, in its own tenant only", async () => {
    expect(listedIds(await ask("/api/call_transaction/list", agent))).toEqual(["a1", "a2"]);
    expect(listedIds(await ask("/api/call_transaction/list?sip_user=103", agent))).toEqual([]);
  });

  it("opens its calls and their recordings, not a colleague's", async () => {
    expect((await ask("/api/call_transaction/detail/a2", agent)).status).toBe(200);
    expect((await ask("/api/recordings/a1", agent)).status).toBe(200);
    expect((await ask("/api/recordings/a1/peaks", agent)).status).toBe(200);
    expect((await ask("/api/call_transaction/detail/a3", agent)).status).toBe(404);
    expect((await ask("/api/recordings/a3", agent)).status).toBe(404);
    expect((await ask("/api/recordings/a3/peaks", agent)).status).toBe(404);
  });

  it("exports only its calls", async () => {
    expect(exportedIds(await ask("/api/call_transaction/export", agent))).toEqual(["a1", "a2"]);
  });

  it("of another tenant with the same extension sees only that tenant's call", async () => {
    const namesake: TestUserOptions = { role: "agent", tenantId: TENANT_B, sipUser: "101" };
    expect(listedIds(await ask("/api/call_transaction/list", namesake))).toEqual(["b1"]);
  });
});

describe("a supervisor of the tenant", () => {
  it("sees every call of its tenant and none of the other", async () => {
    const supervisor: TestUserOptions = { tenantId: TENANT_A };
    expect(listedIds(await ask("/api/call_transaction/list", supervisor))).toEqual([
      "a1",
      "a2",
      "a3",
    ]);
    expect((await ask("/api/recordings/a3", supervisor)).status).toBe(200);
  });
});
