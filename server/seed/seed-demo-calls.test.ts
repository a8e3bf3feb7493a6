import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import SQLite from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { deriveCallStatus } from "@/contract/call-derivations.ts";
import { readFilterOptions } from "../store/call-reader.ts";
import { openStore, type Store } from "../store/open-store.ts";
import { DEMO_TAGS } from "./call-tags.ts";
import { DEMO_TENANT_ID } from "./demo-tenant.ts";
import { generateDemoCalls } from "./generate-calls.ts";
import { seedDemoCalls } from "./seed-demo-calls.ts";

const NOW = new Date("2026-11-25T10:00:00+07:00");

const directories: string[] = [];
const stores: Store[] = [];
afterEach(async () => {
  for (const store of stores.splice(0)) await store.close();
  for (const directory of directories.splice(0))
    rmSync(directory, { recursive: true, force: true });
});

async function temporaryStore(): Promise<Store> {
  const directory = mkdtempSync(join(tmpdir(), "seed-test-"));
  directories.push(directory);
  const store = await openStore(join(directory, "calls.db"));
  stores.push(store);
  return store;
}

const countOf = (store: Store, table: string) =>
  (store.sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

/** Everything the store holds for its calls, in a comparable form. */
function contents(store: Store): string {
  return JSON.stringify([
    store.sqlite.prepare("SELECT * FROM calls ORDER BY transaction_id").all(),
    store.sqlite
      .prepare(
        `SELECT transaction_id, record FROM call_records JOIN calls ON calls.id = call_id
         ORDER BY transaction_id`,
      )
      .all(),
    store.sqlite
      .prepare(
        `SELECT transaction_id, leg_index, type, record FROM call_legs
         JOIN calls ON calls.id = call_id ORDER BY transaction_id, leg_index`,
      )
      .all(),
  ]);
}

describe("seedDemoCalls", () => {
  it("writes the generator's calls; seeding again with the same seed adds none", async () => {
    const store = await temporaryStore();
    const progress: number[] = [];
    const first = await seedDemoCalls(store, {
      calls: 1_200,
      seed: 7,
      now: NOW,
      onProgress: (written) => progress.push(written),
    });
    expect(first.calls).toBe(1_200);
    expect(progress.at(-1)).toBe(1_200);
    expect(countOf(store, "calls")).toBe(1_200);
    const before = contents(store);

    const second = await seedDemoCalls(store, { calls: 1_200, seed: 7, now: NOW });
    expect(second.calls).toBe(1_200);
    expect(countOf(store, "calls")).toBe(1_200);
    expect(contents(store)).toBe(before);
  });

  it("stores each call's derived status and its legs", async () => {
    const store = await temporaryStore();
    await seedDemoCalls(store, { calls: 300, seed: 11, now: NOW });
    const stored = new Map(
      (
        store.sqlite.prepare("SELECT transaction_id, status FROM calls").all() as {
          transaction_id: string;
          status: string;
        }[]
      ).map((row) => [row.transaction_id, row.status]),
    );
    let legs = 0;
    for (const { call, legs: callLegs } of generateDemoCalls({ count: 300, seed: 11, now: NOW })) {
      expect(stored.get(call.transaction_id)).toBe(deriveCallStatus(call, callLegs));
      legs += callLegs.length;
    }
    expect(countOf(store, "call_legs")).toBe(legs);
  });

  it("labels the tag and agent filter values", async () => {
    const store = await temporaryStore();
    await seedDemoCalls(store, { calls: 200, seed: 3, now: NOW });
    const options = await readFilterOptions(store.db, DEMO_TENANT_ID);
    expect(options.tags).toContainEqual({ value: DEMO_TAGS.vip.id, label: "VIP" });
    expect(options.agents.length).toBeGreaterThanOrEqual(20);
    for (const agent of options.agents) expect(agent.label).toBeTruthy();
  });

  it("writes the same store whether the worker thread prepares the calls or not", async () => {
    const inline = await temporaryStore();
    const threaded = await temporaryStore();
    await seedDemoCalls(inline, { calls: 400, seed: 5, now: NOW, inWorker: false });
    await seedDemoCalls(threaded, { calls: 400, seed: 5, now: NOW, inWorker: true });
    expect(countOf(threaded, "calls")).toBe(400);
    expect(contents(threaded)).toBe(contents(inline));
  });

  it("restores the store's synchronous setting afterwards", async () => {
    const store = await temporaryStore();
    const before = store.sqlite.pragma("synchronous", { simple: true });
    await seedDemoCalls(store, { calls: 50, seed: 1, now: NOW });
    expect(store.sqlite.pragma("synchronous", { simple: true })).toBe(before);
  });

  it("seeds in the write-ahead log when another connection is reading the file", async () => {
    const store = await temporaryStore();
    const reader = new SQLite(store.path);
    try {
      // A read under way (a server answering a page) keeps SQLite from leaving WAL.
      const reading = reader.prepare("SELECT 1 UNION ALL SELECT 2").iterate();
      reading.next();
      await seedDemoCalls(store, { calls: 50, seed: 1, now: NOW });
      reading.return?.();
    } finally {
      reader.close();
    }
    expect(countOf(store, "calls")).toBe(50);
    expect(store.sqlite.pragma("journal_mode", { simple: true })).toBe("wal");
  });

  it("rejects a bad count before touching the store", async () => {
    const store = await temporaryStore();
    await expect(seedDemoCalls(store, { calls: -5, now: NOW })).rejects.toThrow(/count/);
    expect(countOf(store, "filter_values")).toBe(0);
  });
});
