/**
 * `npm run bench`: the dashboard's speed on a store of a million demo calls (by default), over
 * HTTP against the real server process, with each list query also run directly on SQLite so the
 * ratio shows the server's own overhead. Prints a table and writes JSON to bench/results/.
 *
 *   npm run bench -- [--calls 1000000] [--database ./data/bench-calls.db] [--runs 40]
 *                    [--seed-probe 100000] [--skip-browser]
 *
 * Seeding throughput: the seeding of the store when the bench fills it, otherwise a probe of
 * --seed-probe calls into a scratch file (0 skips it). The server asks for a session: the bench
 * signs in as the demo supervisor (DEMO_PASSWORD, see tests/browser/support/dashboard-server.ts)
 * and sends the cookie with every request, in Chromium too.
 */
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { parseArgs } from "node:util";
import { callListQuerySchema } from "@/contract/call-list-query.ts";
import { DEMO_TENANT_ID } from "../server/seed/demo-tenant.ts";
import { buildListQueries, type CallScope } from "../server/store/call-reader.ts";
import { openStore } from "../server/store/open-store.ts";
import { startDashboardServer } from "../tests/browser/support/dashboard-server.ts";
import { fetchWithCookie, signInCookie } from "../tests/browser/support/sign-in.ts";
import { type BrowserFigures, measureBrowser } from "./browser.ts";
import { keepAliveClient } from "./http-client.ts";
import { browserFilterSearches, listMixes } from "./list-mixes.ts";
import { type ResidentMemory, sampleResidentMemory } from "./server-memory.ts";
import { summarize, type Timing, timeRepeatedly, WARM_UP_RUNS } from "./stats.ts";
import { judgeFigures, type ListRow } from "./targets.ts";

/** The bench reads as a supervisor of the demo tenant sees: all its calls. */
const BENCH_SCOPE: CallScope = { tenantId: DEMO_TENANT_ID, agentExtension: null };

const { values } = parseArgs({
  options: {
    calls: { type: "string", default: "1000000" },
    database: { type: "string", default: "./data/bench-calls.db" },
    runs: { type: "string", default: "40" },
    "seed-probe": { type: "string", default: "100000" },
    "skip-browser": { type: "boolean", default: false },
  },
});
const targetCalls = Number(values.calls);
const runs = Number(values.runs);
const databasePath = values.database;
const seedProbeCalls = Math.min(Number(values["seed-probe"]), targetCalls);

function runSeed(calls: number, database: string): Promise<number> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ["--import", "tsx", "server/seed/cli.ts", "--calls", String(calls), "--database", database],
      {
        stdio: ["ignore", "inherit", "inherit"],
        env: { ...process.env, CI: "1" },
      },
    );
    child.once("exit", (code) =>
      code === 0 ? resolve(performance.now() - started) : reject(new Error(`seed exited ${code}`)),
    );
  });
}

type Seeding = { calls: number; seconds: number; callsPerSecond: number; into: string };

async function timeSeed(calls: number, database: string, into: string): Promise<Seeding> {
  const milliseconds = await runSeed(calls, database);
  const seeding = {
    calls,
    seconds: Math.round(milliseconds / 10) / 100,
    callsPerSecond: Math.round(calls / (milliseconds / 1000)),
    into,
  };
  console.log(
    `seeding: ${calls.toLocaleString("en")} calls in ${seeding.seconds} s (${seeding.callsPerSecond.toLocaleString("en")} calls/s, ${into})`,
  );
  return seeding;
}

const existingCalls = existsSync(databasePath)
  ? await (async () => {
      const store = await openStore(databasePath);
      const { n } = store.sqlite.prepare("SELECT count(*) AS n FROM calls").get() as { n: number };
      await store.close();
      return n;
    })()
  : 0;
let seeding: Seeding | undefined;
if (existingCalls < targetCalls) {
  console.log(`filling ${databasePath} with ${targetCalls} demo calls (has ${existingCalls})…`);
  for (const suffix of ["", "-wal", "-shm"]) rmSync(`${databasePath}${suffix}`, { force: true });
  mkdirSync(dirname(databasePath), { recursive: true });
  seeding = await timeSeed(targetCalls, databasePath, "the bench store");
} else if (seedProbeCalls > 0) {
  // The store is there already: seed a scratch file so the figure is still measured.
  const seedProbeDirectory = join(tmpdir(), `bench-seed-${process.pid}`);
  try {
    seeding = await timeSeed(
      seedProbeCalls,
      join(seedProbeDirectory, "calls.db"),
      "a scratch file",
    );
  } finally {
    rmSync(seedProbeDirectory, { recursive: true, force: true });
  }
}

const store = await openStore(databasePath);
const mixes = listMixes(store.sqlite);
const server = await startDashboardServer({ databasePath, seedCalls: 0 });
const residentMemory = sampleResidentMemory(server.pid);
const results: Record<string, unknown> = {};
const cookie = await signInCookie(server);
const client = keepAliveClient(server.url, cookie);
try {
  // fetch where a body is read as a stream (a recording's first chunk) or whole (the export).
  const signedIn = fetchWithCookie(server, cookie);
  const fetchOk = async (path: string, init?: RequestInit) => {
    const response = await signedIn(path, init);
    if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
    return response;
  };

  // What a request costs that does (almost) nothing: the HTTP round trip and the hooks.
  results.healthRoundTrip = await timeRepeatedly(runs, () => client.get("/api/health"));

  const listRows: ListRow[] = [];
  for (const mix of mixes) {
    const path = `/api/call_transaction/list?${new URLSearchParams(mix.query)}`;
    const { count, page } = buildListQueries(
      store.db,
      callListQuerySchema.parse(mix.query),
      BENCH_SCOPE,
    );
    const countSql = count.compile();
    const pageSql = page.compile();
    const countStatement = store.sqlite.prepare(countSql.sql);
    const pageStatement = store.sqlite.prepare(pageSql.sql);
    let total = 0;
    // Each HTTP request is followed by the same statements run raw, so both are timed in the same
    // rhythm: run back to back, the raw statements find the CPU's caches warm from the run
    // before and measured 10–100% faster than the same statements run 2 ms apart (as requests
    // are), which would charge the server for a difference that is not its own.
    const samples = {
      http: [] as number[],
      app: [] as number[],
      db: [] as number[],
      sql: [] as number[],
    };
    for (let run = 0; run < WARM_UP_RUNS + runs; run++) {
      const answer = await client.get(path);
      const started = performance.now();
      total = (countStatement.get(...countSql.parameters) as { total: number }).total;
      pageStatement.all(...pageSql.parameters);
      const sqlMilliseconds = performance.now() - started;
      if (run < WARM_UP_RUNS) continue;
      samples.http.push(answer.milliseconds);
      samples.app.push(answer.serverTiming.app ?? Number.NaN);
      samples.db.push(answer.serverTiming.db ?? Number.NaN);
      samples.sql.push(sqlMilliseconds);
    }
    const http = summarize(samples.http);
    const sql = summarize(samples.sql);
    listRows.push({
      mix: mix.name,
      http,
      serverApp: summarize(samples.app),
      serverDb: summarize(samples.db),
      sql,
      ratio: Math.round((http.p50 / Math.max(sql.p50, 0.01)) * 100) / 100,
      total,
    });
  }
  results.list = listRows;

  const someIds = (
    store.sqlite
      .prepare(
        "SELECT transaction_id FROM calls WHERE has_recording = 1 ORDER BY random() LIMIT 200",
      )
      .all() as { transaction_id: string }[]
  ).map((row) => row.transaction_id);
  let cursor = 0;
  const nextId = () => someIds[cursor++ % someIds.length]!;
  results.detail = await timeRepeatedly(runs, () =>
    client.get(`/api/call_transaction/detail/${nextId()}`),
  );
  results.peaks = await timeRepeatedly(runs, () => client.get(`/api/recordings/${nextId()}/peaks`));
  const firstByte: number[] = [];
  for (let run = 0; run < runs; run++) {
    const started = performance.now();
    const response = await fetchOk(`/api/recordings/${nextId()}`, {
      headers: { range: "bytes=0-65535" },
    });
    const reader = response.body!.getReader();
    await reader.read();
    firstByte.push(performance.now() - started);
    await reader.cancel();
  }
  results.recordingFirstByte = summarize(firstByte);

  const exportStarted = performance.now();
  const csv = Buffer.from(
    await (
      await fetchOk(`/api/call_transaction/export?${new URLSearchParams(mixes[1]!.query)}`)
    ).arrayBuffer(),
  );
  const exportSeconds = (performance.now() - exportStarted) / 1000;
  const exportRows = csv.toString("utf8").split("\r\n").length - 2;
  results.export = {
    rows: exportRows,
    seconds: Math.round(exportSeconds * 100) / 100,
    rowsPerSecond: Math.round(exportRows / exportSeconds),
  };

  results.seeding = seeding ?? null;

  if (!values["skip-browser"]) {
    console.log("browser: Chromium against the server…");
    results.browser = await measureBrowser({
      server,
      runs: Math.min(runs, 40),
      filterSearches: browserFilterSearches(store.sqlite),
      callIds: someIds,
    });
  }
  results.serverRssMegabytes = residentMemory.stop();
  results.store = {
    calls: targetCalls,
    fileMegabytes: Math.round(statSync(databasePath).size / 1048576),
  };
} finally {
  client.close();
  residentMemory.stop();
  await server.stop();
  await store.close();
}

const list = results.list as ListRow[];
const browserFigures = results.browser as BrowserFigures | undefined;
const serverMemory = results.serverRssMegabytes as ResidentMemory;
console.log(
  `\nList endpoint over ${targetCalls.toLocaleString("en")} calls (${runs} runs each, ms):`,
);
console.table(
  list.map((row) => ({
    mix: row.mix,
    rows: row.total,
    "http p50": row.http.p50,
    "http p95": row.http.p95,
    "http max": row.http.max,
    "server p50": row.serverApp.p50,
    "server db p50": row.serverDb.p50,
    "sql p50": row.sql.p50,
    "sql p95": row.sql.p95,
    "http/sql": row.ratio,
  })),
);
const detail = results.detail as Timing;
const peaks = results.peaks as Timing;
const firstByteTiming = results.recordingFirstByte as Timing;
console.table({
  "health, the HTTP round trip alone (ms)": results.healthRoundTrip as Timing,
  "detail (ms)": detail,
  "peaks (ms)": peaks,
  "recording first byte (ms)": firstByteTiming,
  ...(browserFigures && {
    "browser: navigation → first rows (ms)": browserFigures.firstRows,
    "browser: filter change → rows (ms)": browserFigures.filterToRows,
    "browser: next page → rows (ms)": browserFigures.nextPageToRows,
    "browser: open call → drawn (ms)": browserFigures.drawerReady,
  }),
});
console.log(
  "export:",
  results.export,
  "\nseeding:",
  results.seeding,
  "\nserver RSS MB:",
  serverMemory,
  "\nstore:",
  results.store,
);
if (browserFigures) {
  console.log("browser:", {
    bigPageScroll: browserFigures.bigPageScroll,
    heapMegabytes: browserFigures.heapMegabytes,
  });
}

const figures = judgeFigures({ list, detail, browser: browserFigures, serverMemory });
console.log("\nIssue 7 targets:");
console.table(
  figures.map((figure) => ({
    figure: figure.figure,
    measured: `${figure.value} ${figure.unit}`.trim(),
    target: figure.target,
    result: figure.result,
  })),
);
results.targets = figures;

mkdirSync("bench/results", { recursive: true });
const file = `bench/results/${new Date().toISOString().replace(/[:.]/g, "-")}.json`;
writeFileSync(
  file,
  `${JSON.stringify({ machine: { cpus: (await import("node:os")).cpus().length, node: process.version }, runs, ...results }, null, 2)}\n`,
);
console.log(`\nwritten to ${file}`);
