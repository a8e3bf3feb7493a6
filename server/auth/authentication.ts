/**
 * Who is asking, for every API request: the session cookie is resolved to a Viewer before any
 * route runs, and an API request without one is answered 401 here, so no route can forget to
 * check. Only health, sign-in itself and the vendor's webhooks (which carry their own secret)
 * are open.
 */
import fastifyCookie from "@fastify/cookie";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { sendApiError } from "../http/envelope.ts";
import type { CallScope } from "../store/call-reader.ts";
import type { Store } from "../store/open-store.ts";
import { findViewer, SESSION_MAX_MS, type Viewer } from "./sessions.ts";

export const SESSION_COOKIE = "cdh_session";

declare module "fastify" {
  interface FastifyRequest {
    viewer: Viewer | null;
  }
}

const OPEN_API_PATHS = [
  /^\/api\/health(?:[/?]|$)/,
  /^\/api\/session(?:[/?]|$)/,
  /^\/api\/webhooks\//,
];

function needsSession(url: string): boolean {
  return url.startsWith("/api/") && !OPEN_API_PATHS.some((pattern) => pattern.test(url));
}

export async function installAuthentication(app: FastifyInstance, store: Store): Promise<void> {
  await app.register(fastifyCookie);
  app.decorateRequest("viewer", null);
  app.addHook("onRequest", async (request, reply) => {
    const token = request.cookies[SESSION_COOKIE];
    request.viewer = token ? await findViewer(store, token) : null;
    if (!request.viewer && needsSession(request.url)) {
      return sendApiError(reply, 401, "unauthenticated");
    }
  });
}

export function setSessionCookie(request: FastifyRequest, reply: FastifyReply, token: string) {
  reply.setCookie(SESSION_COOKIE, token, {
    path: "/",
    httpOnly: true,
    sameSite: "lax",
    // Behind a TLS-terminating proxy, TRUST_PROXY makes request.protocol say https.
    secure: request.protocol === "https",
    maxAge: SESSION_MAX_MS / 1000,
  });
}

export function clearSessionCookie(request: FastifyRequest, reply: FastifyReply) {
  reply.clearCookie(SESSION_COOKIE, {
    path: "/",
    httpOnly: true,
    sameSite: "lax",
    secure: request.protocol === "https",
  });
}

/** The viewer of a request that passed the session check (every route but the open ones). */
export function viewerOf(request: FastifyRequest): Viewer {
  if (!request.viewer) throw new Error(`No viewer on ${request.method} ${request.url}`);
  return request.viewer;
}

/** A viewer's calls: the tenant's for a supervisor; an agent's own for an agent. */
export function callScopeOf(viewer: Viewer): CallScope {
  if (viewer.role === "supervisor") return { tenantId: viewer.tenantId, agentExtension: null };
  // An agent without an extension (the schema forbids it, but a hand-edited row could) sees none.
  return { tenantId: viewer.tenantId, agentExtension: viewer.sipUser ?? "\u0000no-extension" };
}
