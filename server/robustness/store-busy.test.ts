/**
 * A store another connection holds locked for writing (`BEGIN EXCLUSIVE`, as a sync, a seed or
 * someone's sqlite3 shell might). Reads go on at once (WAL: a writer never blocks readers);
 * a write waits out a short lock, and a long one gets 503 `store_busy` with Retry-After after
 * the busy timeout: never a hang, never a partial write.
 */
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import SQLite from "better-sqlite3";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { cdrWebhookBody } from "../connector/fake-upstream.ts";
import { buildCall } from "../test/call-builder.ts";
import { signedInCookie } from "../test/signed-in.ts";
import { postWebhook, type RobustApp, startRobustApp } from "./robust-app.ts";
import { storeCounts, storeProblems } from "./store-consistency.ts";

const BUSY_TIMEOUT_MS = 800;
/** The wait, plus room for a loaded machine; far from "hanging". */
const ANSWER_WITHIN_MS = BUSY_TIMEOUT_MS + 2_000;
const REPOSITORY = fileURLToPath(new URL("../..", import.meta.url));

let robust: RobustApp;
let blocker: SQLite.Database;

beforeAll(async () => {
  robust = await startRobustApp({ busyTimeoutMs: BUSY_TIMEOUT_MS });
  blocker = new SQLite(robust.store.path);
});

afterEach(() => {
  if (blocker.inTransaction) blocker.exec("ROLLBACK");
});

afterAll(async () => {
  blocker.close();
  await robust.close();
});

/** Holds the write lock, with a write of its own pending (which no reader may see). */
function lockForWriting() {
  blocker.exec("BEGIN EXCLUSIVE");
  blocker.exec("INSERT INTO tenants (id, name) VALUES ('uncommitted', 'not yet')");
}

async function timed<T>(run: () => Promise<T>): Promise<{ result: T; milliseconds: number }> {
  const started = performance.now();
  const result = await run();
  return { result, milliseconds: performance.now() - started };
}

function busyLogLines() {
  return robust.logLines.filter((line) => line.includes('"sqliteCode":"SQLITE_BUSY"'));
}

describe("a store locked by another connection", () => {
  it("keeps answering reads at once, without the other connection's uncommitted write", async () => {
    lockForWriting();
    const list = await timed(() =>
      robust.inject({ method: "GET", url: "/api/call_transaction/list" }),
    );
    const detail = await timed(() =>
      robust.inject({ method: "GET", url: "/api/call_transaction/detail/call-a" }),
    );
    expect(list.result.statusCode, list.result.body).toBe(200);
    expect(list.result.json().payload.total_items).toBe(6);
    expect(detail.result.statusCode, detail.result.body).toBe(200);
    // No busy wait at all: well under the busy timeout.
    expect(Math.max(list.milliseconds, detail.milliseconds)).toBeLessThan(BUSY_TIMEOUT_MS);
  });

  it("answers a webhook 503 store_busy with Retry-After, writes nothing, logs it once", async () => {
    const body = cdrWebhookBody(buildCall({ transaction_id: "busy-1", last_updated_date: 5_000 }));
    const before = storeCounts(robust.store.sqlite);
    const busyLinesBefore = busyLogLines().length;
    lockForWriting();
    const { result: response, milliseconds } = await timed(() => postWebhook(robust.app, body));
    expect(milliseconds).toBeGreaterThanOrEqual(BUSY_TIMEOUT_MS * 0.9);
    expect(milliseconds).toBeLessThan(ANSWER_WITHIN_MS);
    expect(response.statusCode, response.body).toBe(503);
    expect(response.headers["retry-after"]).toBe("2");
    expect(response.json()).toMatchObject({
      status_code: -9999,
      message: "store_busy",
      payload: null,
    });
    expect(busyLogLines().length - busyLinesBefore).toBe(1);

    blocker.exec("ROLLBACK");
    expect(storeCounts(robust.store.sqlite)).toEqual(before);
    expect(storeProblems(robust.store.sqlite)).toEqual([]);
    // The vendor retries; now it goes through.
    const retried = await postWebhook(robust.app, body);
    expect(retried.statusCode, retried.body).toBe(200);
    expect(retried.json().payload.result).toBe("written");
  });

  it("answers sign-in and sign-out, which write sessions, 503 store_busy too", async () => {
    const cookie = await signedInCookie(robust.app, robust.store);
    lockForWriting();
    const signOut = await robust.app.inject({
      method: "DELETE",
      url: "/api/session",
      headers: { cookie },
    });
    expect(signOut.statusCode, signOut.body).toBe(503);
    expect(signOut.json()).toMatchObject({ message: "store_busy" });
    expect(signOut.headers["retry-after"]).toBe("2");
    blocker.exec("ROLLBACK");
    const session = await robust.app.inject({
      method: "GET",
      url: "/api/session",
      headers: { cookie },
    });
    // The failed sign-out ended nothing: the session still works.
    expect(session.statusCode).toBe(200);
  });

  it("waits out a lock shorter than the busy timeout, and the write goes through", async () => {
    // Another process, since this one's event loop is inside SQLite's busy wait meanwhile.
    const holder = spawn(
      process.execPath,
      [
        "-e",
        `const db = new (require("better-sqlite3"))(process.argv[1]);
         db.exec("BEGIN EXCLUSIVE");
         console.log("locked");
         setTimeout(() => { db.exec("COMMIT"); db.close(); }, 250);`,
        robust.store.path,
      ],
      { cwd: REPOSITORY, stdio: ["ignore", "pipe", "inherit"] },
    );
    const exited = new Promise((resolve) => holder.once("exit", resolve));
    await new Promise<void>((resolve) => holder.stdout.once("data", () => resolve()));
    const body = cdrWebhookBody(buildCall({ transaction_id: "busy-2", last_updated_date: 6_000 }));
    const { result: response, milliseconds } = await timed(() => postWebhook(robust.app, body));
    await exited;
    expect(response.statusCode, response.body).toBe(200);
    expect(milliseconds).toBeLessThan(ANSWER_WITHIN_MS);
    expect(storeProblems(robust.store.sqlite)).toEqual([]);
  });
});
