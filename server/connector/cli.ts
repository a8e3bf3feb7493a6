/**
 * `npm run sync`: brings the tenant's calls from OMICall into the store (DATABASE_URL), from the
 * last synced point (or OMICALL_SYNC_SINCE the first time) to now. Interrupted (Ctrl-C, a crash,
 * a kill), it resumes where it stopped on the next run.
 *
 *   npm run sync                      incremental sync
 *   npm run sync -- --full            again from OMICALL_SYNC_SINCE (upserts: no duplicates)
 *   npm run sync -- --since 30d       first sync from 30 days back (also: a date, unix ms)
 *   npm run sync -- --no-legs         skip the per-call detail requests (legs)
 *   npm run sync -- --force           take over the lease of a sync believed dead
 *   npm run sync -- --status          show how far the store is synced, and exit
 */
import { parseArgs } from "node:util";
import { readConfig } from "../config.ts";
import { openStore } from "../store/open-store.ts";
import { parseSince, readOmicallConfig } from "./config.ts";
import { OmicallClient } from "./omicall-client.ts";
import { createProgressReporter, describeSummary } from "./progress.ts";
import { SyncBusyError, syncCalls } from "./sync.ts";
import { readSyncState, sourceKey } from "./sync-state.ts";

const { values } = parseArgs({
  options: {
    full: { type: "boolean", default: false },
    since: { type: "string" },
    until: { type: "string" },
    "no-legs": { type: "boolean", default: false },
    force: { type: "boolean", default: false },
    status: { type: "boolean", default: false },
    database: { type: "string" },
  },
});

function fail(message: string, code = 1): never {
  process.stderr.write(`sync: ${message}\n`);
  process.exit(code);
}

let omicall: ReturnType<typeof readOmicallConfig>;
let databaseUrl: string;
try {
  omicall = readOmicallConfig();
  databaseUrl = values.database ?? readConfig().DATABASE_URL;
} catch (error) {
  fail(error instanceof Error ? error.message : String(error), 2);
}
if (!omicall) {
  fail('OMICALL_BASE_URL is not set: see the README, "Connect your OMICall tenant"', 2);
}
const sinceMs = values.since ? parseSince(values.since, Date.now()) : omicall.sinceMs;
const untilMs = values.until ? parseSince(values.until, Date.now()) : undefined;
if (sinceMs === null || untilMs === null) fail('--since/--until: a date, unix ms or "90d"', 2);

const store = await openStore(databaseUrl);
const source = sourceKey(omicall.baseUrl);

if (values.status) {
  const state = await readSyncState(store.db, source);
  const at = (ms: number | null | undefined) => (ms ? new Date(ms).toISOString() : "never");
  console.log(`source        ${source}`);
  console.log(`store         ${store.path}`);
  console.log(`synced until  ${at(state?.syncedUntilMs)}`);
  console.log(
    `in progress   ${state?.checkpoint ? `yes, at ${at(state.checkpoint.cursorMs)} page ${state.checkpoint.page}` : "no"}`,
  );
  console.log(
    `last started  ${at(state?.lastStartedAt)}; last finished ${at(state?.lastFinishedAt)}`,
  );
  if (state?.lastError) console.log(`last error    ${state.lastError}`);
  await store.close();
  process.exit(0);
}

const reporter = createProgressReporter();
const client = new OmicallClient({
  baseUrl: omicall.baseUrl,
  apiKey: omicall.apiKey,
  apiVersion: omicall.apiVersion,
  timeField: omicall.timeField,
  v3DateFormat: omicall.v3DateFormat,
  v3ItemsPath: omicall.v3ItemsPath,
  requestTimeoutMs: omicall.requestTimeoutMs,
  maxRetries: omicall.maxRetries,
  backoff: { maxMs: omicall.maxBackoffMs, longLimitMs: omicall.maxBackoffMs },
  onRetry: (notice) =>
    reporter.note(
      `${notice.reason} on ${notice.path}: waiting ${(notice.waitMs / 1000).toFixed(1)} s (retry ${notice.attempt + 1})`,
    ),
  onVersionFallback: (reason) => reporter.note(`v3 search unavailable (${reason}): using v1`),
});

const controller = new AbortController();
let interrupted = false;
const interrupt = () => {
  if (interrupted) process.exit(130);
  interrupted = true;
  reporter.note("stopping after the current request (Ctrl-C again to quit at once)…");
  controller.abort(new Error("interrupted"));
};
process.on("SIGINT", interrupt);
process.on("SIGTERM", interrupt);

let exitCode = 0;
try {
  const summary = await syncCalls({
    db: store.db,
    client,
    source,
    sinceMs,
    ...(untilMs === undefined ? {} : { untilMs }),
    overlapMs: omicall.overlapMs,
    windowMs: omicall.windowMs,
    pageSize: omicall.pageSize,
    timeField: omicall.timeField,
    paging: omicall.paging,
    fetchLegs: omicall.fetchLegs && !values["no-legs"],
    detailConcurrency: omicall.detailConcurrency,
    full: values.full,
    forceLease: values.force,
    signal: controller.signal,
    onProgress: reporter.onProgress,
  });
  reporter.finish();
  console.log(describeSummary(summary));
} catch (error) {
  reporter.finish();
  if (interrupted) {
    console.log("interrupted: the next `npm run sync` resumes where this one stopped");
    exitCode = 130;
  } else if (error instanceof SyncBusyError) {
    const until = error.expiresAt
      ? ` (its lease runs until ${new Date(error.expiresAt).toISOString()})`
      : "";
    process.stderr.write(
      `sync: another sync is running: ${error.holder}${until}; --force takes over\n`,
    );
    exitCode = 3;
  } else {
    process.stderr.write(
      `sync failed: ${error instanceof Error ? error.message : String(error)}\n` +
        "the next `npm run sync` resumes where this one stopped\n",
    );
    exitCode = 1;
  }
} finally {
  await store.close();
}
process.exit(exitCode);
