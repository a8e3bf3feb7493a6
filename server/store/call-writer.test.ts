import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { callListQuerySchema } from "@/contract/call-list-query.ts";
import { buildCall, buildLeg, openTemporaryStore } from "../test/call-builder.ts";
import { supervisorScope } from "../test/signed-in.ts";
import { findCallDetail, listCalls } from "./call-reader.ts";
import { writeCalls } from "./call-writer.ts";
import type { Store } from "./open-store.ts";

let store: Store;
let cleanup: () => Promise<void>;
beforeEach(async () => {
  ({ store, cleanup } = await openTemporaryStore());
});
afterEach(async () => cleanup());

const everything = callListQuerySchema.parse({});

describe("writeCalls", () => {
  it("upserts by transaction_id: a newer version replaces the call and its legs", async () => {
    const first = buildCall({ transaction_id: "t1", last_updated_date: 1_000, note: "first" });
    await writeCalls(store.db, [
      { call: first, legs: [buildLeg({ index: 1 }), buildLeg({ index: 2, to: "x" })] },
    ]);
    const second = { ...first, last_updated_date: 2_000, note: "second" };
    const result = await writeCalls(store.db, [
      { call: second, legs: [buildLeg({ index: 1, to: "y" })] },
    ]);
    expect(result).toEqual({ written: 1, skippedAsOlder: 0 });
    const detail = await findCallDetail(store.db, "t1", supervisorScope());
    expect(JSON.parse(detail!.callJson).note).toBe("second");
    expect(detail!.legsJson.map((leg) => JSON.parse(leg).to)).toEqual(["y"]);
    expect((await listCalls(store.db, everything, supervisorScope())).total).toBe(1);
  });

  it("never lets an older version overwrite a newer one", async () => {
    const newer = buildCall({ transaction_id: "t2", last_updated_date: 5_000, note: "newer" });
    await writeCalls(store.db, [{ call: newer, legs: [buildLeg({ index: 1 })] }]);
    const result = await writeCalls(store.db, [
      { call: { ...newer, last_updated_date: 4_000, note: "older" }, legs: [] },
    ]);
    expect(result).toEqual({ written: 0, skippedAsOlder: 1 });
    const detail = await findCallDetail(store.db, "t2", supervisorScope());
    expect(JSON.parse(detail!.callJson).note).toBe("newer");
    expect(detail!.legsJson).toHaveLength(1);
  });

  it("keeps the newest of duplicates within one batch, and keeps the keyword index in step", async () => {
    const base = buildCall({
      transaction_id: "t3",
      last_updated_date: 1,
      phone_number: "0911111111",
    });
    await writeCalls(store.db, [
      { call: { ...base, last_updated_date: 3, phone_number: "0922222222" }, legs: [] },
      { call: base, legs: [] },
    ]);
    const search = (keyword: string) =>
      listCalls(store.db, callListQuerySchema.parse({ keyword }), supervisorScope());
    expect((await search("0922222222")).total).toBe(1);
    expect((await search("0911111111")).total).toBe(0);
  });

  it("keeps unknown vendor fields", async () => {
    const call = { ...buildCall({ transaction_id: "t4" }), brand_new_field: { nested: [1, 2] } };
    await writeCalls(store.db, [
      { call, legs: [{ ...buildLeg({ index: 1 }), leg_extra: "kept" }] },
    ]);
    const detail = await findCallDetail(store.db, "t4", supervisorScope());
    expect(JSON.parse(detail!.callJson).brand_new_field).toEqual({ nested: [1, 2] });
    expect(JSON.parse(detail!.legsJson[0]!).leg_extra).toBe("kept");
  });

  it("reopening an existing file keeps its calls", async () => {
    await writeCalls(store.db, [{ call: buildCall({ transaction_id: "t5" }), legs: [] }]);
    await store.close();
    const { openStore } = await import("./open-store.ts");
    store = await openStore(store.path);
    expect((await listCalls(store.db, everything, supervisorScope())).total).toBe(1);
  });
});
