/**
 * Sign-in, the signed-in user and sign-out:
 * - `POST /api/session` `{username, password}`: 200 with the user and a session cookie; 401
 *   `invalid_credentials` whatever was wrong (no way to learn which usernames exist); 429
 *   `too_many_attempts` with Retry-After once an address tries too often.
 * - `GET /api/session`: the signed-in user, or 401.
 * - `DELETE /api/session`: signs out (204, also when not signed in).
 */
import rateLimit from "@fastify/rate-limit";
import type { FastifyInstance } from "fastify";
import { type SessionUser, signInRequestSchema } from "@/contract/session.ts";
import { clearSessionCookie, SESSION_COOKIE, setSessionCookie } from "../auth/authentication.ts";
import { UNKNOWN_USER_HASH, verifyPassword } from "../auth/passwords.ts";
import { createSession, endSession, findViewer, type Viewer } from "../auth/sessions.ts";
import { normalizeUsername } from "../auth/users.ts";
import { sendApiError, successEnvelope } from "../http/envelope.ts";
import type { Store } from "../store/open-store.ts";

export type SessionRoutesOptions = {
  store: Store;
  /** Sign-in attempts one address may make per minute (successful ones count too). */
  signInAttemptsPerMinute?: number;
};

function sessionUserOf(viewer: Viewer): SessionUser {
  return {
    username: viewer.username,
    display_name: viewer.displayName,
    role: viewer.role,
    tenant_id: viewer.tenantId,
    tenant_name: viewer.tenantName,
    sip_user: viewer.sipUser,
  };
}

export async function sessionRoutes(app: FastifyInstance, options: SessionRoutesOptions) {
  const { store } = options;
  await app.register(rateLimit, { global: false });

  app.post(
    "/api/session",
    {
      config: {
        rateLimit: {
          max: options.signInAttemptsPerMinute ?? 10,
          timeWindow: 60_000,
          errorResponseBuilder: (_request, context) => ({
            statusCode: 429,
            code: "too_many_attempts",
            message: `Too many sign-in attempts; try again in ${context.after}`,
          }),
        },
      },
    },
    async (request, reply) => {
      const parsed = signInRequestSchema.safeParse(request.body);
      if (!parsed.success) {
        return sendApiError(
          reply,
          400,
          "invalid_parameter",
          parsed.error.issues.map((issue) => ({
            parameter: issue.path.join(".") || "body",
            message:
              issue.path.length > 0 ? issue.message : "the body must be {username, password}",
          })),
        );
      }
      const user = await store.db
        .selectFrom("users")
        .select(["id", "password_hash"])
        .where("username", "=", normalizeUsername(parsed.data.username))
        .executeTakeFirst();
      // An unknown username costs one hash check too, so time does not tell it apart.
      const matches = await verifyPassword(
        parsed.data.password,
        user?.password_hash ?? UNKNOWN_USER_HASH,
      );
      if (!user || !matches) {
        request.log.info({ username: parsed.data.username.slice(0, 64) }, "sign-in refused");
        return sendApiError(reply, 401, "invalid_credentials");
      }
      const token = await createSession(store, user.id);
      setSessionCookie(request, reply, token);
      const viewer = await findViewer(store, token);
      if (!viewer) return sendApiError(reply, 500, "internal_error");
      return reply.send(successEnvelope({ payload: { user: sessionUserOf(viewer) } }));
    },
  );

  app.get("/api/session", async (request, reply) => {
    if (!request.viewer) return sendApiError(reply, 401, "unauthenticated");
    return reply
      .header("cache-control", "no-store")
      .send(successEnvelope({ payload: { user: sessionUserOf(request.viewer) } }));
  });

  app.delete("/api/session", async (request, reply) => {
    const token = request.cookies[SESSION_COOKIE];
    if (token) await endSession(store, token);
    clearSessionCookie(request, reply);
    return reply.code(204).send();
  });
}
