/**
 * The app's QueryClient. Pages of up to 500 calls are large: a supervisor paging through
 * hundreds of them must not keep them all, so unused queries are dropped after a minute and,
 * whatever the pace, no more than a handful of unused list pages are kept. Any answer that says
 * the session is gone (401) takes the app back to the sign-in page, on the same URL.
 */
import { type Query, QueryCache, QueryClient } from "@tanstack/react-query";
import {
  isSessionQueryKey,
  isUnauthenticated,
  showSignedOut,
} from "@/features/auth/api/session-queries.ts";
import { callQueries } from "@/features/calls/api/call-queries.ts";
import { ApiError } from "@/lib/api-client.ts";

/** Enough to go back a few pages (and keep the prefetched next one) without a request. */
export const MAX_UNUSED_LIST_PAGES = 8;

export function createQueryClient(): QueryClient {
  const client: QueryClient = new QueryClient({
    // The session query reads its own 401 as "signed out" and never fails with one. (No
    // MutationCache handler: the app has no mutations; sign-in and sign-out read their answers.)
    queryCache: new QueryCache({
      onError: (error, query) => {
        if (isUnauthenticated(error) && !isSessionQueryKey(query.queryKey)) showSignedOut(client);
      },
    }),
    defaultOptions: {
      queries: {
        gcTime: 60_000,
        // A 4xx answer will not change by asking again; network and 5xx failures may.
        retry: (failureCount, error) =>
          failureCount < 2 && !(error instanceof ApiError && error.status < 500),
      },
    },
  });
  const cache = client.getQueryCache();
  const listKey = callQueries.lists();
  cache.subscribe((event) => {
    if (event.type !== "added" || !isListQuery(event.query, listKey)) return;
    const unused = cache
      .findAll({ queryKey: listKey, type: "inactive" })
      // Only settled pages: a prefetch in flight has no observer yet but is wanted.
      .filter((query) => query !== event.query && query.state.fetchStatus === "idle")
      .sort((a, b) => a.state.dataUpdatedAt - b.state.dataUpdatedAt);
    for (const query of unused.slice(0, Math.max(0, unused.length - MAX_UNUSED_LIST_PAGES))) {
      cache.remove(query);
    }
  });
  return client;
}

function isListQuery(query: Query, listKey: readonly unknown[]): boolean {
  return listKey.every((part, index) => query.queryKey[index] === part);
}
