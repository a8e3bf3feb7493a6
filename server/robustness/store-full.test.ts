/**
 * A full disk on write, simulated where SQLite itself says so: `PRAGMA max_page_count` caps the
 * file at its current size, so the next write needing a page fails with SQLITE_FULL as it would
 * on a full disk. The webhook answers 507 `store_full`; nothing partial is written; the store
 * stays readable and intact, and once there is room the same delivery goes through.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cdrWebhookBody } from "../connector/fake-upstream.ts";
import { buildCall, buildLeg } from "../test/call-builder.ts";
import { postWebhook, type RobustApp, startRobustApp } from "./robust-app.ts";
import { storeCounts, storeProblems } from "./store-consistency.ts";

/** SQLite's default cap, restored when the "disk" has room again. */
const NO_CAP = 1_073_741_823;

let robust: RobustApp;

beforeAll(async () => {
  robust = await startRobustApp();
});

afterAll(async () => {
  await robust.close();
});

/** A call whose record (a long note, several legs) needs new pages in the file. */
function largeCallBody(transactionId: string) {
  const note = Array.from({ length: 3000 }, (_, index) => `note ${index}`).join(" ");
  return {
    ...cdrWebhookBody(buildCall({ transaction_id: transactionId, note, last_updated_date: 7_000 })),
    call_stacks: [1, 2, 3].map((index) => buildLeg({ index, to: `70759-${100 + index}` })),
  };
}

describe("a full disk on write", () => {
  it("answers the webhook 507 store_full, writes nothing, stays readable and intact", async () => {
    const { sqlite } = robust.store;
    // Everything stored so far is in the file, so the cap is the file's real size.
    sqlite.pragma("wal_checkpoint(TRUNCATE)");
    const pages = sqlite.pragma("page_count", { simple: true }) as number;
    const freePages = sqlite.pragma("freelist_count", { simple: true }) as number;
    expect(freePages).toBeLessThan(3);
    sqlite.pragma(`max_page_count = ${pages}`);
    const before = storeCounts(sqlite);
    const body = largeCallBody("full-1");

    const response = await postWebhook(robust.app, body);
    expect(response.statusCode, response.body).toBe(507);
    expect(response.json()).toMatchObject({
      status_code: -9999,
      message: "store_full",
      payload: null,
    });
    expect(response.headers["retry-after"]).toBeUndefined();
    const logged = robust.logLines.filter((line) => line.includes('"sqliteCode":"SQLITE_FULL"'));
    expect(logged).toHaveLength(1);

    expect(storeCounts(sqlite)).toEqual(before);
    expect(storeProblems(sqlite)).toEqual([]);
    const list = await robust.inject({ method: "GET", url: "/api/call_transaction/list" });
    expect(list.statusCode, list.body).toBe(200);
    expect(list.json().payload.total_items).toBe(before.calls);

    sqlite.pragma(`max_page_count = ${NO_CAP}`);
    const retried = await postWebhook(robust.app, body);
    expect(retried.statusCode, retried.body).toBe(200);
    const detail = await robust.inject({
      method: "GET",
      url: "/api/call_transaction/detail/full-1",
    });
    expect(detail.statusCode, detail.body).toBe(200);
    expect(detail.json().call_stacks).toHaveLength(3);
    expect(storeProblems(sqlite)).toEqual([]);
  });
});
