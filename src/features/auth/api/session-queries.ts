/**
 * Who is signed in, as a query: `useQuery(sessionQueries.current())` is the signed-in user, or
 * `null` when the server says there is no session (a 401 is an answer here, not a failure).
 * Sign-in, sign-out and an expired session all end by writing this one query, so the app
 * follows without a reload and the URL is never touched.
 */
import { type QueryClient, queryOptions } from "@tanstack/react-query";
import { type SessionUser, sessionEnvelopeSchema } from "@/contract/session.ts";
import { ApiError, fetchJson } from "@/lib/api-client.ts";

export const SESSION_ENDPOINT = "/api/session";

export const sessionQueries = {
  all: () => ["session"] as const,
  current: () =>
    queryOptions({
      queryKey: [...sessionQueries.all(), "current"] as const,
      queryFn: async ({ signal }): Promise<SessionUser | null> => {
        try {
          return (await fetchJson(SESSION_ENDPOINT, sessionEnvelopeSchema, { signal })).payload
            .user;
        } catch (error) {
          if (error instanceof ApiError && error.status === 401) return null;
          throw error;
        }
      },
      // Known until an answer says otherwise (sign-out, or a 401 from any request).
      staleTime: Number.POSITIVE_INFINITY,
    }),
};

export function isSessionQueryKey(queryKey: readonly unknown[]): boolean {
  return queryKey[0] === sessionQueries.all()[0];
}

/** A request refused for want of a session: it expired, or was ended elsewhere. */
export function isUnauthenticated(error: unknown): boolean {
  return error instanceof ApiError && error.status === 401;
}

/**
 * Back to the sign-in page. Everything fetched for the previous user goes, so whoever signs in
 * next (maybe of another tenant) never glimpses it; the session query alone stays, set to
 * signed out, because the app's gate observes it.
 */
export function showSignedOut(queryClient: QueryClient) {
  queryClient.removeQueries({ predicate: (query) => !isSessionQueryKey(query.queryKey) });
  queryClient.setQueryData(sessionQueries.current().queryKey, null);
}

/** Ends the session on the server (204, also when there was none). */
export async function signOut(): Promise<void> {
  const response = await fetch(SESSION_ENDPOINT, { method: "DELETE" });
  if (!response.ok) throw new ApiError(response.status, `http_${response.status}`);
}

export function showSignedIn(queryClient: QueryClient, user: SessionUser) {
  queryClient.setQueryData(sessionQueries.current().queryKey, user);
}
