import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { openTemporaryStore } from "../test/call-builder.ts";
import type { Store } from "./open-store.ts";

let store: Store;
let cleanup: () => Promise<void>;

beforeEach(async () => {
  ({ store, cleanup } = await openTemporaryStore());
});

afterEach(async () => {
  vi.restoreAllMocks();
  await cleanup();
});

describe("the store's prepared statements", () => {
  it("prepares a query once and reuses it, with new parameters each time", async () => {
    const prepare = vi.spyOn(store.sqlite, "prepare");
    const countFor = (tenant: string) =>
      store.db
        .selectFrom("calls")
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .where("tenant_id", "=", tenant)
        .executeTakeFirstOrThrow();
    await countFor("a");
    await countFor("b");
    await countFor("c");
    expect(prepare).toHaveBeenCalledTimes(1);
  });

  it("keeps working after the schema changes under a cached statement", async () => {
    const read = () => store.db.selectFrom("tenants").selectAll().execute();
    await read();
    store.sqlite.exec("ALTER TABLE tenants ADD COLUMN note TEXT");
    await store.db.insertInto("tenants").values({ id: "t1", name: "One" }).execute();
    expect(await read()).toEqual([{ id: "t1", name: "One", note: null }]);
  });
});
