/**
 * Retry for a panel's query. A request still under way (a slow one) is dropped first: for a
 * query without data, TanStack Query's refetch joins the request in flight instead of starting
 * another, so Retry alone would keep waiting on the request that is stuck.
 */
import { type QueryKey, type UseQueryResult, useQueryClient } from "@tanstack/react-query";

export function useAskAgain(
  query: Pick<UseQueryResult<unknown>, "isFetching" | "refetch">,
  queryKey: QueryKey,
): { askAgain: () => void; stop: () => Promise<void> } {
  const queryClient = useQueryClient();
  const stop = () => queryClient.cancelQueries({ queryKey, exact: true });
  const askAgain = () =>
    void (query.isFetching ? stop().then(() => query.refetch()) : query.refetch());
  return { askAgain, stop };
}
