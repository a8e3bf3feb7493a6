/**
 * The demo's sign-ins: on a store of demo calls with no users yet, a supervisor of the demo
 * tenant and one of its agents, so that `npm start` can be tried at once, both roles included.
 */
import { randomBytes } from "node:crypto";
import { DEMO_TENANT_ID, DEMO_TENANT_NAME } from "../seed/demo-tenant.ts";
import type { Store } from "../store/open-store.ts";
import { verifyPassword } from "./passwords.ts";
import { changePassword, createUser } from "./users.ts";

export const DEMO_SUPERVISOR = "supervisor";
export const DEMO_AGENT = "agent";

export type DemoSignIn = {
  /** Null when the users existed already and no password was given: it is not known here. */
  password: string | null;
  agentExtension: string | null;
  created: boolean;
};

/**
 * Makes sure the demo users exist. A given password (DEMO_PASSWORD) is set on them, so tests
 * and demos can reuse a store; without one, first creation picks a random password.
 */
export async function ensureDemoUsers(store: Store, password?: string): Promise<DemoSignIn> {
  const existing = await store.db
    .selectFrom("users")
    .select(["username", "password_hash", "sip_user"])
    .where("tenant_id", "=", DEMO_TENANT_ID)
    .where("username", "in", [DEMO_SUPERVISOR, DEMO_AGENT])
    .execute();
  if (existing.length > 0) {
    if (password) {
      for (const user of existing) {
        const current = await verifyPassword(password, user.password_hash);
        if (!current) await changePassword(store, user.username, password);
      }
    }
    const agent = existing.find((user) => user.username === DEMO_AGENT);
    return { password: password ?? null, agentExtension: agent?.sip_user ?? null, created: false };
  }

  const chosen = password ?? randomBytes(9).toString("base64url");
  await createUser(store, {
    tenantId: DEMO_TENANT_ID,
    tenantName: DEMO_TENANT_NAME,
    username: DEMO_SUPERVISOR,
    displayName: "Nguyễn Thu Hà",
    role: "supervisor",
    password: chosen,
  });
  // The agent is one of the demo's own: the first extension the calls name.
  const firstAgent = await store.db
    .selectFrom("filter_values")
    .select(["value", "label"])
    .where("tenant_id", "=", DEMO_TENANT_ID)
    .where("kind", "=", "agent")
    .orderBy("value")
    .executeTakeFirst();
  if (firstAgent) {
    await createUser(store, {
      tenantId: DEMO_TENANT_ID,
      username: DEMO_AGENT,
      displayName: firstAgent.label,
      role: "agent",
      sipUser: firstAgent.value,
      password: chosen,
    });
  }
  return { password: chosen, agentExtension: firstAgent?.value ?? null, created: true };
}

/** Whether the store holds demo calls (the demo users belong to their tenant). */
export async function holdsDemoCalls(store: Store): Promise<boolean> {
  const row = await store.db
    .selectFrom("calls")
    .select("id")
    .where("tenant_id", "=", DEMO_TENANT_ID)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}
