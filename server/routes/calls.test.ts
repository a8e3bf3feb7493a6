import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type CallListEnvelope,
  callDetailEnvelopeSchema,
  callListEnvelopeSchema,
} from "@/contract/call.ts";
import { buildApp } from "../app.ts";
import { upsertFilterValues, writeCalls } from "../store/call-writer.ts";
import type { Store } from "../store/open-store.ts";
import { openTemporaryStore, TEST_TENANT_ID } from "../test/call-builder.ts";
import { DAY0, HOUR, knownCalls } from "../test/known-calls.ts";
import { signedInInject } from "../test/signed-in.ts";

let store: Store;
let cleanup: () => Promise<void>;
let app: FastifyInstance;
let inject: Awaited<ReturnType<typeof signedInInject>>;

beforeAll(async () => {
  ({ store, cleanup } = await openTemporaryStore());
  await writeCalls(store.db, knownCalls);
  await upsertFilterValues(store.db, [
    { tenant_id: TEST_TENANT_ID, kind: "tag", value: "tag-vip", label: "VIP" },
  ]);
  app = await buildApp({ store });
  inject = await signedInInject(app, store);
});

afterAll(async () => {
  await app.close();
  await cleanup();
});

async function list(query: string): Promise<CallListEnvelope> {
  const response = await inject({ method: "GET", url: `/api/call_transaction/list?${query}` });
  expect(response.statusCode, response.body).toBe(200);
  return callListEnvelopeSchema.parse(response.json());
}

async function ids(query: string): Promise<string[]> {
  return (await list(query)).payload.items.map((item) => item.transaction_id);
}

describe("GET /api/call_transaction/list", () => {
  it("answers the vendor's envelope, newest first, with our derived fields", async () => {
    const envelope = await list("");
    expect(envelope.status_code).toBe(9999);
    expect(envelope.payload.items.map((item) => item.transaction_id)).toEqual([
      "call-f",
      "call-e",
      "call-d",
      "call-c",
      "call-b",
      "call-a",
    ]);
    const first = envelope.payload.items.find((item) => item.transaction_id === "call-a");
    expect(first).toMatchObject({ status: "answered", agents_rung: 2, is_transferred: true });
    expect(envelope.payload).toMatchObject({
      page_number: 1,
      page_size: 50,
      total_items: 6,
      total_pages: 1,
      has_next: false,
      next_page: 1,
      has_previous: false,
      previous_page: 1,
      extension: null,
    });
  });

  it("derives each outcome", async () => {
    const envelope = await list("");
    const statusOf = Object.fromEntries(
      envelope.payload.items.map((item) => [item.transaction_id, item.status]),
    );
    expect(statusOf).toEqual({
      "call-a": "answered",
      "call-b": "missed",
      "call-c": "answered",
      "call-d": "busy",
      "call-e": "voicemail",
      "call-f": "failed",
    });
  });

  it("pages with totals and edges", async () => {
    const second = await list("size=4&page=2");
    expect(second.payload).toMatchObject({
      page_number: 2,
      page_size: 4,
      total_items: 6,
      total_pages: 2,
      has_next: false,
      next_page: 2,
      has_previous: true,
      previous_page: 1,
    });
    expect(second.payload.items.map((item) => item.transaction_id)).toEqual(["call-b", "call-a"]);
    const first = await list("size=4");
    expect(first.payload).toMatchObject({ has_next: true, next_page: 2, has_previous: false });
    const beyond = await list("size=4&page=9");
    expect(beyond.payload.items).toEqual([]);
    expect(beyond.payload.total_items).toBe(6);
    expect((await list("size=500")).payload.items).toHaveLength(6);
  });

  it.each([
    [
      "from_date/to_date in ms, inclusive",
      `from_date=${DAY0 * 1000}&to_date=${(DAY0 + 2 * HOUR) * 1000}`,
      ["call-c", "call-b", "call-a"],
    ],
    ["from_date alone", `from_date=${(DAY0 + 24 * HOUR) * 1000}`, ["call-f", "call-e", "call-d"]],
    ["to_date with milliseconds inside the second", `to_date=${DAY0 * 1000 + 999}`, ["call-a"]],
    ["direction", "direction=outbound", ["call-d", "call-c"]],
    ["direction repeated", "direction=outbound&direction=local", ["call-f", "call-d", "call-c"]],
    [
      "direction[] as the vendor sends it",
      "direction[]=inbound&direction[]=local",
      ["call-f", "call-e", "call-b", "call-a"],
    ],
    ["status", "status=missed", ["call-b"]],
    ["status, comma-separated", "status=busy,failed", ["call-f", "call-d"]],
    ["inbound and missed", "direction=inbound&status=missed", ["call-b"]],
    ["sip_user", "sip_user=101", ["call-c", "call-b"]],
    ["sip_number", "sip_number=842499950291", ["call-c", "call-a"]],
    ["provider", "provider=viettel", ["call-e", "call-d", "call-a"]],
    ["tag", "tag=tag-vip", ["call-c", "call-a"]],
    ["tags, any of", "tag=tag-order&tag=tag-vip", ["call-c", "call-a"]],
    ["hangup_cause", "hangup_cause=USER_BUSY", ["call-d"]],
    ["keyword: phone substring", "keyword=3223", ["call-a"]],
    ["keyword: phone written with spaces", "keyword=0983%20223%20566", ["call-a"]],
    [
      "keyword: customer name with diacritics",
      `keyword=${encodeURIComponent("Đình Tâm")}`,
      ["call-a"],
    ],
    ["keyword: customer name without diacritics, any case", "keyword=DINH%20tam", ["call-a"]],
    ["keyword: agent name without diacritics", "keyword=pham%20minh", ["call-c"]],
    ["keyword: agent name with diacritics", `keyword=${encodeURIComponent("Thị Hoa")}`, ["call-a"]],
    ["keyword: transaction id", "keyword=call-d", ["call-d"]],
    ["keyword: two characters", "keyword=du", ["call-c"]],
    ["keyword: no match", "keyword=zzzz", []],
    ["keyword: FTS syntax is taken literally", `keyword=${encodeURIComponent('"tam" OR *')}`, []],
    ["min_duration", "min_duration=40", ["call-e", "call-c", "call-a"]],
    ["max_duration", "max_duration=12", ["call-f", "call-d"]],
    ["duration range", "min_duration=12&max_duration=40", ["call-e", "call-d", "call-b"]],
    ["has_recording=true", "has_recording=true", ["call-a"]],
    [
      "has_recording=false",
      "has_recording=false",
      ["call-f", "call-e", "call-d", "call-c", "call-b"],
    ],
    ["is_auto_call", "is_auto_call=true", ["call-c"]],
    ["out_of_working_time", "out_of_working_time=1", ["call-e", "call-d"]],
    ["transferred", "transferred=true", ["call-a"]],
    ["transferred=false", "transferred=false", ["call-f", "call-e", "call-d", "call-c", "call-b"]],
  ])("filters by %s", async (_name, query, expected) => {
    const envelope = await list(query);
    expect(envelope.payload.items.map((item) => item.transaction_id)).toEqual(expected);
    expect(envelope.payload.total_items).toBe(expected.length);
  });

  it.each([
    ["time_start_call", ["call-a", "call-b", "call-c", "call-d", "call-e", "call-f"]],
    ["-time_start_call", ["call-f", "call-e", "call-d", "call-c", "call-b", "call-a"]],
    ["duration", ["call-f", "call-d", "call-b", "call-e", "call-c", "call-a"]],
    ["-duration", ["call-a", "call-c", "call-e", "call-b", "call-d", "call-f"]],
    ["-bill_sec", ["call-a", "call-c", "call-f", "call-e", "call-d", "call-b"]],
    ["-answer_sec", ["call-a", "call-c", "call-f", "call-e", "call-d", "call-b"]],
    ["call_out_price", ["call-a", "call-b", "call-d", "call-e", "call-f", "call-c"]],
    ["-call_out_price", ["call-c", "call-f", "call-e", "call-d", "call-b", "call-a"]],
  ])("sorts by %s (ties by arrival, stable across pages)", async (sort, expected) => {
    expect(await ids(`sort=${sort}`)).toEqual(expected);
    const pages = [
      ...(await ids(`sort=${sort}&size=4`)),
      ...(await ids(`sort=${sort}&size=4&page=2`)),
    ];
    expect(pages).toEqual(expected);
  });

  it.each([
    ["page=0", "page"],
    ["page=-1", "page"],
    ["page=abc", "page"],
    ["page=1&page=2", "page"],
    ["size=10000", "size"],
    ["size=0", "size"],
    ["size=1.5", "size"],
    ["from_date=yesterday", "from_date"],
    [`from_date=${(DAY0 + 10) * 1000}&to_date=${DAY0 * 1000}`, "to_date"],
    ["min_duration=50&max_duration=10", "max_duration"],
    ["min_duration=-5", "min_duration"],
    ["status=unknown", "status"],
    ["direction=sideways", "direction"],
    ["sort=-colour", "sort"],
    ["sort=record", "sort"],
    ["has_recording=maybe", "has_recording"],
    ["transferred=yes", "transferred"],
    [`keyword=${"x".repeat(101)}`, "keyword"],
    ["pagesize=10", "pagesize"],
    ["page=99999999999999999999999", "page"],
    ["keyword=%00abc", "keyword"],
    ["status=missed&status=nonsense", "status"],
  ])("rejects %s with a 400 naming %s", async (query, parameter) => {
    const response = await inject({
      method: "GET",
      url: `/api/call_transaction/list?${query}`,
    });
    expect(response.statusCode).toBe(400);
    const body = response.json();
    expect(body).toMatchObject({ status_code: -9999, message: "invalid_parameter", payload: null });
    expect(body.errors.map((error: { parameter: string }) => error.parameter)).toContain(parameter);
    expect(body.errors[0].message).toMatch(new RegExp(parameter));
  });

  it("treats empty parameters as absent, so defaults apply", async () => {
    const envelope = await list("page=&size=&sort=&keyword=&status=");
    expect(envelope.payload).toMatchObject({ page_number: 1, page_size: 50, total_items: 6 });
  });
});

describe("GET /api/call_transaction/detail/:transaction_id", () => {
  it("answers the call with its legs ordered by index", async () => {
    const response = await inject({
      method: "GET",
      url: "/api/call_transaction/detail/call-a",
    });
    expect(response.statusCode).toBe(200);
    const envelope = callDetailEnvelopeSchema.parse(response.json());
    expect(envelope.payload).toMatchObject({
      transaction_id: "call-a",
      status: "answered",
      tag: ["tag-vip"],
    });
    expect(envelope.call_stacks.map((leg) => [leg.index, leg.to])).toEqual([
      [1, "70759-101"],
      [2, "70759-102"],
    ]);
  });

  it("keeps every vendor field of the stored record", async () => {
    const response = await inject({
      method: "GET",
      url: "/api/call_transaction/detail/call-c",
    });
    const payload = response.json().payload;
    for (const field of Object.keys(knownCalls[2]!.call)) expect(payload).toHaveProperty(field);
    expect(payload.time_start_call).toBe((DAY0 + 2 * HOUR) * 1000);
  });

  it("answers an unknown id with a 404 in the envelope's error style", async () => {
    const response = await inject({
      method: "GET",
      url: "/api/call_transaction/detail/no-such-call",
    });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toMatchObject({
      status_code: -9999,
      message: "resource_not_found",
      payload: null,
    });
  });

  it("rejects a malformed id", async () => {
    const response = await inject({
      method: "GET",
      url: `/api/call_transaction/detail/${encodeURIComponent("a b;drop")}`,
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors[0].parameter).toBe("transaction_id");
  });
});

describe("Server-Timing", () => {
  const parts = (header: unknown) =>
    Object.fromEntries(
      String(header)
        .split(", ")
        .map((part) => {
          const [name, duration] = part.split(";dur=");
          return [name, Number(duration)];
        }),
    );

  it("splits a list or detail answer into the store's time and the server's whole time", async () => {
    for (const url of [
      "/api/call_transaction/list?direction=inbound",
      "/api/call_transaction/detail/call-a",
    ]) {
      const response = await inject({ method: "GET", url });
      const timing = parts(response.headers["server-timing"]);
      expect(Object.keys(timing), url).toEqual(["db", "app"]);
      expect(timing.db).toBeGreaterThan(0);
      expect(timing.app).toBeGreaterThanOrEqual(timing.db!);
    }
  });

  it("gives other API answers, errors too, the server's whole time", async () => {
    const response = await inject({ method: "GET", url: "/api/call_transaction/list?page=0" });
    expect(response.statusCode).toBe(400);
    expect(Object.keys(parts(response.headers["server-timing"]))).toEqual(["app"]);
  });
});

describe("GET /api/filters", () => {
  it("offers the store's agents, hotlines, tags, providers and hangup causes", async () => {
    const response = await inject({ method: "GET", url: "/api/filters" });
    expect(response.statusCode).toBe(200);
    const { payload } = response.json();
    expect(payload.agents).toEqual(
      expect.arrayContaining([
        { value: "101", label: "Phạm Minh Anh" },
        { value: "102", label: "Nguyễn Thị Hoa" },
      ]),
    );
    expect(payload.hotlines.map((option: { value: string }) => option.value).sort()).toEqual([
      "02873001234",
      "19001234",
      "842499950291",
    ]);
    expect(payload.tags).toEqual(
      expect.arrayContaining([
        { value: "tag-vip", label: "VIP" },
        { value: "tag-order", label: null },
      ]),
    );
    expect(payload.providers.map((option: { value: string }) => option.value)).toEqual([
      "mobifone",
      "viettel",
      "vinaphone",
    ]);
    expect(payload.hangup_causes.map((option: { value: string }) => option.value)).toContain(
      "USER_BUSY",
    );
  });
});

describe("GET /api/health", () => {
  it("says ok", async () => {
    const response = await inject({ method: "GET", url: "/api/health" });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: "ok", store: "ok" });
  });
});

describe("unknown API paths", () => {
  it("answer 404 in the envelope", async () => {
    const response = await inject({ method: "GET", url: "/api/nothing-here" });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toMatchObject({ status_code: -9999, message: "resource_not_found" });
  });
});
