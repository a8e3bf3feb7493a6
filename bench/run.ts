/**
 * `npm run bench`: the dashboard's speed on a store of a million demo calls (by default), over
 * HTTP against the real server process, with each list query also run directly on SQLite so the
 * ratio shows the server's own overhead. Prints a table and writes JSON to bench/results/.
 *
 *   npm run bench -- [--calls 1000000] [--database ./data/bench.db] [--runs 40]
 */
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { callListQuerySchema } from "@/contract/call-list-query.ts";
import { DEMO_TENANT_ID } from "../server/seed/demo-tenant.ts";
import { buildListQueries, type CallScope } from "../server/store/call-reader.ts";
import { openStore } from "../server/store/open-store.ts";
import { startDashboardServer } from "../tests/browser/support/dashboard-server.ts";
import { listMixes } from "./list-mixes.ts";
import { summarize, type Timing, timeRepeatedly } from "./stats.ts";

/** The bench reads as a supervisor of the demo tenant sees: all its calls. */
const BENCH_SCOPE: CallScope = { tenantId: DEMO_TENANT_ID, agentExtension: null };

const { values } = parseArgs({
  options: {
    calls: { type: "string", default: "1000000" },
    database: { type: "string", default: "./data/bench-calls.db" },
    runs: { type: "string", default: "40" },
  },
});
const targetCalls = Number(values.calls);
const runs = Number(values.runs);
const databasePath = values.database;

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

// Seeding throughput, on a fresh file so the figure does not depend on what is already there.
const seedProbeDirectory = join(tmpdir(), `bench-seed-${process.pid}`);
const seedProbeCalls = 100_000;
const seedProbeMs = await runSeed(seedProbeCalls, join(seedProbeDirectory, "calls.db"));
rmSync(seedProbeDirectory, { recursive: true, force: true });

const existingCalls = existsSync(databasePath)
  ? await (async () => {
      const store = await openStore(databasePath);
      const { n } = store.sqlite.prepare("SELECT count(*) AS n FROM calls").get() as { n: number };
      await store.close();
      return n;
    })()
  : 0;
if (existingCalls < targetCalls) {
  console.log(`filling ${databasePath} with ${targetCalls} demo calls (has ${existingCalls})…`);
  rmSync(databasePath, { force: true });
  await runSeed(targetCalls, databasePath);
}

const store = await openStore(databasePath);
const mixes = listMixes(store.sqlite);
const server = await startDashboardServer({ databasePath, seedCalls: 0 });
const results: Record<string, unknown> = {};
try {
  const get = async (path: string) => {
    const response = await fetch(`${server.url}${path}`);
    if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
    return response.arrayBuffer();
  };

  const listRows: { mix: string; http: Timing; sql: Timing; ratio: number; total: number }[] = [];
  for (const mix of mixes) {
    const search = new URLSearchParams(mix.query).toString();
    const http = await timeRepeatedly(runs, () => get(`/api/call_transaction/list?${search}`));
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
    const sql = await timeRepeatedly(runs, () => {
      total = (countStatement.get(...countSql.parameters) as { total: number }).total;
      pageStatement.all(...pageSql.parameters);
    });
    listRows.push({
      mix: mix.name,
      http,
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
    get(`/api/call_transaction/detail/${nextId()}`),
  );
  results.peaks = await timeRepeatedly(runs, () => get(`/api/recordings/${nextId()}/peaks`));
  const firstByte: number[] = [];
  for (let run = 0; run < runs; run++) {
    const started = performance.now();
    const response = await fetch(`${server.url}/api/recordings/${nextId()}`, {
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
    await get(`/api/call_transaction/export?${new URLSearchParams(mixes[1]!.query).toString()}`),
  );
  const exportSeconds = (performance.now() - exportStarted) / 1000;
  const exportRows = csv.toString("utf8").split("\r\n").length - 2;
  results.export = {
    rows: exportRows,
    seconds: Math.round(exportSeconds * 100) / 100,
    rowsPerSecond: Math.round(exportRows / exportSeconds),
  };

  results.seeding = {
    calls: seedProbeCalls,
    seconds: Math.round(seedProbeMs / 10) / 100,
    callsPerSecond: Math.round(seedProbeCalls / (seedProbeMs / 1000)),
  };
  const status = readFileSync(`/proc/${server.pid}/status`, "utf8");
  results.serverRssMegabytes = Math.round(Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024);
  results.store = {
    calls: targetCalls,
    fileMegabytes: Math.round(statSync(databasePath).size / 1048576),
  };
} finally {
  await server.stop();
  await store.close();
}

const list = results.list as {
  mix: string;
  http: Timing;
  sql: Timing;
  ratio: number;
  total: number;
}[];
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
    "sql p50": row.sql.p50,
    "sql p95": row.sql.p95,
    "http/sql": row.ratio,
  })),
);
const detail = results.detail as Timing;
const peaks = results.peaks as Timing;
const firstByteTiming = results.recordingFirstByte as Timing;
console.table({
  "detail (ms)": detail,
  "peaks (ms)": peaks,
  "recording first byte (ms)": firstByteTiming,
});
console.log(
  "export:",
  results.export,
  "\nseeding:",
  results.seeding,
  "\nserver RSS MB:",
  results.serverRssMegabytes,
  "\nstore:",
  results.store,
);

mkdirSync("bench/results", { recursive: true });
const file = `bench/results/${new Date().toISOString().replace(/[:.]/g, "-")}.json`;
writeFileSync(
  file,
  `${JSON.stringify({ machine: { cpus: (await import("node:os")).cpus().length, node: process.version }, runs, ...results }, null, 2)}\n`,
);
console.log(`\nwritten to ${file}`);
