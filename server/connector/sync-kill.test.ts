/**
 * `npm run sync` killed with SIGKILL halfway (no chance to clean up), then run again: the store
 * ends with exactly the upstream's calls and legs, no duplicates, no gaps.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import SQLite from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FakeUpstream, startFakeUpstream } from "./fake-upstream.ts";

const REPOSITORY = fileURLToPath(new URL("../..", import.meta.url));
const CALLS = 1200;

let fake: FakeUpstream;
let directory: string;
let databasePath: string;

beforeAll(async () => {
  fake = await startFakeUpstream({ calls: CALLS });
  directory = mkdtempSync(join(tmpdir(), "sync-kill-"));
  databasePath = join(directory, "calls.db");
});

afterAll(async () => {
  await fake.close();
  rmSync(directory, { recursive: true, force: true });
});

function startSync(): { child: ChildProcess; output: () => string; exit: Promise<number | null> } {
  const child = spawn(process.execPath, ["--import", "tsx", "server/connector/cli.ts"], {
    cwd: REPOSITORY,
    env: {
      ...process.env,
      CI: "1",
      DATABASE_URL: databasePath,
      OMICALL_BASE_URL: fake.url,
      OMICALL_API_KEY: fake.apiKey,
      OMICALL_SYNC_SINCE: String(fake.callTimeRange().firstMs - 1000),
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
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

function counts() {
  const sqlite = new SQLite(databasePath, { readonly: true, fileMustExist: true });
  try {
    return sqlite
      .prepare(
        `SELECT count(*) AS calls, count(DISTINCT transaction_id) AS distinct_calls,
          (SELECT count(*) FROM call_legs) AS legs FROM calls`,
      )
      .get() as { calls: number; distinct_calls: number; legs: number };
  } catch {
    return { calls: 0, distinct_calls: 0, legs: 0 };
  } finally {
    sqlite.close();
  }
}

describe("npm run sync, killed and restarted", { timeout: 120_000 }, () => {
  it("lands exactly every call once, with its legs", async () => {
    const first = startSync();
    let killedAt = 0;
    while (first.child.exitCode === null) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      let stored = 0;
      try {
        stored = counts().calls;
      } catch {
        // The file may not exist yet.
      }
      if (stored >= CALLS / 2) {
        first.child.kill("SIGKILL");
        killedAt = stored;
        break;
      }
    }
    expect(await first.exit).toBeNull();
    expect(killedAt).toBeGreaterThanOrEqual(CALLS / 2);
    expect(killedAt).toBeLessThan(CALLS);

    const second = startSync();
    expect(await second.exit, second.output()).toBe(0);
    expect(second.output()).toContain("resuming");
    const totalLegs = fake.calls.reduce((sum, entry) => sum + entry.legs.length, 0);
    expect(counts()).toEqual({ calls: CALLS, distinct_calls: CALLS, legs: totalLegs });
    expect(fake.violations).toEqual([]);
  });
});
