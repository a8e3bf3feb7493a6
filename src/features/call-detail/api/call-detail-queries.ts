/**
 * The drawer's query options: one call with its legs, its recording's waveform peaks, and the
 * agent directory that puts names on extensions (legs name agents only by extension).
 */
import { queryOptions } from "@tanstack/react-query";
import { filterOptionsEnvelopeSchema } from "@/contract/filter-options.ts";
import { readCallDetailAnswer } from "@/contract/read-call-responses.ts";
import { recordingPeaksSchema } from "@/contract/recording-peaks.ts";
import { fetchBody, fetchJson, ResponseShapeError } from "@/lib/api-client.ts";

export function recordingUrl(transactionId: string, options: { download?: boolean } = {}) {
  const path = `/api/recordings/${encodeURIComponent(transactionId)}`;
  return options.download ? `${path}?download=1` : path;
}

export const callDetailQueries = {
  /** Under the calls' root key, so invalidating "calls" (new data synced) refreshes these too. */
  all: () => ["calls"] as const,
  detail: (transactionId: string) =>
    queryOptions({
      queryKey: [...callDetailQueries.all(), "detail", transactionId] as const,
      // Read leniently: a call with odd fields shows what it can, an unreadable leg is listed.
      queryFn: async ({ signal }) => {
        const url = `/api/call_transaction/detail/${encodeURIComponent(transactionId)}`;
        const reading = readCallDetailAnswer(await fetchBody(url, { signal }));
        if (!reading) {
          throw new ResponseShapeError(url, [
            { code: "custom", path: ["payload"], message: "no call in the answer" },
          ]);
        }
        return reading;
      },
      // A finished call changes only when someone tags or annotates it.
      staleTime: 60_000,
    }),
  peaks: (transactionId: string) =>
    queryOptions({
      queryKey: [...callDetailQueries.all(), "peaks", transactionId] as const,
      queryFn: ({ signal }) =>
        fetchJson(`${recordingUrl(transactionId)}/peaks`, recordingPeaksSchema, { signal }),
      // A recording never changes once made.
      staleTime: Number.POSITIVE_INFINITY,
    }),
  /** Names of agents by extension, and of tags by id, from the store's filter options. */
  directory: () =>
    queryOptions({
      queryKey: [...callDetailQueries.all(), "detail-directory"] as const,
      queryFn: async ({ signal }) => {
        const { payload } = await fetchJson("/api/filters", filterOptionsEnvelopeSchema, {
          signal,
        });
        return { agents: payload.agents, tags: payload.tags };
      },
      staleTime: 5 * 60_000,
    }),
};
