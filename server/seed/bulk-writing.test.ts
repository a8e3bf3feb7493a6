/**
 * The store writer's bulk path, as the seeder drives it: batches prepared apart from their
 * writing, batches larger than one round of statements, and batches mixing new calls, newer
 * versions of stored calls and older versions that must be skipped.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { callListQuerySchema } from "@/contract/call-list-query.ts";
import { findCallDetail, listCalls } from "../store/call-reader.ts";
import { prepareCalls, writeCalls, writePreparedCalls } from "../store/call-writer.ts";
import type { Store } from "../store/open-store.ts";
import { buildCall, buildLeg, openTemporaryStore } from "../test/call-builder.ts";
import { supervisorScope } from "../test/signed-in.ts";
import { generateDemoCalls } from "./generate-calls.ts";

let store: Store;
let cleanup: () => Promise<void>;
beforeEach(async () => {
  ({ store, cleanup } = await openTemporaryStore());
});
afterEach(async () => cleanup());

const search = async (keyword: string, tenantId?: string) =>
  (await listCalls(store.db, callListQuerySchema.parse({ keyword }), supervisorScope(tenantId)))
    .total;
const count = (table: string) =>
  (store.sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

function call(id: string, version: number, phone: string) {
  return {
    call: buildCall({ transaction_id: id, last_updated_date: version, phone_number: phone }),
    legs: [buildLeg({ index: 1, to: `70759-${version}` })],
  };
}

describe("bulk writing", () => {
  it("inserts new calls, updates newer versions and skips older ones in one batch", async () => {
    await writeCalls(store.db, [
      call("a", 1_000, "0911000001"),
      call("b", 1_000, "0911000002"),
      call("c", 1_000, "0911000003"),
    ]);
    const result = await writeCalls(store.db, [
      call("a", 2_000, "0922000001"), // newer: replaces a
      call("b", 500, "0922000002"), // older: skipped
      call("d", 1_000, "0922000004"), // new
      call("d", 900, "0933000004"), // an older duplicate of d in the same batch
      call("e", 1_000, "0922000005"), // new
    ]);
    expect(result).toEqual({ written: 3, skippedAsOlder: 2 });
    expect(count("calls")).toBe(5);
    expect(count("call_legs")).toBe(5);

    expect(await search("0922000001")).toBe(1);
    expect(await search("0911000001")).toBe(0);
    expect(await search("0911000002")).toBe(1);
    expect(await search("0922000002")).toBe(0);
    expect(await search("0922000004")).toBe(1);
    expect(await search("0933000004")).toBe(0);
    const a = await findCallDetail(store.db, "a", supervisorScope());
    expect(a!.legsJson.map((leg) => JSON.parse(leg).to)).toEqual(["70759-2000"]);
    const b = await findCallDetail(store.db, "b", supervisorScope());
    expect(JSON.parse(b!.callJson).last_updated_date).toBe(1_000);
  });

  it("writes a batch prepared beforehand exactly as writeCalls does", async () => {
    const calls = [...generateDemoCalls({ count: 300, seed: 9, now: new Date("2026-11-25") })];
    const prepared = prepareCalls(calls);
    // The seeder hands batches between threads: they must survive a structured clone.
    expect(await writePreparedCalls(store.db, structuredClone(prepared))).toEqual({
      written: 300,
      skippedAsOlder: 0,
    });
    const { store: other, cleanup: cleanupOther } = await openTemporaryStore();
    try {
      await writeCalls(other.db, calls);
      const dump = (target: Store) =>
        target.sqlite
          .prepare(
            `SELECT calls.*, record FROM calls JOIN call_records ON call_id = id
             ORDER BY transaction_id`,
          )
          .all();
      expect(dump(store)).toEqual(dump(other));
      for (const { call: original } of calls.slice(0, 20)) {
        const detail = await findCallDetail(
          store.db,
          original.transaction_id,
          supervisorScope(original.tenant_id),
        );
        // The record is stored byte for byte (the reader appends derived fields to it).
        expect(detail!.callJson.startsWith(`${JSON.stringify(original).slice(0, -1)},`)).toBe(true);
      }
    } finally {
      await cleanupOther();
    }
  });

  it("writes batches larger than one round of statements", async () => {
    const calls = [...generateDemoCalls({ count: 5_300, seed: 4, now: new Date("2026-11-25") })];
    expect(await writeCalls(store.db, calls)).toEqual({ written: 5_300, skippedAsOlder: 0 });
    expect(count("calls")).toBe(5_300);
    expect(count("call_legs")).toBe(calls.reduce((sum, entry) => sum + entry.legs.length, 0));
    const last = calls.at(-1)!.call;
    expect(await search(last.transaction_id.slice(0, 13), last.tenant_id)).toBe(1);
  });
});
