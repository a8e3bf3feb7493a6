/**
 * Fills a call store with demo calls: the generator's calls go to the store's writer in
 * batches, so memory stays flat whatever the number of calls, and the filter values the calls
 * cannot label themselves (tag names, agents without calls yet) get their labels.
 *
 * Large seeds run the generator (and the writer's JavaScript half) in a worker thread while the
 * main thread writes: a million calls in well under two minutes on two cores.
 */
import { on } from "node:events";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { storeFaultOf } from "../http/store-faults.ts";
import {
  type PreparedCalls,
  upsertFilterValues,
  writePreparedCalls,
} from "../store/call-writer.ts";
import type { Store } from "../store/open-store.ts";
import { DEMO_TAG_LIST } from "./call-tags.ts";
import { DEMO_TENANT_ID, DEMO_TENANT_NAME } from "./demo-tenant.ts";
import { buildDemoStaff } from "./directory.ts";
import { type GenerateDemoCallsOptions, generateDemoCalls } from "./generate-calls.ts";
import { preparedDemoCallBatches } from "./prepared-batches.ts";
import type { SeedWorkerData, SeedWorkerMessage } from "./seed-worker.ts";

/** The seed `npm start` and `npm run seed` use unless told otherwise. */
export const DEFAULT_DEMO_SEED = 20261125;

/** Calls per transaction: commits are rare, and a batch's JSON stays some megabytes. */
export const SEED_BATCH_SIZE = 5_000;

/** Below this, starting a worker thread costs more than it saves. */
const WORKER_THRESHOLD = 20_000;

export type SeedDemoCallsOptions = {
  calls: number;
  seed?: number;
  /** The end of the 90-day history; the current time by default. */
  now?: Date;
  /** Called after each batch with the number of calls written so far. */
  onProgress?: (written: number) => void;
  /** Generate in a worker thread; by default for 20 000 calls or more. */
  inWorker?: boolean;
};

export async function seedDemoCalls(
  store: Store,
  options: SeedDemoCallsOptions,
): Promise<{ calls: number; milliseconds: number }> {
  const started = performance.now();
  const generation: GenerateDemoCallsOptions = {
    count: options.calls,
    seed: options.seed ?? DEFAULT_DEMO_SEED,
    now: options.now ?? new Date(),
  };
  // Checked here, not only in the worker, so that bad options fail with their own message.
  generateDemoCalls(generation);

  await store.db
    .insertInto("tenants")
    .values({ id: DEMO_TENANT_ID, name: DEMO_TENANT_NAME })
    .onConflict((conflict) => conflict.column("id").doUpdateSet({ name: DEMO_TENANT_NAME }))
    .execute();
  await upsertFilterValues(store.db, [
    ...DEMO_TAG_LIST.map((tag) => ({
      tenant_id: DEMO_TENANT_ID,
      kind: "tag",
      value: tag.id,
      label: tag.name,
    })),
    ...buildDemoStaff(generation.seed).agents.map((agent) => ({
      tenant_id: DEMO_TENANT_ID,
      kind: "agent",
      value: agent.extension,
      label: agent.fullName,
    })),
  ]);

  const inWorker = options.inWorker ?? options.calls >= WORKER_THRESHOLD;
  let written = 0;
  await withBulkLoadPragmas(store, async () => {
    const batches = inWorker ? preparedInWorker(generation) : preparedInline(generation);
    for await (const prepared of batches) {
      await writePreparedCalls(store.db, prepared);
      written += prepared.received;
      options.onProgress?.(written);
    }
  });
  return { calls: written, milliseconds: Math.round(performance.now() - started) };
}

async function* preparedInline(options: GenerateDemoCallsOptions): AsyncGenerator<PreparedCalls> {
  yield* preparedDemoCallBatches(options, SEED_BATCH_SIZE);
}

async function* preparedInWorker(options: GenerateDemoCallsOptions): AsyncGenerator<PreparedCalls> {
  const worker = startSeedWorker({
    kind: "demo-seed",
    calls: options.count,
    seed: options.seed,
    now: options.now.getTime(),
    batchSize: SEED_BATCH_SIZE,
    // One batch being written, one ready, one being prepared.
    ahead: 2,
  });
  const stopped = new AbortController();
  worker.once("exit", (code) => {
    stopped.abort(new Error(`The demo-seed worker stopped early (exit code ${code})`));
  });
  try {
    for await (const [message] of on(worker, "message", { signal: stopped.signal })) {
      const received = message as SeedWorkerMessage;
      if (received.kind === "done") return;
      worker.postMessage("next");
      yield received.prepared;
    }
  } finally {
    worker.removeAllListeners("exit");
    await worker.terminate();
  }
}

/**
 * The worker runs seed-worker. Built (`npm start`, vite.server.config.ts), it is a file beside
 * this code. From source (the seed command, tests), Node does not pass the TypeScript loader
 * on to worker threads, so the worker registers tsx (a dependency) before importing it.
 */
function startSeedWorker(data: SeedWorkerData): Worker {
  if (!import.meta.url.endsWith(".ts")) {
    return new Worker(new URL("./seed-worker.js", import.meta.url), { workerData: data });
  }
  const tsx = import.meta.resolve("tsx/esm/api");
  const tsconfig = fileURLToPath(new URL("../../tsconfig.json", import.meta.url));
  const entry = new URL("./seed-worker.ts", import.meta.url).href;
  const bootstrap = `
    import(${JSON.stringify(tsx)})
      .then(({ register }) => {
        register({ tsconfig: ${JSON.stringify(tsconfig)} });
        return import(${JSON.stringify(entry)});
      })`;
  return new Worker(bootstrap, { eval: true, workerData: data });
}

/**
 * Bulk loading settings, restored afterwards. SQLite skips fsync, and when no other connection
 * is reading the file it keeps a rollback journal instead of the write-ahead log, which writes
 * every page twice (log, then checkpoint). A crash of the machine (not of the process) mid-seed
 * could damage the file, which for demo data only means seeding again.
 *
 * Changing the journal mode needs the file to itself: while another connection is reading (a
 * server on the same file, say), SQLite answers "database is locked" at once, without the busy
 * timeout. The seed then keeps the mode it has, slower but just as correct (and every open of
 * the store sets WAL again).
 */
function switchJournalModeIfAlone({ sqlite }: Store, mode: string): void {
  try {
    sqlite.pragma(`journal_mode = ${mode}`);
  } catch (error) {
    if (storeFaultOf(error)?.kind !== "busy") throw error;
  }
}

async function withBulkLoadPragmas(store: Store, load: () => Promise<void>): Promise<void> {
  const { sqlite } = store;
  const synchronous = sqlite.pragma("synchronous", { simple: true });
  const journalMode = sqlite.pragma("journal_mode", { simple: true });
  sqlite.pragma("synchronous = OFF");
  switchJournalModeIfAlone(store, "DELETE");
  try {
    await load();
  } finally {
    switchJournalModeIfAlone(store, String(journalMode));
    sqlite.pragma(`synchronous = ${Number(synchronous)}`);
  }
}
