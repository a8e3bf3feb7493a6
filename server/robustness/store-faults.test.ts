/**
 * The mapping from SQLite's failures to answers, fed with errors real SQLite connections raise
 * (not hand-made ones): a lock, a capped file, a read-only connection, a file that is not a
 * database, a constraint (not a store fault), and the same wrapped in another error's cause.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import SQLite from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { storeFaultOf } from "../http/store-faults.ts";

let directory: string;
let path: string;

beforeAll(() => {
  directory = mkdtempSync(join(tmpdir(), "store-faults-"));
  path = join(directory, "faults.db");
  const setup = new SQLite(path);
  setup.pragma("journal_mode = WAL");
  setup.exec("CREATE TABLE t (id INTEGER PRIMARY KEY, text TEXT NOT NULL)");
  setup.close();
});

afterAll(() => {
  rmSync(directory, { recursive: true, force: true });
});

function errorOf(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error("expected SQLite to fail");
}

describe("storeFaultOf", () => {
  it("answers another connection's lock 503 store_busy, retry in 2 s", () => {
    const holder = new SQLite(path);
    const waiter = new SQLite(path, { timeout: 0 });
    holder.exec("BEGIN EXCLUSIVE");
    const error = errorOf(() => waiter.exec("BEGIN IMMEDIATE"));
    holder.exec("ROLLBACK");
    holder.close();
    waiter.close();
    expect(storeFaultOf(error)).toEqual({
      kind: "busy",
      httpStatus: 503,
      code: "store_busy",
      retryAfterSeconds: 2,
      sqliteCode: "SQLITE_BUSY",
    });
  });

  it("answers a full file 507 store_full, with no retry time", () => {
    const db = new SQLite(path);
    db.pragma(`max_page_count = ${db.pragma("page_count", { simple: true })}`);
    const error = errorOf(() =>
      db.prepare("INSERT INTO t (text) VALUES (?)").run("x".repeat(100_000)),
    );
    db.close();
    expect(storeFaultOf(error)).toMatchObject({
      kind: "full",
      httpStatus: 507,
      code: "store_full",
    });
    expect(storeFaultOf(error)?.retryAfterSeconds).toBeUndefined();
  });

  it("answers a read-only store 503 store_read_only", () => {
    const db = new SQLite(path, { readonly: true });
    const error = errorOf(() => db.exec("INSERT INTO t (text) VALUES ('x')"));
    db.close();
    expect(storeFaultOf(error)).toMatchObject({
      kind: "read_only",
      httpStatus: 503,
      code: "store_read_only",
    });
  });

  it("answers a file that is not a database 500 store_corrupt", () => {
    const garbage = join(directory, "garbage.db");
    writeFileSync(garbage, Buffer.alloc(8192, 0x5a));
    const error = errorOf(() => new SQLite(garbage).prepare("SELECT * FROM t").all());
    expect(storeFaultOf(error)).toMatchObject({ kind: "corrupt", code: "store_corrupt" });
  });

  it("finds the fault in a wrapping error's cause", () => {
    const db = new SQLite(path, { readonly: true });
    const cause = errorOf(() => db.exec("DELETE FROM t"));
    db.close();
    const wrapped = new Error("could not save the call", { cause });
    expect(storeFaultOf(wrapped)?.code).toBe("store_read_only");
  });

  it("leaves what is not a store fault to the generic 500", () => {
    const db = new SQLite(path);
    const constraint = errorOf(() => db.exec("INSERT INTO t (text) VALUES (NULL)"));
    db.close();
    expect((constraint as { code?: string }).code).toBe("SQLITE_CONSTRAINT_NOTNULL");
    expect(storeFaultOf(constraint)).toBeNull();
    expect(storeFaultOf(new Error("boom"))).toBeNull();
    expect(storeFaultOf("SQLITE_BUSY")).toBeNull();
    expect(storeFaultOf(null)).toBeNull();
  });
});
