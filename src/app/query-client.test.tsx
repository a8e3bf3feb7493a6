import { describe, expect, it } from "vitest";
import { callQueries } from "@/features/calls/api/call-queries.ts";
import { createQueryClient, MAX_UNUSED_LIST_PAGES } from "./query-client.ts";

describe("the query cache", () => {
  it("keeps a bounded number of unused list pages however many are visited", async () => {
    const client = createQueryClient();
    const page = { items: [], page_number: 1, page_size: 500, total_items: 0, total_pages: 0 };
    for (let index = 1; index <= 200; index += 1) {
      await client.prefetchQuery({
        ...callQueries.list({ page: index, size: 500 }),
        queryFn: async () => ({ ...page, page_number: index }) as never,
      });
    }
    const lists = client.getQueryCache().findAll({ queryKey: callQueries.lists() });
    expect(lists.length).toBeLessThanOrEqual(MAX_UNUSED_LIST_PAGES + 1);
    // The most recent pages are the ones kept.
    expect(lists.map((query) => (query.queryKey[2] as { page: number }).page)).toContain(200);
    client.clear();
  });
});
