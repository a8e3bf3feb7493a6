import { afterEach, describe, expect, it } from "vitest";
import { type FakeUpstream, type FakeUpstreamOptions, startFakeUpstream } from "./fake-upstream.ts";
import {
  OmicallApiError,
  OmicallClient,
  type OmicallClientOptions,
  OmicallRetriesExhaustedError,
} from "./omicall-client.ts";

const fakes: FakeUpstream[] = [];
afterEach(async () => {
  for (const fake of fakes.splice(0)) await fake.close();
});

async function fakeUpstream(options: FakeUpstreamOptions = {}) {
  const fake = await startFakeUpstream({ calls: 120, ...options });
  fakes.push(fake);
  return fake;
}

type Sent = { url: string; headers: Record<string, string>; body: unknown };

function recordingClient(fake: FakeUpstream, options: Partial<OmicallClientOptions> = {}) {
  const sent: Sent[] = [];
  const waits: number[] = [];
  const client = new OmicallClient({
    baseUrl: fake.url,
    apiKey: fake.apiKey,
    sleep: async (ms) => {
      waits.push(ms);
    },
    random: () => 1,
    fetch: (input, init) => {
      sent.push({
        url: String(input),
        headers: { ...(init?.headers as Record<string, string>) },
        body: typeof init?.body === "string" ? JSON.parse(init.body) : undefined,
      });
      return fetch(input, init);
    },
    ...options,
  });
  return { client, sent, waits };
}

const firstWeek = (fake: FakeUpstream) => {
  const { firstMs } = fake.callTimeRange();
  return { fromMs: firstMs, toMs: firstMs + 7 * 86_400_000, page: 1, size: 50 };
};

describe("OmicallClient", () => {
  it("uses x-api-key for v3 and a Bearer token for v1; the key leaves only in those two ways", async () => {
    const fake = await fakeUpstream();
    const { client, sent } = recordingClient(fake);
    const page = await client.search(firstWeek(fake));
    expect(page.version).toBe("v3");
    expect(page.page.items.length).toBeGreaterThan(0);
    await client.detail(fake.calls[0]!.call.transaction_id);

    const v3 = sent.filter((request) => request.url.includes("/api/v3/"));
    expect(v3.every((request) => request.headers["x-api-key"] === fake.apiKey)).toBe(true);
    expect(v3.every((request) => !("authorization" in request.headers))).toBe(true);
    expect(v3[0]?.body).toMatchObject({
      filter: { fromDate: expect.any(Number), toDate: expect.any(Number) },
      sort: { field: "created_date", isAsc: true },
    });
    const v1 = sent.filter((request) => request.url.includes("/call_transaction/"));
    expect(v1.every((request) => request.headers.authorization?.startsWith("Bearer "))).toBe(true);
    expect(v1.every((request) => !("x-api-key" in request.headers))).toBe(true);
    const withKeyInUrl = sent.filter((request) => request.url.includes(fake.apiKey));
    expect(withKeyInUrl.map((request) => new URL(request.url).pathname)).toEqual(["/api/auth"]);
  });

  it("writes the v3 filter's dates as configured", async () => {
    const fake = await fakeUpstream();
    const { client, sent } = recordingClient(fake, { v3DateFormat: "iso" });
    await client.search(firstWeek(fake));
    expect(sent[0]?.body).toMatchObject({
      filter: { fromDate: new Date(firstWeek(fake).fromMs).toISOString() },
    });
  });

  it("refreshes the token before it expires, and again when the vendor says token_expired", async () => {
    const fake = await fakeUpstream({ tokenTtlMs: 6 * 60_000 });
    let clock = Date.now();
    const { client } = recordingClient(fake, { now: () => clock });
    const id = fake.calls[0]!.call.transaction_id;
    await client.detail(id);
    await client.detail(id);
    expect(client.stats.tokenRefreshes).toBe(1);
    clock += 2 * 60_000; // within five minutes of the expiry: refresh first
    await client.detail(id);
    expect(client.stats.tokenRefreshes).toBe(2);
    fake.expireTokens();
    const detail = await client.detail(id);
    expect(detail?.call?.transaction_id).toBe(id);
    expect(client.stats.tokenRefreshes).toBe(3);
  });

  it("fails on a wrong API key with the vendor's code, never quoting the key", async () => {
    const fake = await fakeUpstream();
    const secretKey = "wrong-key-that-must-not-leak";
    const { client } = recordingClient(fake, { apiKey: secretKey });
    const error = await client.detail(fake.calls[0]!.call.transaction_id).catch((e) => e);
    expect(error).toBeInstanceOf(OmicallApiError);
    expect(error.code).toBe("api_key_invalid");
    expect(String(error.message)).not.toContain(secretKey);
    expect(String(error.stack)).not.toContain(secretKey);
  });

  it("never quotes the key when the host cannot be reached", async () => {
    const secretKey = "unreachable-key-that-must-not-leak";
    const client = new OmicallClient({
      baseUrl: "http://127.0.0.1:9",
      apiKey: secretKey,
      maxRetries: 1,
      sleep: async () => {},
    });
    const error = await client.detail("x").catch((e) => e);
    expect(error).toBeInstanceOf(OmicallRetriesExhaustedError);
    expect(error.reason).toBe("network_error");
    expect(JSON.stringify({ message: error.message, stack: error.stack })).not.toContain(secretKey);
  });

  it("honours Retry-After and waits long after limit_request_30_minute", async () => {
    const fake = await fakeUpstream();
    fake.injectFaults("v3", [
      { kind: "http-429", retryAfterSeconds: 7 },
      { kind: "limit_request_30_minute" },
      { kind: "http-502" },
    ]);
    const waits: number[] = [];
    const notices: string[] = [];
    const withNotices = new OmicallClient({
      baseUrl: fake.url,
      apiKey: fake.apiKey,
      backoff: { baseMs: 100, maxMs: 60_000, longLimitMs: 45_000 },
      random: () => 1,
      sleep: async (ms) => {
        waits.push(ms);
      },
      onRetry: (notice) => notices.push(`${notice.reason}@${notice.path}`),
    });
    const result = await withNotices.search(firstWeek(fake));
    expect(result.page.items.length).toBeGreaterThan(0);
    expect(waits).toEqual([7000, 45_000, 400]);
    expect(notices).toEqual([
      "http_429@/api/v3/call-transaction/search",
      "limit_request_30_minute@/api/v3/call-transaction/search",
      "http_5xx@/api/v3/call-transaction/search",
    ]);
  });

  it("gives up after its retries, naming the last reason", async () => {
    const fake = await fakeUpstream({
      periodicFaults: [{ route: "v3", every: 1, fault: { kind: "http-503" } }],
    });
    const { client, waits } = recordingClient(fake, { maxRetries: 3 });
    const error = await client.search(firstWeek(fake)).catch((e) => e);
    expect(error).toBeInstanceOf(OmicallRetriesExhaustedError);
    expect(error.reason).toBe("http_5xx");
    expect(waits).toHaveLength(3);
    expect(fake.count("v3")).toBe(4);
  });

  it("retries a request that times out", async () => {
    const fake = await fakeUpstream();
    fake.injectFaults("v3", [{ kind: "delay", ms: 400 }]);
    const reasons: string[] = [];
    const { client } = recordingClient(fake, {
      requestTimeoutMs: 100,
      onRetry: (notice) => reasons.push(notice.reason),
    });
    const result = await client.search(firstWeek(fake));
    expect(result.page.items.length).toBeGreaterThan(0);
    expect(reasons).toEqual(["timeout"]);
  });

  it("stops waiting at once when aborted", async () => {
    const fake = await fakeUpstream({
      periodicFaults: [{ route: "v3", every: 1, fault: { kind: "http-503" } }],
    });
    const client = new OmicallClient({
      baseUrl: fake.url,
      apiKey: fake.apiKey,
      backoff: { baseMs: 60_000, maxMs: 60_000 },
    });
    const controller = new AbortController();
    setTimeout(() => controller.abort(new Error("stop now")), 100);
    const started = Date.now();
    await expect(client.search(firstWeek(fake), controller.signal)).rejects.toThrow("stop now");
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it("answers a call the vendor does not know with null", async () => {
    const fake = await fakeUpstream();
    const { client } = recordingClient(fake);
    expect(await client.detail("no-such-call")).toBeNull();
  });

  it("falls back to v1 in auto mode only; v3 mode fails instead", async () => {
    const fake = await fakeUpstream({ v3: false });
    const fallbacks: string[] = [];
    const { client } = recordingClient(fake, {
      onVersionFallback: (reason) => fallbacks.push(reason),
    });
    expect((await client.search(firstWeek(fake))).version).toBe("v1");
    expect(client.activeVersion).toBe("v1");
    expect(fallbacks).toHaveLength(1);
    const strict = recordingClient(fake, { apiVersion: "v3" }).client;
    await expect(strict.search(firstWeek(fake))).rejects.toBeInstanceOf(OmicallApiError);
  });
});
