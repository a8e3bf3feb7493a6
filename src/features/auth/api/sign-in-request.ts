/** The sign-in request: only the sign-in page (loaded when signed out) needs it. */
import { type SessionUser, type SignInRequest, sessionEnvelopeSchema } from "@/contract/session.ts";
import { fetchJson } from "@/lib/api-client.ts";
import { SESSION_ENDPOINT } from "./session-queries.ts";

/** Fails like every request: an `ApiError` (429 carries `retryAfterSeconds`). */
export async function signIn(request: SignInRequest): Promise<SessionUser> {
  const envelope = await fetchJson(SESSION_ENDPOINT, sessionEnvelopeSchema, {
    method: "POST",
    json: request,
  });
  return envelope.payload.user;
}
