/** Query options for the drawer: one call with its legs. */
import { queryOptions } from "@tanstack/react-query";
import { callDetailEnvelopeSchema } from "@/contract/call.ts";
import { fetchJson } from "@/lib/api-client.ts";

export const callDetailQueries = {
  detail: (transactionId: string) =>
    queryOptions({
      queryKey: ["calls", "detail", transactionId],
      queryFn: ({ signal }) =>
        fetchJson(
          `/api/call_transaction/detail/${encodeURIComponent(transactionId)}`,
          callDetailEnvelopeSchema,
          { signal },
        ),
      staleTime: 60_000,
    }),
};
