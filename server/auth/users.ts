/**
 * The dashboard's users: each belongs to one tenant, as a supervisor (all the tenant's calls) or
 * an agent (the calls its extension took part in). Used by `npm run user` and the demo start.
 */
import { USER_ROLES, type UserRole } from "@/contract/session.ts";
import type { Store } from "../store/open-store.ts";
import { hashPassword, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "./passwords.ts";

export type NewUser = {
  tenantId: string;
  /** The tenant's display name, recorded with its first user. */
  tenantName?: string | null;
  username: string;
  password: string;
  role: UserRole;
  displayName?: string | null;
  /** Required for agents: the extension whose calls they see. */
  sipUser?: string | null;
};

export type UserSummary = {
  id: number;
  username: string;
  displayName: string | null;
  role: UserRole;
  tenantId: string;
  sipUser: string | null;
};

export class UserInputError extends Error {
  override name = "UserInputError";
}

const USERNAME_PATTERN = /^[a-z0-9][a-z0-9._@-]{1,63}$/;

/** Usernames compare without regard to case or surrounding spaces. */
export function normalizeUsername(username: string): string {
  return username.trim().toLowerCase();
}

export function checkPassword(password: string): void {
  if (password.length < PASSWORD_MIN_LENGTH || password.length > PASSWORD_MAX_LENGTH) {
    throw new UserInputError(
      `The password must be ${PASSWORD_MIN_LENGTH}–${PASSWORD_MAX_LENGTH} characters long`,
    );
  }
}

export async function createUser(store: Store, user: NewUser): Promise<UserSummary> {
  const username = normalizeUsername(user.username);
  if (!USERNAME_PATTERN.test(username)) {
    throw new UserInputError(
      "The username must be 2–64 letters, digits, dots, dashes, underscores or @",
    );
  }
  if (!USER_ROLES.includes(user.role)) {
    throw new UserInputError(`The role must be one of: ${USER_ROLES.join(", ")}`);
  }
  const sipUser = user.sipUser?.trim() || null;
  if (user.role === "agent" && !sipUser) {
    throw new UserInputError("An agent needs the extension (sip user) whose calls it sees");
  }
  checkPassword(user.password);
  const passwordHash = await hashPassword(user.password);
  const now = Date.now();
  return store.db.transaction().execute(async (trx) => {
    const existing = await trx
      .selectFrom("users")
      .select("id")
      .where("username", "=", username)
      .executeTakeFirst();
    if (existing) throw new UserInputError(`The user ${username} exists already`);
    await trx
      .insertInto("tenants")
      .values({ id: user.tenantId, name: user.tenantName ?? null })
      .onConflict((conflict) =>
        conflict.column("id").doUpdateSet((eb) => ({
          name: eb.fn.coalesce(eb.ref("excluded.name"), eb.ref("tenants.name")),
        })),
      )
      .execute();
    const { id } = await trx
      .insertInto("users")
      .values({
        tenant_id: user.tenantId,
        username,
        display_name: user.displayName?.trim() || null,
        password_hash: passwordHash,
        role: user.role,
        sip_user: sipUser,
        created_at: now,
        updated_at: now,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    return {
      id,
      username,
      displayName: user.displayName?.trim() || null,
      role: user.role,
      tenantId: user.tenantId,
      sipUser,
    };
  });
}

/** Sets a new password and signs the user out everywhere. False when there is no such user. */
export async function changePassword(
  store: Store,
  username: string,
  password: string,
): Promise<boolean> {
  checkPassword(password);
  const passwordHash = await hashPassword(password);
  return store.db.transaction().execute(async (trx) => {
    const user = await trx
      .updateTable("users")
      .set({ password_hash: passwordHash, updated_at: Date.now() })
      .where("username", "=", normalizeUsername(username))
      .returning("id")
      .executeTakeFirst();
    if (!user) return false;
    await trx.deleteFrom("sessions").where("user_id", "=", user.id).execute();
    return true;
  });
}

/** Removes a user and its sessions. False when there is no such user. */
export async function removeUser(store: Store, username: string): Promise<boolean> {
  const result = await store.db
    .deleteFrom("users")
    .where("username", "=", normalizeUsername(username))
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

export async function listUsers(store: Store): Promise<UserSummary[]> {
  const rows = await store.db
    .selectFrom("users")
    .select(["id", "username", "display_name", "role", "tenant_id", "sip_user"])
    .orderBy("tenant_id")
    .orderBy("username")
    .execute();
  return rows.map((row) => ({
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    role: row.role,
    tenantId: row.tenant_id,
    sipUser: row.sip_user,
  }));
}
