/**
 * `npm run load`: the real server under load. Opens (or fills) a store of demo calls, starts
 * the built server on a free port, signs in as the demo supervisor, then runs autocannon
 * against the list (a rotation of filter mixes), the detail of random known calls and the first
 * 64 KiB of recordings (a Range request, as the player makes). Prints requests/s, p50/p99
 * latency, errors, timeouts and non-2xx answers per target, writes them to
 * bench/results/load-<date>.json, and exits 1 if any request failed, timed out or was not 2xx.
 *
 *   npm run load -- [--calls 100000] [--database ./data/load.db] [--connections 100] [--duration 30]
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import { seedDemoCalls } from "../server/seed/seed-demo-calls.ts";
import { openStore } from "../server/store/open-store.ts";
import { startDashboardServer } from "../tests/browser/support/dashboard-server.ts";
import { signInCookie } from "../tests/browser/support/sign-in.ts";
import { listMixes } from "./list-mixes.ts";

const { values } = parseArgs({
  options: {
    calls: { type: "string", default: "100000" },
    database: { type: "string", default: "./data/load.db" },
    connections: { type: "string", default: "100" },
    duration: { type: "string", default: "30" },
  },
});
const targetCalls = Number(values.calls);
const connections = Number(values.connections);
const durationSeconds = Number(values.duration);
const databasePath = values.database;
for (const [name, value] of Object.entries({ targetCalls, connections, durationSeconds })) {
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a whole number ≥ 1`);
}

/** How many known ids the detail and recording targets pick from at random. */
const SAMPLE_IDS = 500;

/** The store, filled with demo calls if it holds fewer than asked; what the targets need. */
async function prepareStore() {
  let store = await openStore(databasePath);
  const stored = store.sqlite.prepare("SELECT count(*) FROM calls").pluck().get() as number;
  if (stored < targetCalls) {
    await store.close();
    for (const suffix of ["", "-wal", "-shm"]) rmSync(`${databasePath}${suffix}`, { force: true });
    store = await openStore(databasePath);
    console.log(`filling ${databasePath} with ${targetCalls.toLocaleString("en")} demo calls…`);
    const seeded = await seedDemoCalls(store, { calls: targetCalls });
    console.log(`…done in ${(seeded.milliseconds / 1000).toFixed(1)} s`);
  }
  const sampleIds = (where: string) =>
    store.sqlite
      .prepare(`SELECT transaction_id FROM calls ${where} ORDER BY random() LIMIT ${SAMPLE_IDS}`)
      .pluck()
      .all() as string[];
  const prepared = {
    calls: store.sqlite.prepare("SELECT count(*) FROM calls").pluck().get() as number,
    mixes: listMixes(store.sqlite),
    callIds: sampleIds(""),
    recordingIds: sampleIds("WHERE has_recording = 1"),
  };
  await store.close();
  if (prepared.recordingIds.length === 0) throw new Error("no call with a recording to load");
  return prepared;
}

const pick = <T>(items: readonly T[]): T => items[Math.floor(Math.random() * items.length)]!;

type Target = { name: string; requests: autocannon.Request[] };

function targetsOf(prepared: Awaited<ReturnType<typeof prepareStore>>): Target[] {
  return [
    {
      name: `list (${prepared.mixes.length} filter mixes in rotation)`,
      requests: prepared.mixes.map((mix) => ({
        method: "GET",
        path: `/api/call_transaction/list?${new URLSearchParams(mix.query)}`,
      })),
    },
    {
      name: "detail (random known call)",
      requests: [
        {
          method: "GET",
          setupRequest: (request) => ({
            ...request,
            path: `/api/call_transaction/detail/${pick(prepared.callIds)}`,
          }),
        },
      ],
    },
    {
      name: "recording (Range: bytes=0-65535)",
      requests: [
        {
          method: "GET",
          setupRequest: (request) => ({
            ...request,
            path: `/api/recordings/${pick(prepared.recordingIds)}`,
            headers: { ...request.headers, range: "bytes=0-65535" },
          }),
        },
      ],
    },
  ];
}

type TargetResult = {
  target: string;
  requests: number;
  requestsPerSecond: number;
  latencyMs: { p50: number; p90: number; p99: number; max: number };
  errors: number;
  timeouts: number;
  non2xx: number;
  statusCodes: Record<string, number>;
};

async function load(url: string, cookie: string, target: Target): Promise<TargetResult> {
  const result = await autocannon({
    url,
    connections,
    duration: durationSeconds,
    headers: { cookie },
    requests: target.requests,
  });
  return {
    target: target.name,
    requests: result.requests.total,
    requestsPerSecond: Math.round(result.requests.average),
    latencyMs: {
      p50: result.latency.p50,
      p90: result.latency.p90,
      p99: result.latency.p99,
      max: result.latency.max,
    },
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
    statusCodes: Object.fromEntries(
      Object.entries(result.statusCodeStats ?? {}).map(([code, stat]) => [code, stat.count ?? 0]),
    ),
  };
}

const prepared = await prepareStore();
const server = await startDashboardServer({ databasePath, seedCalls: 0 });
const results: TargetResult[] = [];
let serverRssMegabytes = 0;
try {
  const cookie = await signInCookie(server);
  for (const target of targetsOf(prepared)) {
    console.log(`${target.name}: ${connections} connections for ${durationSeconds} s…`);
    results.push(await load(server.url, cookie, target));
  }
  const status = readFileSync(`/proc/${server.pid}/status`, "utf8");
  serverRssMegabytes = Math.round(Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024);
} finally {
  await server.stop();
}

console.log(
  `\n${prepared.calls.toLocaleString("en")} calls, ${connections} connections, ${durationSeconds} s per target:`,
);
console.table(
  results.map((row) => ({
    target: row.target,
    "req/s": row.requestsPerSecond,
    "p50 ms": row.latencyMs.p50,
    "p99 ms": row.latencyMs.p99,
    errors: row.errors,
    timeouts: row.timeouts,
    "non-2xx": row.non2xx,
  })),
);
console.log("server RSS after the run (MB):", serverRssMegabytes);

mkdirSync("bench/results", { recursive: true });
const file = `bench/results/load-${new Date().toISOString().replace(/[:.]/g, "-")}.json`;
writeFileSync(
  file,
  `${JSON.stringify(
    {
      date: new Date().toISOString(),
      calls: prepared.calls,
      connections,
      durationSeconds,
      serverRssMegabytes,
      results,
    },
    null,
    2,
  )}\n`,
);
console.log(`wrote ${file}`);

const failed = results.filter((row) => row.errors + row.timeouts + row.non2xx > 0);
if (failed.length > 0) {
  console.error(
    `FAILED: errors, timeouts or non-2xx answers on ${failed.map((row) => row.target).join(", ")}`,
  );
  process.exitCode = 1;
}
