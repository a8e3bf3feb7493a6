/**
 * Moves the open call to the next or previous call of the list, across page boundaries: the
 * drawer's next/previous buttons and j/k while a call is open both come here.
 */
import type { QueryClient } from "@tanstack/react-query";
import { parseCallsSearch, toListQuery } from "../search/calls-search.ts";
import { updateCallsSearch } from "../search/use-calls-search.ts";
import { callQueries } from "./call-queries.ts";

export type StepDirection = "next" | "previous";

export async function stepOpenCall(
  queryClient: QueryClient,
  timeZone: string,
  direction: StepDirection,
): Promise<void> {
  const { search } = parseCallsSearch(window.location.search);
  if (search.call === undefined) return;
  const query = toListQuery(search, timeZone, Date.now());
  const page = await queryClient.fetchQuery(callQueries.list(query));
  const index = page.items.findIndex((call) => call.transaction_id === search.call);
  const step = direction === "next" ? 1 : -1;
  // A call opened from elsewhere (not on this page) steps onto the page's first or last row.
  const target =
    index === -1
      ? page.items[direction === "next" ? 0 : page.items.length - 1]
      : page.items[index + step];
  let destination = target ? { call: target.transaction_id, page: search.page } : undefined;

  if (!destination && index !== -1) {
    const otherPage = search.page + step;
    // A page that did not say how many pages there are still says whether one follows.
    const beyond = step > 0 ? !page.has_next : otherPage < 1;
    if (beyond || (page.total_pages !== null && otherPage > page.total_pages)) return;
    const other = await queryClient.fetchQuery(callQueries.list({ ...query, page: otherPage }));
    const edge = other.items[direction === "next" ? 0 : other.items.length - 1];
    if (edge) destination = { call: edge.transaction_id, page: otherPage };
  }
  if (!destination) return;
  const { call, page: pageNumber } = destination;
  updateCallsSearch(
    (current) =>
      // The supervisor may have moved on while the page loaded.
      current.call === search.call ? { ...current, call, t: undefined, page: pageNumber } : current,
    { replace: true },
  );
}
