import type { CallListQueryInput } from "@/contract/call-list-query.ts";
import { usePreferences } from "@/lib/i18n/preferences.tsx";
import { type CallsSearch, toListQuery } from "./calls-search.ts";

/**
 * What the list endpoint is asked for this view. Date presets resolve in the zone the supervisor
 * reads times in, to whole days, so the query (and its cache key) only moves at midnight.
 */
export function useCallListQuery(search: CallsSearch): CallListQueryInput {
  const { timeZone } = usePreferences();
  return toListQuery(search, timeZone, Date.now());
}
