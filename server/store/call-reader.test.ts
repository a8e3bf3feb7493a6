import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CALL_SORT_FIELDS, callListQuerySchema } from "@/contract/call-list-query.ts";
import { openTemporaryStore } from "../test/call-builder.ts";
import { knownCalls } from "../test/known-calls.ts";
import { supervisorScope } from "../test/signed-in.ts";
import { iterateCalls, listCalls } from "./call-reader.ts";
import { writeCalls } from "./call-writer.ts";
import type { Store } from "./open-store.ts";

let store: Store;
let cleanup: () => Promise<void>;
beforeAll(async () => {
  ({ store, cleanup } = await openTemporaryStore());
  await writeCalls(store.db, knownCalls);
});
afterAll(async () => cleanup());

const idOf = (json: string) => (JSON.parse(json) as { transaction_id: string }).transaction_id;

describe("iterateCalls (the export's walk over a whole result)", () => {
  const sorts = CALL_SORT_FIELDS.flatMap((field) => [field, `-${field}`]);
  it.each(sorts)("walks batches by keyset in the list's %s order, ties included", async (sort) => {
    const query = callListQuerySchema.parse({ sort, size: "500" });
    const listed = (await listCalls(store.db, query, supervisorScope())).items.map((pieces) =>
      idOf(Buffer.concat(pieces).toString()),
    );
    const { page: _page, size: _size, sort: _sort, ...filters } = query;
    const walked: string[] = [];
    for await (const batch of iterateCalls(store.db, filters, supervisorScope(), sort, 2)) {
      walked.push(...batch.map((row) => idOf(row.record)));
    }
    expect(walked).toEqual(listed);
  });
});
