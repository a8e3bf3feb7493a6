/**
 * Server-side sessions: the cookie holds a random token, the store only its SHA-256, so reading
 * the database file does not let anyone sign in. A session ends after 12 idle hours or 7 days.
 */
import { createHash, randomBytes } from "node:crypto";
import type { UserRole } from "@/contract/session.ts";
import { storeFaultOf } from "../http/store-faults.ts";
import type { Store } from "../store/open-store.ts";

export const SESSION_IDLE_MS = 12 * 60 * 60 * 1000;
export const SESSION_MAX_MS = 7 * 24 * 60 * 60 * 1000;
/** Refreshing last_seen_at on every request would make each read a write. */
const TOUCH_AFTER_MS = 5 * 60 * 1000;

/** Who is asking: what every authorized read is scoped by. */
export type Viewer = {
  userId: number;
  username: string;
  displayName: string | null;
  role: UserRole;
  tenantId: string;
  tenantName: string | null;
  sipUser: string | null;
};

/**
 * Session bookkeeping that may wait for a better moment: while another process holds the write
 * lock (a sync, a seed), a read must not fail because its session could not be touched. The
 * next request touches it again; an expired session is refused either way and pruned later.
 */
async function bestEffort(write: Promise<unknown>): Promise<void> {
  try {
    await write;
  } catch (error) {
    if (storeFaultOf(error) === null) throw error;
  }
}

const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

export async function createSession(store: Store, userId: number): Promise<string> {
  const token = randomBytes(32).toString("base64url");
  const now = Date.now();
  await store.db
    .insertInto("sessions")
    .values({
      token_hash: hashToken(token),
      user_id: userId,
      created_at: now,
      last_seen_at: now,
      expires_at: now + SESSION_MAX_MS,
    })
    .execute();
  return token;
}

/** The signed-in user of a token, or null when the session is unknown, idle too long or over. */
export async function findViewer(store: Store, token: string): Promise<Viewer | null> {
  // Tokens are 43 base64url characters; anything else is not worth a query.
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return null;
  const tokenHash = hashToken(token);
  const row = await store.db
    .selectFrom("sessions")
    .innerJoin("users", "users.id", "sessions.user_id")
    .leftJoin("tenants", "tenants.id", "users.tenant_id")
    .select([
      "sessions.last_seen_at",
      "sessions.expires_at",
      "users.id as user_id",
      "users.username",
      "users.display_name",
      "users.role",
      "users.tenant_id",
      "users.sip_user",
      "tenants.name as tenant_name",
    ])
    .where("sessions.token_hash", "=", tokenHash)
    .executeTakeFirst();
  const now = Date.now();
  if (!row) return null;
  if (row.expires_at <= now || row.last_seen_at + SESSION_IDLE_MS <= now) {
    await bestEffort(store.db.deleteFrom("sessions").where("token_hash", "=", tokenHash).execute());
    return null;
  }
  if (now - row.last_seen_at > TOUCH_AFTER_MS) {
    await bestEffort(
      store.db
        .updateTable("sessions")
        .set({ last_seen_at: now })
        .where("token_hash", "=", tokenHash)
        .execute(),
    );
  }
  return {
    userId: row.user_id,
    username: row.username,
    displayName: row.display_name,
    role: row.role,
    tenantId: row.tenant_id,
    tenantName: row.tenant_name,
    sipUser: row.sip_user,
  };
}

export async function endSession(store: Store, token: string): Promise<void> {
  await store.db.deleteFrom("sessions").where("token_hash", "=", hashToken(token)).execute();
}

/** Sessions past their time; run now and then so the table does not grow forever. */
export async function pruneSessions(store: Store, now = Date.now()): Promise<void> {
  await store.db
    .deleteFrom("sessions")
    .where((eb) =>
      eb.or([eb("expires_at", "<=", now), eb("last_seen_at", "<=", now - SESSION_IDLE_MS)]),
    )
    .execute();
}
