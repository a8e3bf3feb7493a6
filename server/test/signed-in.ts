/**
 * Signing in for tests: a user of a tenant with a session made directly in the store, so API
 * tests send a real session cookie without going through (and being rate-limited by) sign-in.
 */
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from "fastify";
import type { UserRole } from "@/contract/session.ts";
import { SESSION_COOKIE } from "../auth/authentication.ts";
import { createSession } from "../auth/sessions.ts";
import { createUser } from "../auth/users.ts";
import type { CallScope } from "../store/call-reader.ts";
import type { Store } from "../store/open-store.ts";
import { TEST_TENANT_ID } from "./call-builder.ts";

export { TEST_TENANT_ID };

/** Everything a supervisor of the tenant sees, for tests that read the store directly. */
export function supervisorScope(tenantId = TEST_TENANT_ID): CallScope {
  return { tenantId, agentExtension: null };
}

export type TestUserOptions = {
  role?: UserRole;
  tenantId?: string;
  /** An agent's extension. */
  sipUser?: string;
};

let users = 0;

/**
 * A cookie header for a new user of the tenant (a supervisor of the test tenant by default).
 * The app is only named so that call sites read as "signed in to this app".
 */
export async function signedInCookie(
  _app: FastifyInstance,
  store: Store,
  { role = "supervisor", tenantId = TEST_TENANT_ID, sipUser }: TestUserOptions = {},
): Promise<string> {
  users += 1;
  const user = await createUser(store, {
    tenantId,
    username: `${role}-${users}-${process.pid}`,
    password: "correct horse battery staple",
    role,
    sipUser: sipUser ?? (role === "agent" ? "101" : null),
  });
  return `${SESSION_COOKIE}=${await createSession(store, user.id)}`;
}

/** `app.inject` as a signed-in user: every request carries the user's session cookie. */
export async function signedInInject(
  app: FastifyInstance,
  store: Store,
  user: TestUserOptions = {},
): Promise<(request: InjectOptions) => Promise<LightMyRequestResponse>> {
  const cookie = await signedInCookie(app, store, user);
  return (request) => app.inject({ ...request, headers: { ...request.headers, cookie } });
}
