/**
 * `npm run seed` killed with SIGKILL mid-way (no chance to clean up; its rollback journal is
 * left behind), then the store reopened: intact, every table consistent, whole batches only;
 * and seeding again completes with every call exactly once.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import SQLite from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SEED_BATCH_SIZE } from "../seed/seed-demo-calls.ts";
import { openStore } from "../store/open-store.ts";
import { storeProblems } from "./store-consistency.ts";

const REPOSITORY = fileURLToPath(new URL("../..", import.meta.url));
const CALLS = 30_000;
/** A fixed end of history, so that both runs generate the very same calls. */
const NOW = "2026-11-25T00:00:00Z";

let directory: string;
let databasePath: string;

beforeAll(() => {
  directory = mkdtempSync(join(tmpdir(), "seed-kill-"));
  databasePath = join(directory, "calls.db");
});

afterAll(() => {
  rmSync(directory, { recursive: true, force: true });
});

function startSeed(): { child: ChildProcess; output: () => string; exit: Promise<number | null> } {
  const child = spawn(
    process.execPath,
    [
      "--import",
      "tsx",
      "server/seed/cli.ts",
      "--calls",
      String(CALLS),
      "--now",
      NOW,
      "--database",
      databasePath,
    ],
    { cwd: REPOSITORY, env: { ...process.env, CI: "1" }, stdio: ["ignore", "pipe", "pipe"] },
  );
  let text = "";
  child.stdout?.on("data", (chunk) => {
    text += chunk;
  });
  child.stderr?.on("data", (chunk) => {
    text += chunk;
  });
  const exit = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return { child, output: () => text, exit };
}

/** Calls committed so far, or 0 while the file is missing or the seeder holds it locked. */
function committedCalls(): number {
  let sqlite: SQLite.Database | undefined;
  try {
    sqlite = new SQLite(databasePath, { readonly: true, fileMustExist: true, timeout: 0 });
    return sqlite.prepare("SELECT count(*) FROM calls").pluck().get() as number;
  } catch {
    return 0;
  } finally {
    sqlite?.close();
  }
}

function tableCounts(sqlite: SQLite.Database) {
  return sqlite
    .prepare(
      `SELECT count(*) AS calls, count(DISTINCT transaction_id) AS distinct_calls,
        (SELECT count(*) FROM call_records) AS records FROM calls`,
    )
    .get() as { calls: number; distinct_calls: number; records: number };
}

describe("npm run seed, killed mid-way and run again", { timeout: 180_000 }, () => {
  it("leaves a consistent store of whole batches, and the second run completes it", async () => {
    const first = startSeed();
    let killedAt = 0;
    while (first.child.exitCode === null) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      const committed = committedCalls();
      if (committed >= SEED_BATCH_SIZE) {
        first.child.kill("SIGKILL");
        killedAt = committed;
        break;
      }
    }
    expect(await first.exit, first.output()).toBeNull();
    expect(killedAt).toBeGreaterThanOrEqual(SEED_BATCH_SIZE);
    expect(killedAt).toBeLessThan(CALLS);

    // Reopened as the server would: a hot journal is rolled back, the schema is current.
    const store = await openStore(databasePath);
    try {
      expect(storeProblems(store.sqlite)).toEqual([]);
      const counts = tableCounts(store.sqlite);
      expect(counts.calls).toBe(counts.records);
      expect(counts.distinct_calls).toBe(counts.calls);
      // Each batch is one transaction: the kill left whole batches, never part of one.
      expect(counts.calls % SEED_BATCH_SIZE).toBe(0);
      expect(counts.calls).toBeGreaterThanOrEqual(killedAt);
    } finally {
      await store.close();
    }

    const second = startSeed();
    expect(await second.exit, second.output()).toBe(0);
    const sqlite = new SQLite(databasePath);
    try {
      expect(storeProblems(sqlite)).toEqual([]);
      expect(tableCounts(sqlite)).toEqual({ calls: CALLS, distinct_calls: CALLS, records: CALLS });
    } finally {
      sqlite.close();
    }
  });
});
