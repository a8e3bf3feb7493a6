import { afterEach, describe, expect, it } from "vitest";
import type { Store } from "../store/open-store.ts";
import { openTemporaryStore } from "../test/call-builder.ts";
import { type FakeUpstream, type FakeUpstreamOptions, startFakeUpstream } from "./fake-upstream.ts";
import { OmicallClient, type OmicallClientOptions } from "./omicall-client.ts";
import { SyncBusyError, type SyncOptions, type SyncProgress, syncCalls } from "./sync.ts";
import { acquireLease, readSyncState } from "./sync-state.ts";

const DAY = 86_400_000;
const SOURCE = "omicall:test";
const open: { close: () => Promise<void> }[] = [];
afterEach(async () => {
  for (const resource of open.splice(0).reverse()) await resource.close();
});

type Setup = {
  fake: FakeUpstream;
  store: Store;
  client: OmicallClient;
  /** A sync over all the fake's calls (from a second before the first to a day after the last). */
  sync: (options?: Partial<SyncOptions>) => ReturnType<typeof syncCalls>;
  newClient: (options?: Partial<OmicallClientOptions>) => OmicallClient;
};

async function setUp(
  fakeOptions: FakeUpstreamOptions,
  clientOptions: Partial<OmicallClientOptions> = {},
): Promise<Setup> {
  const fake = await startFakeUpstream(fakeOptions);
  open.push(fake);
  const { store, cleanup } = await openTemporaryStore();
  open.push({ close: cleanup });
  const newClient = (options: Partial<OmicallClientOptions> = {}) =>
    new OmicallClient({
      baseUrl: fake.url,
      apiKey: fake.apiKey,
      backoff: { baseMs: 1, maxMs: 5, longLimitMs: 5 },
      ...clientOptions,
      ...options,
    });
  const client = newClient();
  const { firstMs, lastMs } = fake.callTimeRange();
  const sync = (options: Partial<SyncOptions> = {}) =>
    syncCalls({
      db: store.db,
      client,
      source: SOURCE,
      sinceMs: firstMs - 1000,
      untilMs: lastMs + DAY,
      ...options,
    });
  return { fake, store, client, sync, newClient };
}

function storedCounts(store: Store) {
  return store.sqlite
    .prepare(
      `SELECT count(*) AS calls, count(DISTINCT transaction_id) AS distinct_calls,
        (SELECT count(*) FROM call_legs) AS legs FROM calls`,
    )
    .get() as { calls: number; distinct_calls: number; legs: number };
}

function expectEveryFakeCall(fake: FakeUpstream, store: Store, { legs = true } = {}) {
  const counts = storedCounts(store);
  expect(counts.calls).toBe(fake.calls.length);
  expect(counts.distinct_calls).toBe(fake.calls.length);
  const ids = new Set(
    (
      store.sqlite.prepare("SELECT transaction_id FROM calls").all() as { transaction_id: string }[]
    ).map((row) => row.transaction_id),
  );
  expect(fake.calls.filter((entry) => !ids.has(entry.call.transaction_id))).toEqual([]);
  if (legs) expect(counts.legs).toBe(fake.calls.reduce((sum, entry) => sum + entry.legs.length, 0));
  expect(fake.violations).toEqual([]);
}

describe("syncCalls", { timeout: 60_000 }, () => {
  it("brings every call with its legs, in pages of at most 50 and windows of at most 30 days", async () => {
    const { fake, store, sync } = await setUp({ calls: 800, spanDays: 75 });
    const summary = await sync();
    expectEveryFakeCall(fake, store);
    expect(summary).toMatchObject({ written: 800, rejected: 0, legsMissing: 0, apiVersion: "v3" });
    const searches = fake.requests.filter((request) => request.route === "v3");
    expect(Math.max(...searches.map((request) => request.size ?? 0))).toBeLessThanOrEqual(50);
    expect(
      Math.max(...searches.map((request) => (request.toMs ?? 0) - (request.fromMs ?? 0))),
    ).toBeLessThan(30 * DAY);
    // Ascending keyset paging: each search starts at or after the previous one's start.
    const starts = searches.map((request) => request.fromMs ?? 0);
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
    const state = await readSyncState(store.db, SOURCE);
    expect(state).toMatchObject({ checkpoint: null, leaseOwner: null, lastError: null });
    expect(state?.syncedUntilMs).toBe(fake.callTimeRange().lastMs + DAY);
  });

  it("takes an empty window answered with HTTP 204 in its stride", async () => {
    const { fake, store, sync } = await setUp({ calls: 200, spanDays: 10 });
    await sync({ sinceMs: fake.callTimeRange().firstMs - 45 * DAY });
    expect(fake.requests.some((request) => request.route === "v3" && request.status === 204)).toBe(
      true,
    );
    expectEveryFakeCall(fake, store);
  });

  it("backs off on 429, 5xx and the vendor's rate-limit messages, and goes on", async () => {
    const { fake, store, sync } = await setUp({
      calls: 600,
      periodicFaults: [
        { route: "v3", every: 4, fault: { kind: "http-429", retryAfterSeconds: 0 } },
        { route: "v3", every: 7, fault: { kind: "http-503" } },
        { route: "v1-detail", every: 25, fault: { kind: "rate_limit_exceeded" } },
        { route: "v1-detail", every: 31, fault: { kind: "http-502" } },
      ],
    });
    fake.injectFaults("v3", [
      { kind: "limit_request_30_minute" },
      { kind: "http-500" },
      { kind: "rate_limit_exceeded" },
    ]);
    const retries: string[] = [];
    const noisy = new OmicallClient({
      baseUrl: fake.url,
      apiKey: fake.apiKey,
      backoff: { baseMs: 1, maxMs: 5, longLimitMs: 5 },
      onRetry: (notice) => retries.push(notice.reason),
    });
    const summary = await sync({ client: noisy });
    expectEveryFakeCall(fake, store);
    expect(summary.legsMissing).toBe(0);
    expect(new Set(retries)).toEqual(
      new Set(["http_429", "http_5xx", "rate_limit_exceeded", "limit_request_30_minute"]),
    );
    expect(summary.retries).toBe(retries.length);
  });

  it("refreshes the Bearer token when it expires in the middle of a sync", async () => {
    const { fake, store, sync, client } = await setUp({ calls: 400, tokenRequests: 120 });
    let pages = 0;
    await sync({
      afterPageWritten: () => {
        pages += 1;
        if (pages === 3) fake.expireTokens();
      },
    });
    expectEveryFakeCall(fake, store);
    // 400 detail requests at 120 per token, plus the forced expiry.
    expect(client.stats.tokenRefreshes).toBeGreaterThanOrEqual(4);
    expect(fake.requests.filter((request) => request.status === 401).length).toBeGreaterThan(0);
  });

  it("resumes a sync that crashed between writing a page and saving its checkpoint", async () => {
    const { fake, store, sync } = await setUp({ calls: 1000, spanDays: 40 });
    let pages = 0;
    const crash = new Error("simulated crash");
    await expect(
      sync({
        afterPageWritten: () => {
          pages += 1;
          if (pages === 9) throw crash;
        },
      }),
    ).rejects.toBe(crash);
    const halfway = storedCounts(store).calls;
    expect(halfway).toBeGreaterThan(0);
    expect(halfway).toBeLessThan(1000);
    const state = await readSyncState(store.db, SOURCE);
    expect(state?.checkpoint).not.toBeNull();
    expect(state?.lastError).toContain("simulated crash");

    const searchesBefore = fake.count("v3");
    const progress: SyncProgress[] = [];
    const summary = await sync({ onProgress: (event) => progress.push(event) });
    expect(summary.resumed).toBe(true);
    expectEveryFakeCall(fake, store);
    // It went on with the very request its checkpoint named (re-reading the crashed page).
    const checkpoint = state!.checkpoint!;
    const lastBefore = fake.requests.filter((request) => request.route === "v3")[
      searchesBefore - 1
    ];
    const firstAfter = fake.requests.filter((request) => request.route === "v3")[searchesBefore];
    expect(firstAfter).toMatchObject({ fromMs: checkpoint.cursorMs, page: checkpoint.page });
    expect(firstAfter).toMatchObject({ fromMs: lastBefore?.fromMs, page: lastBefore?.page });
    expect(progress[0]).toMatchObject({ kind: "run-start", resumed: true });
    expect(summary.fetched).toBeLessThan(1000 - halfway + 100);
  });

  it("stops on an abort signal and resumes from its checkpoint", async () => {
    const { fake, store, sync } = await setUp({ calls: 800 });
    const controller = new AbortController();
    let pages = 0;
    await expect(
      sync({
        signal: controller.signal,
        afterPageWritten: () => {
          pages += 1;
          if (pages === 6) controller.abort(new Error("stop"));
        },
      }),
    ).rejects.toThrow("stop");
    expect((await readSyncState(store.db, SOURCE))?.lastError).toBeNull();
    await sync();
    expectEveryFakeCall(fake, store);
  });

  it("continues incrementally from the last synced point, with an overlap", async () => {
    const { fake, store, sync } = await setUp({ calls: 500 });
    const firstEnd = fake.callTimeRange().lastMs + 1000;
    await sync({ untilMs: firstEnd });
    const detailsBefore = fake.count("v1-detail");
    fake.addCalls(30);
    const second = await sync({ untilMs: firstEnd + 10 * 60_000, overlapMs: 5 * 60_000 });
    expectEveryFakeCall(fake, store);
    expect(second.written).toBe(30);
    // Only the new calls needed their details; the overlap's calls were already there.
    expect(fake.count("v1-detail") - detailsBefore).toBe(30);
    expect(second.fetched).toBeLessThan(60);
  });

  it("does not lose calls that appear ahead of the reader during a sync", async () => {
    const { fake, store, sync } = await setUp({ calls: 600, spanDays: 20 });
    const { firstMs, lastMs } = fake.callTimeRange();
    let pages = 0;
    await sync({
      afterPageWritten: () => {
        pages += 1;
        // Late records in the middle of the range: page numbers would shift, keysets do not.
        if (pages === 2) fake.addCalls(40, firstMs + Math.floor((lastMs - firstMs) / 2));
      },
    });
    expectEveryFakeCall(fake, store);
  });

  it("pages through more than a page of calls sharing one millisecond", async () => {
    const { fake, store, sync } = await setUp({ calls: 400, burst: { from: 100, size: 130 } });
    await sync();
    expectEveryFakeCall(fake, store);
  });

  it("falls back to v1 when the v3 search is missing, paging v1 (newest first) by number", async () => {
    const { fake, store, sync } = await setUp({ calls: 700, v3: false });
    const summary = await sync();
    expect(summary.apiVersion).toBe("v1");
    expectEveryFakeCall(fake, store);
    expect(fake.count("v3")).toBe(1);
  });

  it("reads the plausible variants of the v3 answer", async () => {
    for (const v3Shape of ["data-array", "camel-case"] as const) {
      const { fake, store, sync } = await setUp({ calls: 230, v3Shape });
      const summary = await sync();
      expect(summary.apiVersion).toBe("v3");
      expectEveryFakeCall(fake, store);
    }
  });

  it("pages by number, with a warning, when v3 does not sort as asked", async () => {
    const { fake, store, sync } = await setUp({ calls: 300, v3IgnoresSort: true });
    const warnings: string[] = [];
    await sync({
      onProgress: (event) => {
        if (event.kind === "warning") warnings.push(event.message ?? "");
      },
    });
    expectEveryFakeCall(fake, store);
    expect(warnings.some((warning) => warning.includes("not in ascending"))).toBe(true);
  });

  it("pages by number throughout when told to (OMICALL_SYNC_PAGING=pages)", async () => {
    const { fake, store, sync } = await setUp({ calls: 300, spanDays: 20 });
    await sync({ paging: "pages" });
    expectEveryFakeCall(fake, store);
    const searches = fake.requests.filter((request) => request.route === "v3");
    expect(new Set(searches.map((request) => request.fromMs)).size).toBe(1);
    expect(searches.map((request) => request.page)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it("stops, rather than loop, when the upstream ignores page numbers", async () => {
    const { store, sync } = await setUp({ calls: 300, v3: false, ignoresPageNumbers: true });
    await expect(sync()).rejects.toThrow(/ignore page numbers/);
    expect((await readSyncState(store.db, SOURCE))?.lastError).toMatch(/ignore page numbers/);
  });

  it("narrows its windows when the vendor finds them too long", async () => {
    const { fake, store, sync } = await setUp({ calls: 300, spanDays: 20 });
    fake.injectFaults("v3", [{ kind: "date_is_too_long" }]);
    await sync();
    expectEveryFakeCall(fake, store);
  });

  it("reports calls that fail the contract, stores the rest, and goes on", async () => {
    const { fake, store, sync } = await setUp({ calls: 120 });
    const broken = fake.calls[10]!.call.transaction_id;
    fake.updateCall(broken, { direction: "sideways" as never });
    const warnings: string[] = [];
    const summary = await sync({
      onProgress: (event) => {
        if (event.kind === "warning") warnings.push(event.message ?? "");
      },
    });
    expect(summary.rejected).toBe(1);
    expect(storedCounts(store).calls).toBe(119);
    expect(warnings.join("\n")).toContain(broken);
  });

  it("stores a call whose detail keeps failing without legs, and fetches them on a later run", async () => {
    const { fake, store, sync } = await setUp(
      {
        calls: 60,
        periodicFaults: [{ route: "v1-detail", every: 1, fault: { kind: "http-503" } }],
      },
      { maxRetries: 1 },
    );
    const first = await sync();
    expect(first.legsMissing).toBe(60);
    expect(storedCounts(store)).toMatchObject({ calls: 60, legs: 0 });
    const healthy = await setUp({ calls: 60 });
    // The same calls from a healthy upstream: the store re-fetches legs it lacks.
    const second = await syncCalls({
      db: store.db,
      client: healthy.client,
      source: SOURCE,
      sinceMs: healthy.fake.callTimeRange().firstMs - 1000,
      untilMs: healthy.fake.callTimeRange().lastMs + DAY,
      full: true,
    });
    expect(second.legsFetched).toBe(60);
    expectEveryFakeCall(healthy.fake, store);
    expect(fake.violations).toEqual([]);
  });

  it("refuses to run beside another sync, and takes over the lease of a dead one", async () => {
    const { store, sync } = await setUp({ calls: 50 });
    await acquireLease(store.db, SOURCE, "other-host/1/abc");
    await expect(sync()).rejects.toBeInstanceOf(SyncBusyError);
    // A holder on this host whose process is gone (a killed sync) is taken over at once.
    const { hostname } = await import("node:os");
    await acquireLease(store.db, SOURCE, `${hostname()}/999999999/dead/x`, { force: true });
    await expect(sync()).resolves.toMatchObject({ written: 50 });
    // So is one with our own pid from an earlier incarnation (a restarted container).
    await acquireLease(store.db, SOURCE, `${hostname()}/${process.pid}/earlier/x`, { force: true });
    await expect(sync()).resolves.toMatchObject({ written: 0 });
  });
});
