/**
 * The calls page's view state, read from the URL on every render (cheaply: parsed once per
 * distinct query string) and changed by navigating, never by copying it into React state.
 */
import { useMemo } from "react";
import { type NavigateOptions, navigateSearch, useLocationSearch } from "@/lib/location-search.ts";
import {
  type CallFilters,
  type CallsSearch,
  type ParsedCallsSearch,
  parseCallsSearch,
  serializeCallsSearch,
} from "./calls-search.ts";

export function useCallsSearch(): ParsedCallsSearch {
  const query = useLocationSearch();
  return useMemo(() => parseCallsSearch(query), [query]);
}

/**
 * Changes the view from what the URL holds at the moment of the change (not what a component
 * rendered earlier), so two quick changes never undo each other.
 */
export function updateCallsSearch(
  update: (current: CallsSearch) => CallsSearch,
  options?: NavigateOptions,
) {
  const { search } = parseCallsSearch(window.location.search);
  navigateSearch(serializeCallsSearch(update(search)), options);
}

/** A new filter shows its first page. */
export function updateCallFilters(
  update: (filters: CallFilters) => CallFilters,
  options?: NavigateOptions,
) {
  updateCallsSearch((search) => ({ ...search, filters: update(search.filters), page: 1 }), options);
}
