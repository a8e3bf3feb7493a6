import { afterEach, describe, expect, it } from "vitest";
import { openTemporaryStore } from "../test/call-builder.ts";
import { type OmicallConfig, readOmicallConfig } from "./config.ts";
import { type FakeUpstream, startFakeUpstream } from "./fake-upstream.ts";
import { OmicallClient } from "./omicall-client.ts";
import { startSyncSchedule } from "./schedule.ts";
import { acquireLease, sourceKey } from "./sync-state.ts";

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function setUp(calls = 150) {
  const fake: FakeUpstream = await startFakeUpstream({ calls });
  cleanups.push(() => fake.close());
  const { store, cleanup } = await openTemporaryStore();
  cleanups.push(cleanup);
  const config = readOmicallConfig({
    OMICALL_BASE_URL: fake.url,
    OMICALL_API_KEY: fake.apiKey,
    OMICALL_SYNC_SINCE: String(fake.callTimeRange().firstMs - 1000),
    OMICALL_SYNC_INTERVAL_MINUTES: "60",
  }) as OmicallConfig;
  const lines: { level: string; message: string }[] = [];
  const log = (level: string) => (object: unknown, message?: string) =>
    lines.push({ level, message: message ?? String(object) });
  const logger = { info: log("info"), warn: log("warn"), error: log("error") } as never;
  const client = new OmicallClient({
    baseUrl: fake.url,
    apiKey: fake.apiKey,
    backoff: { baseMs: 1, maxMs: 5 },
  });
  return { fake, store, config, logger, lines, client };
}

const storedCalls = (store: { sqlite: { prepare: (sql: string) => { get: () => unknown } } }) =>
  (store.sqlite.prepare("SELECT count(*) AS n FROM calls").get() as { n: number }).n;

describe("startSyncSchedule", { timeout: 30_000 }, () => {
  it("syncs shortly after start, one run at a time", async () => {
    const { store, config, logger, lines, client } = await setUp();
    const schedule = startSyncSchedule({ store, config, logger, client, firstRunDelayMs: 10_000 });
    cleanups.push(() => schedule.stop());
    const [first, second] = await Promise.all([schedule.runNow(), schedule.runNow()]);
    expect(first).toBe(second);
    expect(first?.written).toBe(150);
    expect(storedCalls(store)).toBe(150);
    expect(lines.some((line) => line.message === "OMICall sync done")).toBe(true);
  });

  it("skips its turn while another sync holds the lease", async () => {
    const { store, config, logger, lines, client } = await setUp();
    await acquireLease(store.db, sourceKey(config.baseUrl), "elsewhere/1/x");
    const schedule = startSyncSchedule({ store, config, logger, client, firstRunDelayMs: 10_000 });
    cleanups.push(() => schedule.stop());
    expect(await schedule.runNow()).toBeNull();
    expect(lines.map((line) => line.message)).toContain(
      "OMICall sync skipped: another sync is running",
    );
  });

  it("stops a run in progress and leaves it to resume", async () => {
    const { store, config, logger, client } = await setUp(800);
    const schedule = startSyncSchedule({ store, config, logger, client, firstRunDelayMs: 0 });
    while (storedCalls(store) === 0) await new Promise((resolve) => setTimeout(resolve, 10));
    await schedule.stop();
    const stored = storedCalls(store);
    expect(stored).toBeLessThan(800);
    const again = startSyncSchedule({ store, config, logger, client, firstRunDelayMs: 10_000 });
    cleanups.push(() => again.stop());
    expect(await again.runNow()).toMatchObject({ resumed: true });
    expect(storedCalls(store)).toBe(800);
  });
});
