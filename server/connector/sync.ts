/**
 * Brings a tenant's calls from OMICall into the store, incrementally and resumably.
 *
 * A run covers [last synced point − overlap, now] in date windows of at most 30 days (the
 * vendor's cap), each listed in pages of at most 50, in ascending order of the time field.
 * After every page the checkpoint (the exact next request) is saved, so a sync killed anywhere
 * resumes where it stopped: at worst it re-reads one page, and upserts by transaction_id make
 * that harmless.
 *
 * Paging. A page number is not a stable cursor: a call that appears meanwhile inside the range
 * shifts every later page by one. So with v3, which sorts ascending on request, the lower bound
 * of the request moves up to just before the last time seen and the page goes back to 1 (keyset
 * paging); the calls at that time are read twice (idempotent, and safe whether the vendor's
 * bound is inclusive or not), and when more than a page shares one millisecond the page number
 * advances until the time moves. v1's order is not documented:
 * it pages by number in a window whose bounds are fixed, and the overlap of the next run catches
 * a call that appeared behind the reader. A v3 answer that turns out not to be ascending, or
 * that holds calls outside the requested range (its date filter would then be on another field
 * than OMICALL_SYNC_TIME_FIELD), switches that window to paging by number, with a warning.
 */
import type { Kysely } from "kysely";
import type { Call } from "@/contract/call.ts";
import { toUnixMilliseconds } from "@/contract/call-derivations.ts";
import type { StoreDatabase } from "../store/schema.ts";
import { normalizeVendorRecord, parseVendorCall } from "./call-page.ts";
import { type CallToIngest, ingestCalls, storedVersions } from "./ingest.ts";
import {
  type ApiVersion,
  OmicallApiError,
  type OmicallClient,
  OmicallRetriesExhaustedError,
} from "./omicall-client.ts";
import {
  acquireLease,
  type Checkpoint,
  finishRun,
  markRunStarted,
  newLeaseOwner,
  readSyncState,
  recordSyncError,
  releaseLease,
  saveCheckpoint,
} from "./sync-state.ts";

const HOUR_MS = 3_600_000;
const MAX_WINDOW_MS = 30 * 24 * HOUR_MS;
const MAX_PAGE_SIZE = 50;

export type SyncClient = Pick<OmicallClient, "search" | "detail" | "activeVersion" | "stats">;

export type SyncTotals = {
  /** Calls received in this invocation (re-reads included). */
  fetched: number;
  /** Calls received by the run since it started, across resumes. */
  fetchedInRun: number;
  written: number;
  unchanged: number;
  skippedAsOlder: number;
  /** Calls that failed the contract: reported, not stored. */
  rejected: number;
  legsFetched: number;
  /** Details that could not be had (after retries): the call is stored, its legs come later. */
  legsMissing: number;
  pages: number;
};

export type SyncProgress = {
  kind: "run-start" | "page" | "window-done" | "run-done" | "warning";
  totals: SyncTotals;
  elapsedMs: number;
  windowFromMs: number;
  windowToMs: number;
  runFromMs: number;
  runUntilMs: number;
  page: number;
  resumed: boolean;
  message?: string;
};

export type SyncOptions = {
  db: Kysely<StoreDatabase>;
  client: SyncClient;
  /** sync_state's key for this upstream (sourceKey(baseUrl)). */
  source: string;
  /** Where the first run starts, unix ms. */
  sinceMs: number;
  overlapMs?: number;
  windowMs?: number;
  pageSize?: number;
  timeField?: "created_date" | "time_start_call";
  /** "pages": never keyset paging (when the v3 filter's field is in doubt). */
  paging?: "auto" | "pages";
  fetchLegs?: boolean;
  detailConcurrency?: number;
  /** End of a new run (default: now). */
  untilMs?: number;
  /** Start over from sinceMs, ignoring the last synced point and any checkpoint. */
  full?: boolean;
  forceLease?: boolean;
  leaseOwner?: string;
  signal?: AbortSignal;
  onProgress?: (progress: SyncProgress) => void;
  now?: () => number;
  /** Tests: runs after a page is written and before its checkpoint is saved. */
  afterPageWritten?: (totals: SyncTotals) => void | Promise<void>;
};

export type SyncSummary = SyncTotals & {
  elapsedMs: number;
  syncedUntilMs: number;
  resumed: boolean;
  apiVersion: ApiVersion;
  requests: number;
  retries: number;
};

export class SyncBusyError extends Error {
  constructor(
    readonly holder: string,
    readonly expiresAt: number | null,
  ) {
    super(`another sync is running (${holder})`);
    this.name = "SyncBusyError";
  }
}

/** Codes that no amount of waiting fixes: the sync stops instead of skipping calls' legs. */
const FATAL_CODES = new Set([
  "api_key_is_required",
  "api_key_invalid",
  "permission_denied",
  "token_expired",
  "no_access_token",
]);

function timeOf(item: unknown, field: string): number | null {
  const record = normalizeVendorRecord(item);
  if (typeof record !== "object" || record === null) return null;
  const value = (record as Record<string, unknown>)[field];
  return typeof value === "number" && Number.isFinite(value) ? toUnixMilliseconds(value) : null;
}

function idOf(item: unknown): string {
  const record = normalizeVendorRecord(item);
  const id =
    typeof record === "object" && record !== null
      ? (record as Record<string, unknown>).transaction_id
      : undefined;
  return typeof id === "string" ? id : JSON.stringify(item);
}

async function mapWithConcurrency<T, R>(
  items: readonly T[],
  concurrency: number,
  task: (item: T) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const workers = Array.from({ length: Math.min(concurrency, items.length) }, async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await task(items[index] as T);
    }
  });
  await Promise.all(workers);
  return results;
}

/** Runs a sync to the end (or until aborted), resuming an interrupted run first. */
export async function syncCalls(options: SyncOptions): Promise<SyncSummary> {
  const {
    db,
    client,
    source,
    signal,
    overlapMs = 30 * 60_000,
    timeField = "created_date",
    fetchLegs = true,
    detailConcurrency = 4,
    now = Date.now,
  } = options;
  const pageSize = Math.min(MAX_PAGE_SIZE, Math.max(1, options.pageSize ?? MAX_PAGE_SIZE));
  const windowMs = Math.min(MAX_WINDOW_MS, Math.max(HOUR_MS, options.windowMs ?? MAX_WINDOW_MS));
  const owner = options.leaseOwner ?? newLeaseOwner();
  const defaultPaging = (version: ApiVersion): Checkpoint["paging"] =>
    version === "v3" && options.paging !== "pages" ? "keyset" : "pages";
  const startedAt = now();
  const requestsBefore = client.stats.requests;
  const retriesBefore = client.stats.retries;
  const totals: SyncTotals = {
    fetched: 0,
    fetchedInRun: 0,
    written: 0,
    unchanged: 0,
    skippedAsOlder: 0,
    rejected: 0,
    legsFetched: 0,
    legsMissing: 0,
    pages: 0,
  };

  const lease = await acquireLease(db, source, owner, {
    now: now(),
    force: options.forceLease ?? false,
  });
  if (!lease.acquired) throw new SyncBusyError(lease.holder, lease.expiresAt);

  /** Whether the run being reported is one an earlier sync left unfinished. */
  let resumed = false;
  let resumedInterrupted = false;
  let lastUntil = 0;
  const report = (kind: SyncProgress["kind"], checkpoint: Checkpoint, message?: string) => {
    options.onProgress?.({
      kind,
      totals: { ...totals },
      elapsedMs: now() - startedAt,
      windowFromMs: checkpoint.windowFromMs,
      windowToMs: checkpoint.windowToMs,
      runFromMs: checkpoint.runFromMs,
      runUntilMs: checkpoint.runUntilMs,
      page: checkpoint.page,
      resumed,
      ...(message === undefined ? {} : { message }),
    });
  };

  async function writePage(calls: Call[], checkpoint: Checkpoint): Promise<void> {
    const byId = new Map<string, Call>();
    for (const call of calls) {
      const seen = byId.get(call.transaction_id);
      if (
        !seen ||
        toUnixMilliseconds(seen.last_updated_date) <= toUnixMilliseconds(call.last_updated_date)
      ) {
        byId.set(call.transaction_id, call);
      }
    }
    const versions = await storedVersions(db, [...byId.keys()]);
    const needed = [...byId.values()].filter((call) => {
      const stored = versions.get(call.transaction_id);
      return (
        !stored ||
        stored.lastUpdatedMs < toUnixMilliseconds(call.last_updated_date) ||
        (fetchLegs && stored.legCount === 0)
      );
    });
    totals.unchanged += calls.length - needed.length;

    const entries = await mapWithConcurrency<Call, CallToIngest>(
      needed,
      fetchLegs ? detailConcurrency : 1,
      async (call) => {
        if (!fetchLegs) return { call, legs: null };
        try {
          const detail = await client.detail(call.transaction_id, signal);
          if (detail?.legs) totals.legsFetched += 1;
          else totals.legsMissing += 1;
          if (detail && detail.rejectedLegs > 0) {
            report(
              "warning",
              checkpoint,
              `call ${call.transaction_id}: ${detail.rejectedLegs} legs failed the contract`,
            );
          }
          // The detail may be newer than the list's copy (the call changed in between).
          const newer =
            detail?.call &&
            toUnixMilliseconds(detail.call.last_updated_date) >=
              toUnixMilliseconds(call.last_updated_date)
              ? detail.call
              : call;
          return { call: newer, legs: detail?.legs ?? null };
        } catch (error) {
          if (signal?.aborted) throw error;
          if (error instanceof OmicallApiError && FATAL_CODES.has(error.code)) throw error;
          if (
            !(error instanceof OmicallApiError || error instanceof OmicallRetriesExhaustedError)
          ) {
            throw error;
          }
          totals.legsMissing += 1;
          report(
            "warning",
            checkpoint,
            `legs of ${call.transaction_id} not fetched: ${error.message}`,
          );
          return { call, legs: null };
        }
      },
    );
    signal?.throwIfAborted();
    const result = await ingestCalls(db, entries);
    totals.written += result.written;
    totals.skippedAsOlder += result.skippedAsOlder;
  }

  function newRun(fromMs: number, untilMs: number): Checkpoint {
    const version = client.activeVersion;
    return {
      version: 1,
      runFromMs: fromMs,
      runUntilMs: untilMs,
      windowFromMs: fromMs,
      windowToMs: Math.min(fromMs + windowMs - 1, untilMs),
      cursorMs: fromMs,
      page: 1,
      paging: defaultPaging(version),
      apiVersion: version,
      windowMs,
      fetched: 0,
      startedAt: now(),
    };
  }

  /** Lists one run to its end; returns when its last window is done. */
  async function runToEnd(checkpoint: Checkpoint): Promise<void> {
    totals.fetchedInRun = checkpoint.fetched;
    let previousPageKey = "";
    report("run-start", checkpoint);
    for (;;) {
      signal?.throwIfAborted();
      if (client.activeVersion !== checkpoint.apiVersion) {
        // The version changed (auto mode fell back): page numbers of the old one mean nothing.
        checkpoint.apiVersion = client.activeVersion;
        checkpoint.paging = defaultPaging(checkpoint.apiVersion);
        checkpoint.page = 1;
      }
      let result: Awaited<ReturnType<SyncClient["search"]>>;
      try {
        result = await client.search(
          {
            fromMs: checkpoint.cursorMs,
            toMs: checkpoint.windowToMs,
            page: checkpoint.page,
            size: pageSize,
          },
          signal,
        );
      } catch (error) {
        if (
          error instanceof OmicallApiError &&
          error.code === "date_is_too_long" &&
          checkpoint.windowMs > HOUR_MS
        ) {
          // The documented cap is 30 days; should the vendor count differently, narrow down.
          checkpoint.windowMs = Math.max(HOUR_MS, Math.floor(checkpoint.windowMs / 2));
          checkpoint.windowToMs = Math.min(
            checkpoint.cursorMs + checkpoint.windowMs - 1,
            checkpoint.runUntilMs,
          );
          checkpoint.page = 1;
          report(
            "warning",
            checkpoint,
            `date_is_too_long: windows of ${Math.round(checkpoint.windowMs / HOUR_MS)} h from now on`,
          );
          await saveCheckpoint(db, source, owner, checkpoint, { now: now() });
          continue;
        }
        throw error;
      }
      if (result.version !== checkpoint.apiVersion) {
        // This very answer came from the fallback version: take it as its page 1.
        checkpoint.apiVersion = result.version;
        checkpoint.paging = defaultPaging(result.version);
        checkpoint.page = 1;
      }

      const { items, hasNext, totalPages } = result.page;
      // An upstream that ignores the page number would repeat one page forever: stop instead.
      const pageKey = items.map(idOf).join("\n");
      if (
        checkpoint.paging === "pages" &&
        checkpoint.page > 1 &&
        items.length > 0 &&
        pageKey === previousPageKey
      ) {
        throw new Error(
          `the ${result.version} list answered page ${checkpoint.page} with the same calls as the page before: it seems to ignore page numbers`,
        );
      }
      previousPageKey = pageKey;
      const calls: Call[] = [];
      for (const item of items) {
        const parsed = parseVendorCall(item);
        if (parsed.ok) calls.push(parsed.call);
        else {
          totals.rejected += 1;
          report(
            "warning",
            checkpoint,
            `call ${parsed.transactionId ?? "(no transaction_id)"} failed the contract: ${parsed.problems.join("; ")}`,
          );
        }
      }
      await writePage(calls, checkpoint);
      totals.fetched += items.length;
      totals.pages += 1;
      checkpoint.fetched += items.length;
      totals.fetchedInRun = checkpoint.fetched;
      await options.afterPageWritten?.({ ...totals });

      const times = items.map((item) => timeOf(item, timeField));
      const known = times.filter((time): time is number => time !== null);
      const ascending =
        known.length === times.length &&
        known.every(
          (time, index) =>
            time >= checkpoint.cursorMs &&
            time <= checkpoint.windowToMs &&
            (index === 0 || time >= (known[index - 1] as number)),
        );
      const windowDone =
        items.length === 0 ||
        (hasNext !== undefined
          ? !hasNext
          : totalPages !== undefined
            ? checkpoint.page >= totalPages
            : items.length < pageSize);

      if (windowDone) {
        if (checkpoint.windowToMs >= checkpoint.runUntilMs) return;
        report("window-done", checkpoint);
        // The next window starts on the last one's end: a shared millisecond, never a gap,
        // whether the vendor's bounds are inclusive or not.
        checkpoint.windowFromMs = checkpoint.windowToMs;
        checkpoint.windowToMs = Math.min(
          checkpoint.windowFromMs + checkpoint.windowMs - 1,
          checkpoint.runUntilMs,
        );
        checkpoint.cursorMs = checkpoint.windowFromMs;
        checkpoint.page = 1;
        checkpoint.paging = defaultPaging(checkpoint.apiVersion);
      } else if (checkpoint.paging === "keyset" && ascending) {
        // One millisecond before the last time seen: the calls at that time beyond this page
        // are read next even if the vendor's lower bound is exclusive.
        const next = Math.max(...known) - 1;
        if (next > checkpoint.cursorMs) {
          checkpoint.cursorMs = next;
          checkpoint.page = 1;
        } else {
          checkpoint.page += 1;
        }
      } else {
        if (checkpoint.paging === "keyset") {
          report(
            "warning",
            checkpoint,
            `the ${checkpoint.apiVersion} answer is not in ascending ${timeField} order within the requested range: paging this window by number`,
          );
          checkpoint.paging = "pages";
        }
        checkpoint.page += 1;
      }
      await saveCheckpoint(db, source, owner, checkpoint, { now: now() });
      report("page", checkpoint);
    }
  }

  try {
    const state = await readSyncState(db, source);
    await markRunStarted(db, source, owner, now());
    let checkpoint = options.full ? null : (state?.checkpoint ?? null);
    resumed = checkpoint !== null;
    resumedInterrupted = resumed;
    if (checkpoint) {
      await runToEnd(checkpoint);
      await finishRun(db, source, owner, checkpoint.runUntilMs, now());
      lastUntil = checkpoint.runUntilMs;
      report("run-done", checkpoint);
    }
    // A fresh run: from the last synced point (minus the overlap for late records) to now.
    const syncedUntil = options.full ? null : resumed ? lastUntil : (state?.syncedUntilMs ?? null);
    const fromMs = syncedUntil === null ? options.sinceMs : syncedUntil - overlapMs;
    const untilMs = options.untilMs ?? now();
    if (fromMs < untilMs) {
      resumed = false;
      checkpoint = newRun(fromMs, untilMs);
      await saveCheckpoint(db, source, owner, checkpoint, { now: now() });
      await runToEnd(checkpoint);
      await finishRun(db, source, owner, checkpoint.runUntilMs, now());
      lastUntil = checkpoint.runUntilMs;
      report("run-done", checkpoint);
    } else {
      lastUntil = Math.max(lastUntil, syncedUntil ?? 0);
    }
    return {
      ...totals,
      elapsedMs: now() - startedAt,
      syncedUntilMs: lastUntil,
      resumed: resumedInterrupted,
      apiVersion: client.activeVersion,
      requests: client.stats.requests - requestsBefore,
      retries: client.stats.retries - retriesBefore,
    };
  } catch (error) {
    if (!signal?.aborted) {
      await recordSyncError(db, source, error instanceof Error ? error.message : String(error));
    }
    throw error;
  } finally {
    await releaseLease(db, source, owner);
  }
}
