/**
 * The sync's bookkeeping in the store (table sync_state, one row per upstream):
 * - synced_until_ms: calls created before it are in the store;
 * - checkpoint: the sync in progress, exactly the next request to make, saved after every page,
 *   so a sync killed at any point resumes where it stopped;
 * - a lease, so two syncs (the CLI and the server's schedule, or two CLIs) never interleave.
 *   A lease whose holder ran on this host and is gone (killed) is taken over at once; any other
 *   expires after its TTL unless renewed (every page renews it).
 */
import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import { type Kysely, sql } from "kysely";
import { z } from "zod";
import type { StoreDatabase } from "../store/schema.ts";

const checkpointSchema = z.object({
  version: z.literal(1),
  /** The run: from where (the last synced point minus the overlap) to when it started. */
  runFromMs: z.number(),
  runUntilMs: z.number(),
  /** The date window being listed (inclusive bounds, at most 30 days apart). */
  windowFromMs: z.number(),
  windowToMs: z.number(),
  /** Lower bound of the next request: moves up to the last time seen (keyset paging). */
  cursorMs: z.number(),
  page: z.number().int().min(1),
  paging: z.enum(["keyset", "pages"]),
  apiVersion: z.enum(["v3", "v1"]),
  windowMs: z.number().positive(),
  fetched: z.number().int().min(0),
  startedAt: z.number(),
});
export type Checkpoint = z.infer<typeof checkpointSchema>;

export type SyncState = {
  syncedUntilMs: number | null;
  checkpoint: Checkpoint | null;
  leaseOwner: string | null;
  leaseExpiresAt: number | null;
  lastStartedAt: number | null;
  lastFinishedAt: number | null;
  lastError: string | null;
};

export const LEASE_TTL_MS = 15 * 60_000;

export function sourceKey(baseUrl: string): string {
  return `omicall:${new URL(baseUrl).origin}`;
}

/** This process's incarnation: tells it apart from a dead process that had the same pid. */
const PROCESS_TOKEN = randomUUID().slice(0, 8);

/** host/pid/process token/sync: enough to tell whether the holder is still alive. */
export function newLeaseOwner(): string {
  return `${hostname()}/${process.pid}/${PROCESS_TOKEN}/${randomUUID().slice(0, 8)}`;
}

function parseCheckpoint(text: string | null): Checkpoint | null {
  if (text === null) return null;
  try {
    const parsed = checkpointSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export async function readSyncState(
  db: Kysely<StoreDatabase>,
  source: string,
): Promise<SyncState | null> {
  const row = await db
    .selectFrom("sync_state")
    .selectAll()
    .where("source", "=", source)
    .executeTakeFirst();
  if (!row) return null;
  return {
    syncedUntilMs: row.synced_until_ms,
    checkpoint: parseCheckpoint(row.checkpoint),
    leaseOwner: row.lease_owner,
    leaseExpiresAt: row.lease_expires_at,
    lastStartedAt: row.last_started_at,
    lastFinishedAt: row.last_finished_at,
    lastError: row.last_error,
  };
}

/**
 * Whether a lease holder ran on this host in a process that no longer exists. (A holder whose
 * pid now belongs to another process looks alive: its lease then runs out after its TTL.)
 */
function holderIsGone(owner: string | null): boolean {
  if (!owner) return false;
  const [host, pid, token] = owner.split("/");
  if (host !== hostname() || !pid || !Number.isInteger(Number(pid))) return false;
  // Our own pid: a previous incarnation (a restarted container reuses pids) unless it is us.
  if (Number(pid) === process.pid) return token !== undefined && token !== PROCESS_TOKEN;
  try {
    process.kill(Number(pid), 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "ESRCH";
  }
}

/**
 * Takes the lease for `source`, or returns the current holder's name when somebody else holds
 * it. `force` takes it regardless (for a person who knows the other sync is dead).
 */
export async function acquireLease(
  db: Kysely<StoreDatabase>,
  source: string,
  owner: string,
  { now = Date.now(), ttlMs = LEASE_TTL_MS, force = false } = {},
): Promise<{ acquired: true } | { acquired: false; holder: string; expiresAt: number | null }> {
  const current = await readSyncState(db, source);
  const stale = current && holderIsGone(current.leaseOwner) ? current.leaseOwner : null;
  // One statement: two processes racing for the lease cannot both win.
  await sql`
    INSERT INTO sync_state (source, lease_owner, lease_expires_at, updated_at)
    VALUES (${source}, ${owner}, ${now + ttlMs}, ${now})
    ON CONFLICT (source) DO UPDATE SET
      lease_owner = excluded.lease_owner,
      lease_expires_at = excluded.lease_expires_at,
      updated_at = excluded.updated_at
    WHERE sync_state.lease_owner IS NULL
      OR sync_state.lease_expires_at IS NULL
      OR sync_state.lease_expires_at < ${now}
      OR sync_state.lease_owner = ${owner}
      OR sync_state.lease_owner = ${stale ?? ""}
      OR ${force ? 1 : 0} = 1`.execute(db);
  const after = await readSyncState(db, source);
  if (after?.leaseOwner === owner) return { acquired: true };
  return {
    acquired: false,
    holder: after?.leaseOwner ?? "unknown",
    expiresAt: after?.leaseExpiresAt ?? null,
  };
}

export async function releaseLease(db: Kysely<StoreDatabase>, source: string, owner: string) {
  await db
    .updateTable("sync_state")
    .set({ lease_owner: null, lease_expires_at: null, updated_at: Date.now() })
    .where("source", "=", source)
    .where("lease_owner", "=", owner)
    .execute();
}

/** Thrown when our lease was taken over (we were presumed dead): stop without writing more. */
export class LeaseLostError extends Error {
  constructor(source: string) {
    super(`the sync lease for ${source} was taken over by another sync`);
    this.name = "LeaseLostError";
  }
}

/** Saves the checkpoint and renews the lease, in one statement that checks we still hold it. */
export async function saveCheckpoint(
  db: Kysely<StoreDatabase>,
  source: string,
  owner: string,
  checkpoint: Checkpoint,
  { now = Date.now(), ttlMs = LEASE_TTL_MS } = {},
) {
  const result = await db
    .updateTable("sync_state")
    .set({
      checkpoint: JSON.stringify(checkpoint),
      lease_expires_at: now + ttlMs,
      updated_at: now,
    })
    .where("source", "=", source)
    .where("lease_owner", "=", owner)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) !== 1) throw new LeaseLostError(source);
}

export async function markRunStarted(
  db: Kysely<StoreDatabase>,
  source: string,
  owner: string,
  now = Date.now(),
) {
  await db
    .updateTable("sync_state")
    .set({ last_started_at: now, updated_at: now })
    .where("source", "=", source)
    .where("lease_owner", "=", owner)
    .execute();
}

/** The run reached its end: everything before `syncedUntilMs` is in; no run in progress. */
export async function finishRun(
  db: Kysely<StoreDatabase>,
  source: string,
  owner: string,
  syncedUntilMs: number,
  now = Date.now(),
) {
  const result = await db
    .updateTable("sync_state")
    .set({
      synced_until_ms: syncedUntilMs,
      checkpoint: null,
      last_finished_at: now,
      last_error: null,
      updated_at: now,
    })
    .where("source", "=", source)
    .where("lease_owner", "=", owner)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) !== 1) throw new LeaseLostError(source);
}

export async function recordSyncError(
  db: Kysely<StoreDatabase>,
  source: string,
  message: string,
  now = Date.now(),
) {
  await db
    .updateTable("sync_state")
    .set({ last_error: message.slice(0, 1000), updated_at: now })
    .where("source", "=", source)
    .execute();
}
