/**
 * The calls feature's query options: components call `useQuery(callQueries.list(query))`
 * directly, prefetches and cache bounds use the same keys.
 */
import { queryOptions } from "@tanstack/react-query";
import { z } from "zod";
import { type CallListPage, callListEnvelopeSchema } from "@/contract/call.ts";
import {
  type CallListQueryInput,
  DEFAULT_PAGE_SIZE,
  toCallListSearchParams,
} from "@/contract/call-list-query.ts";
import { CALL_TIME_UNITS, inContractUnits } from "@/contract/drift-basics.ts";
import { filterOptionsEnvelopeSchema, filterOptionsSchema } from "@/contract/filter-options.ts";
import type { CallListReading } from "@/contract/read-call-responses.ts";
import { fetchBody, fetchJson, ResponseShapeError } from "@/lib/api-client.ts";
import type { Language } from "@/lib/i18n/preferences.tsx";

export const LIST_ENDPOINT = "/api/call_transaction/list";
export const EXPORT_ENDPOINT = "/api/call_transaction/export";
export const FILTERS_ENDPOINT = "/api/filters";

/**
 * The header names the tenant. The contract has no tenant yet: this reads `payload.tenant`
 * (`{ id, name }`) when the server sends it, and nothing otherwise. To move into the contract.
 */
const filterOptionsWithTenantSchema = filterOptionsEnvelopeSchema.extend({
  payload: filterOptionsSchema.extend({
    tenant: z.object({ id: z.string(), name: z.string() }).nullish(),
  }),
});

/** A page in the contract's shape, as the lenient reader would have read it. */
function contractPage(page: CallListPage): CallListReading {
  return {
    ...page,
    items: page.items.map((call) => inContractUnits(call, CALL_TIME_UNITS)),
    unreadable: [],
    repaired: [],
    paginationMissing: false,
  };
}

export const callQueries = {
  all: () => ["calls"] as const,
  lists: () => [...callQueries.all(), "list"] as const,
  list: (query: CallListQueryInput) =>
    queryOptions({
      queryKey: [...callQueries.lists(), query] as const,
      queryFn: async ({ signal }): Promise<CallListReading> => {
        const url = `${LIST_ENDPOINT}?${toCallListSearchParams(query)}`;
        const body = await fetchBody(url, { signal });
        const strict = callListEnvelopeSchema.safeParse(body);
        if (strict.success) return contractPage(strict.data.payload);
        // A drifted answer: the lenient reader (a chunk of its own, off the first screen) shows
        // the calls it can read and counts the others.
        const { readCallListAnswer } = await import("@/contract/read-call-responses.ts");
        const page = readCallListAnswer(body, {
          page: query.page ?? 1,
          size: query.size ?? DEFAULT_PAGE_SIZE,
        });
        if (!page) throw new ResponseShapeError(url, strict.error.issues);
        return page;
      },
      // Calls keep arriving all day: a page is worth reusing for a short while, not longer.
      staleTime: 15_000,
    }),
  filterOptions: () =>
    queryOptions({
      queryKey: [...callQueries.all(), "filter-options"] as const,
      queryFn: async ({ signal }) =>
        (await fetchJson(FILTERS_ENDPOINT, filterOptionsWithTenantSchema, { signal })).payload,
      // The server caches these for a minute; agents and tags change rarely within a shift.
      staleTime: 5 * 60_000,
    }),
};

/** The CSV of the whole filtered result (no page, no size), in the reader's zone and language. */
export function exportUrl(query: CallListQueryInput, timeZone: string, language: Language): string {
  const { page: _page, size: _size, ...filters } = query;
  const params = toCallListSearchParams(filters);
  params.set("tz", timeZone);
  params.set("lang", language);
  return `${EXPORT_ENDPOINT}?${params}`;
}
