/**
 * The connector's measured figures: `npx tsx server/connector/bench-sync.ts [--calls 10000]`.
 *
 * 1. A full sync of N calls (with legs: one detail request per call) from the fake upstream,
 *    running in its own process as the vendor would.
 * 2. The same through `npm run sync`'s CLI, killed with SIGKILL once half the calls are stored,
 *    then run again: the store must hold exactly N calls, once each, with all their legs.
 * 3. The webhook's latency through Fastify's inject (new calls, resends and older versions).
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import SQLite from "better-sqlite3";
import Fastify from "fastify";
import { webhookRoutes } from "../routes/webhooks.ts";
import { openStore } from "../store/open-store.ts";
import { buildCall } from "../test/call-builder.ts";
import { cdrWebhookBody } from "./fake-upstream.ts";
import { OmicallClient } from "./omicall-client.ts";
import { syncCalls } from "./sync.ts";

const REPOSITORY = fileURLToPath(new URL("../..", import.meta.url));
const flag = (name: string) => {
  const index = process.argv.indexOf(`--${name}`);
  return index === -1 ? undefined : process.argv[index + 1];
};
const CALLS = Number(flag("calls") ?? 10_000);
const START = "2025-01-01T00:00:00+07:00";
const directory = mkdtempSync(join(tmpdir(), "bench-sync-"));
const children: ChildProcess[] = [];

function run(args: string[], env: NodeJS.ProcessEnv = {}) {
  const child = spawn(process.execPath, ["--import", "tsx", ...args], {
    cwd: REPOSITORY,
    env: { ...process.env, CI: "1", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.push(child);
  let output = "";
  child.stdout?.on("data", (chunk) => {
    output += chunk;
  });
  child.stderr?.on("data", (chunk) => {
    output += chunk;
  });
  const exit = new Promise<number | null>((resolve) => child.once("exit", resolve));
  return { child, exit, output: () => output };
}

async function startFake() {
  const fake = run([
    "server/connector/fake-upstream.ts",
    "--calls",
    String(CALLS),
    "--start",
    START,
    "--span-days",
    "90",
  ]);
  for (;;) {
    const match = /fake OMICall at (\S+)/.exec(fake.output());
    if (match?.[1]) return { url: match[1], stop: () => fake.child.kill("SIGTERM") };
    if (fake.child.exitCode !== null) throw new Error(`fake upstream failed:\n${fake.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

function counts(path: string) {
  const sqlite = new SQLite(path, { readonly: true, fileMustExist: true });
  try {
    return sqlite
      .prepare(
        `SELECT count(*) AS calls, count(DISTINCT transaction_id) AS distinct_calls,
          (SELECT count(*) FROM call_legs) AS legs FROM calls`,
      )
      .get() as { calls: number; distinct_calls: number; legs: number };
  } finally {
    sqlite.close();
  }
}

const since = String(Date.parse(START) - 1000);
const results: Record<string, unknown> = { calls: CALLS };

try {
  const fake = await startFake();

  // 1. A full sync, in this process.
  const fullPath = join(directory, "full.db");
  const store = await openStore(fullPath);
  const client = new OmicallClient({ baseUrl: fake.url, apiKey: "fake-api-key" });
  const started = performance.now();
  const summary = await syncCalls({
    db: store.db,
    client,
    source: "omicall:bench",
    sinceMs: Number(since),
    untilMs: Date.parse(START) + 91 * 86_400_000,
  });
  const seconds = (performance.now() - started) / 1000;
  await store.close();
  const full = counts(fullPath);
  results.fullSync = {
    seconds: Number(seconds.toFixed(2)),
    callsPerSecond: Math.round(CALLS / seconds),
    requests: summary.requests,
    ...full,
  };

  // 2. The CLI killed halfway with SIGKILL, then run again.
  const killPath = join(directory, "killed.db");
  const env = {
    DATABASE_URL: killPath,
    OMICALL_BASE_URL: fake.url,
    OMICALL_API_KEY: "fake-api-key",
    OMICALL_SYNC_SINCE: since,
  };
  const killStarted = performance.now();
  const first = run(["server/connector/cli.ts"], env);
  let atKill = 0;
  while (first.child.exitCode === null) {
    await new Promise((resolve) => setTimeout(resolve, 25));
    try {
      atKill = counts(killPath).calls;
    } catch {
      continue;
    }
    if (atKill >= CALLS / 2) {
      first.child.kill("SIGKILL");
      break;
    }
  }
  await first.exit;
  const second = run(["server/connector/cli.ts"], env);
  const code = await second.exit;
  const killSeconds = (performance.now() - killStarted) / 1000;
  const after = counts(killPath);
  results.killedAndResumed = {
    storedWhenKilled: atKill,
    secondRunExit: code,
    secondRunSummary: second.output().trim().split("\n").at(-1),
    seconds: Number(killSeconds.toFixed(2)),
    ...after,
    exact: after.calls === CALLS && after.distinct_calls === CALLS && after.legs === full.legs,
  };
  fake.stop();

  // 3. Webhook latency via inject.
  const hookStore = await openStore(join(directory, "webhook.db"));
  const app = Fastify({ logger: false });
  const secret = "bench-webhook-secret-0123456789";
  await app.register(webhookRoutes, { store: hookStore, secret });
  await app.ready();
  const timings: number[] = [];
  const post = async (payload: unknown) => {
    const before = performance.now();
    const response = await app.inject({
      method: "POST",
      url: `/api/webhooks/omicall/${secret}`,
      headers: { "content-type": "application/json" },
      payload: JSON.stringify(payload),
    });
    timings.push(performance.now() - before);
    if (response.statusCode !== 200) throw new Error(response.body);
  };
  for (let index = 0; index < 200; index += 1) {
    await post(cdrWebhookBody(buildCall({ transaction_id: `warm-${index}` })));
  }
  timings.length = 0;
  for (let index = 0; index < 2000; index += 1) {
    const call = buildCall({
      transaction_id: `hook-${index % 1500}`,
      last_updated_date: 1e12 + index,
    });
    await post(cdrWebhookBody(call, index >= 1500 ? 1 : 0));
  }
  for (let index = 0; index < 500; index += 1) {
    // Late older versions: read, compared, skipped.
    await post(
      cdrWebhookBody(buildCall({ transaction_id: `hook-${index}`, last_updated_date: 1 })),
    );
  }
  timings.sort((a, b) => a - b);
  const at = (q: number) => Number((timings[Math.floor(q * (timings.length - 1))] ?? 0).toFixed(2));
  results.webhookInject = {
    requests: timings.length,
    p50ms: at(0.5),
    p95ms: at(0.95),
    p99ms: at(0.99),
  };
  await app.close();
  await hookStore.close();
  console.log(JSON.stringify(results, null, 2));
} finally {
  for (const child of children) if (child.exitCode === null) child.kill("SIGKILL");
  rmSync(directory, { recursive: true, force: true });
}
