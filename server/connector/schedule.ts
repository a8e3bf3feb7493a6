/**
 * The sync as a schedule inside the server (OMICALL_SYNC_INTERVAL_MINUTES): a first run shortly
 * after start, then one every interval, never two at once. A run that finds the lease held (a
 * `npm run sync` in a terminal) skips its turn; a run that fails is logged and tried again at
 * the next turn, resuming from its checkpoint. `stop` aborts a run in progress and waits for it,
 * so the server can close the store after it.
 */
import type { FastifyBaseLogger } from "fastify";
import type { Store } from "../store/open-store.ts";
import type { OmicallConfig } from "./config.ts";
import { OmicallClient } from "./omicall-client.ts";
import { SyncBusyError, type SyncSummary, syncCalls } from "./sync.ts";
import { sourceKey } from "./sync-state.ts";

export type SyncSchedule = {
  /** Runs a sync now unless one is running; resolves with its summary (null if skipped). */
  runNow: () => Promise<SyncSummary | null>;
  stop: () => Promise<void>;
};

export type SyncScheduleOptions = {
  store: Store;
  config: OmicallConfig;
  logger: Pick<FastifyBaseLogger, "info" | "warn" | "error">;
  intervalMinutes?: number;
  /** Delay before the first run (default 5 s: the server is listening by then). */
  firstRunDelayMs?: number;
  /** Tests: a client of their own (e.g. with short backoffs). */
  client?: OmicallClient;
};

export function createOmicallClient(
  config: OmicallConfig,
  logger: Pick<FastifyBaseLogger, "warn">,
): OmicallClient {
  return new OmicallClient({
    baseUrl: config.baseUrl,
    apiKey: config.apiKey,
    apiVersion: config.apiVersion,
    timeField: config.timeField,
    v3DateFormat: config.v3DateFormat,
    v3ItemsPath: config.v3ItemsPath,
    requestTimeoutMs: config.requestTimeoutMs,
    maxRetries: config.maxRetries,
    backoff: { maxMs: config.maxBackoffMs, longLimitMs: config.maxBackoffMs },
    // Paths and reasons only: nothing here can carry the key.
    onRetry: (notice) => logger.warn(notice, "OMICall: backing off"),
    onVersionFallback: (reason) =>
      logger.warn({ reason }, "OMICall: v3 search unavailable, using v1"),
  });
}

export function startSyncSchedule(options: SyncScheduleOptions): SyncSchedule {
  const { store, config, logger } = options;
  const intervalMinutes = options.intervalMinutes ?? config.syncIntervalMinutes;
  if (!intervalMinutes || intervalMinutes <= 0) {
    throw new Error("startSyncSchedule needs OMICALL_SYNC_INTERVAL_MINUTES");
  }
  const client = options.client ?? createOmicallClient(config, logger);
  const source = sourceKey(config.baseUrl);
  let running: Promise<SyncSummary | null> | null = null;
  let controller: AbortController | null = null;
  let stopped = false;

  const runNow = (): Promise<SyncSummary | null> => {
    if (stopped) return Promise.resolve(null);
    if (running) return running;
    controller = new AbortController();
    const signal = controller.signal;
    running = (async () => {
      try {
        const summary = await syncCalls({
          db: store.db,
          client,
          source,
          sinceMs: config.sinceMs,
          overlapMs: config.overlapMs,
          windowMs: config.windowMs,
          pageSize: config.pageSize,
          timeField: config.timeField,
          paging: config.paging,
          fetchLegs: config.fetchLegs,
          detailConcurrency: config.detailConcurrency,
          signal,
          onProgress: (progress) => {
            if (progress.kind === "warning")
              logger.warn({ source }, `OMICall sync: ${progress.message}`);
          },
        });
        logger.info(
          {
            source,
            fetched: summary.fetched,
            written: summary.written,
            rejected: summary.rejected,
            legsMissing: summary.legsMissing,
            milliseconds: summary.elapsedMs,
            syncedUntil: new Date(summary.syncedUntilMs).toISOString(),
          },
          "OMICall sync done",
        );
        return summary;
      } catch (error) {
        if (signal.aborted) {
          logger.info({ source }, "OMICall sync stopped; it resumes at the next run");
        } else if (error instanceof SyncBusyError) {
          logger.info(
            { source, holder: error.holder },
            "OMICall sync skipped: another sync is running",
          );
        } else {
          logger.error({ source, err: error }, "OMICall sync failed; the next run resumes it");
        }
        return null;
      } finally {
        running = null;
        controller = null;
      }
    })();
    return running;
  };

  const firstRun = setTimeout(() => void runNow(), options.firstRunDelayMs ?? 5000);
  const interval = setInterval(() => void runNow(), intervalMinutes * 60_000);
  firstRun.unref();
  interval.unref();

  return {
    runNow,
    stop: async () => {
      stopped = true;
      clearTimeout(firstRun);
      clearInterval(interval);
      controller?.abort(new Error("server stopping"));
      await running;
    },
  };
}
