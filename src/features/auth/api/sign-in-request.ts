/**
 * The sign-in request. `fetchJson` only GETs, so this sends its own but fails the same way (an
 * `ApiError` from the error envelope); a refused-for-now sign-in also carries the seconds of its
 * `Retry-After`. Only the sign-in page (loaded when signed out) needs it.
 */
import { apiErrorEnvelopeSchema } from "@/contract/call.ts";
import { type SessionUser, type SignInRequest, sessionEnvelopeSchema } from "@/contract/session.ts";
import { ApiError, ResponseShapeError } from "@/lib/api-client.ts";
import { SESSION_ENDPOINT } from "./session-queries.ts";

export class TooManyAttemptsError extends ApiError {
  constructor(readonly retryAfterSeconds: number | undefined) {
    super(429, "too_many_attempts");
  }
}

/** The server sends `Retry-After` in seconds; anything else leaves the wait unsaid. */
function retryAfterSeconds(header: string | null): number | undefined {
  return header && /^\d+$/.test(header.trim()) ? Math.max(Number(header), 1) : undefined;
}

export async function signIn(request: SignInRequest): Promise<SessionUser> {
  const response = await fetch(SESSION_ENDPOINT, {
    method: "POST",
    headers: { accept: "application/json", "content-type": "application/json" },
    body: JSON.stringify(request),
  });
  const body: unknown = await response.json().catch(() => undefined);
  if (response.status === 429) {
    throw new TooManyAttemptsError(retryAfterSeconds(response.headers.get("retry-after")));
  }
  if (!response.ok) {
    const envelope = apiErrorEnvelopeSchema.safeParse(body);
    throw envelope.success
      ? new ApiError(response.status, envelope.data.message, envelope.data.errors)
      : new ApiError(response.status, `http_${response.status}`);
  }
  const parsed = sessionEnvelopeSchema.safeParse(body);
  if (!parsed.success) throw new ResponseShapeError(SESSION_ENDPOINT, parsed.error.issues);
  return parsed.data.payload.user;
}
