/**
 * 0004 on a store written before sign-in existed: the list indexes gain the tenant, filter
 * options move to their tenant with their labels, and agents' participation is recovered from
 * the stored legs, so nothing a supervisor could see before is lost.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import SQLite from "better-sqlite3";
import { Kysely, Migrator, SqliteDialect } from "kysely";
import { afterEach, expect, it } from "vitest";
import { migrationProvider } from "./migrations.ts";
import { openStore } from "./open-store.ts";

let directory: string;
afterEach(() => rmSync(directory, { recursive: true, force: true }));

it("brings a 0003 store forward without losing its options or who took part", async () => {
  directory = mkdtempSync(join(tmpdir(), "migrate-"));
  const path = join(directory, "calls.db");
  const sqlite = new SQLite(path);
  const db = new Kysely<unknown>({ dialect: new SqliteDialect({ database: sqlite }) });
  const { error } = await new Migrator({ db, provider: migrationProvider }).migrateTo(
    "0003_live_calls",
  );
  expect(error).toBeUndefined();
  const insertCall = sqlite.prepare(`INSERT INTO calls (id, transaction_id, tenant_id, direction,
    status, time_start_call, duration, bill_sec, answer_sec, call_out_price, sip_user, has_recording,
    is_auto_call, out_of_working_time, agents_rung, is_transferred, last_updated_date)
    VALUES (?, ?, ?, 'inbound', 'answered', 0, 0, 0, 0, 0, ?, 0, 0, 0, 1, 0, 0)`);
  insertCall.run(1, "old-1", "tenant-a", "101");
  insertCall.run(2, "old-2", "tenant-b", "201");
  const insertLeg = sqlite.prepare(
    "INSERT INTO call_legs (call_id, leg_index, type, record) VALUES (?, ?, ?, ?)",
  );
  insertLeg.run(1, 1, "ring-group", JSON.stringify({ to: "70759-105" }));
  insertLeg.run(1, 2, "voicemail", JSON.stringify({ to: "70759-999" }));
  insertLeg.run(2, 1, "queue", JSON.stringify({ to: "201" }));
  const insertOption = sqlite.prepare(
    "INSERT INTO filter_values (kind, value, label) VALUES (?, ?, ?)",
  );
  insertOption.run("agent", "101", "Nguyễn Thị Hoa");
  insertOption.run("agent", "201", "Lê Văn Bình");
  await db.destroy();

  const store = await openStore(path);
  try {
    const options = store.sqlite
      .prepare("SELECT tenant_id, kind, value, label FROM filter_values ORDER BY tenant_id")
      .all();
    expect(options).toEqual([
      { tenant_id: "tenant-a", kind: "agent", value: "101", label: "Nguyễn Thị Hoa" },
      { tenant_id: "tenant-b", kind: "agent", value: "201", label: "Lê Văn Bình" },
    ]);
    const participants = store.sqlite
      .prepare("SELECT call_id, sip_user FROM call_participants ORDER BY call_id, sip_user")
      .all();
    expect(participants).toEqual([
      { call_id: 1, sip_user: "101" },
      { call_id: 1, sip_user: "105" },
      { call_id: 2, sip_user: "201" },
    ]);
    const tenants = store.sqlite.prepare("SELECT id FROM tenants ORDER BY id").all();
    expect(tenants).toEqual([{ id: "tenant-a" }, { id: "tenant-b" }]);
    const indexColumns = store.sqlite
      .prepare("SELECT name FROM pragma_index_info('calls_direction_status_time') ORDER BY seqno")
      .all();
    expect(indexColumns.map((column) => (column as { name: string }).name)).toEqual([
      "tenant_id",
      "direction",
      "status",
      "time_start_call",
    ]);
  } finally {
    await store.close();
  }
});

it("keeps each tenant's call count through inserts, upserts and deletes", async () => {
  directory = mkdtempSync(join(tmpdir(), "counts-"));
  const store = await openStore(join(directory, "calls.db"));
  try {
    const { writeCalls } = await import("./call-writer.ts");
    const { buildCall } = await import("../test/call-builder.ts");
    const entry = (id: string, tenant: string, version: number) => ({
      call: buildCall({ transaction_id: id, tenant_id: tenant, last_updated_date: version }),
      legs: [],
    });
    await writeCalls(store.db, [entry("x1", "t1", 1), entry("x2", "t1", 1), entry("y1", "t2", 1)]);
    await writeCalls(store.db, [entry("x1", "t1", 2), entry("x2", "t2", 2)]);
    store.sqlite.prepare("DELETE FROM calls WHERE transaction_id = 'y1'").run();
    const counts = store.sqlite
      .prepare("SELECT tenant_id, calls FROM tenant_call_counts ORDER BY tenant_id")
      .all();
    const actual = store.sqlite
      .prepare("SELECT tenant_id, count(*) AS calls FROM calls GROUP BY tenant_id ORDER BY 1")
      .all();
    expect(counts).toEqual([
      { tenant_id: "t1", calls: 1 },
      { tenant_id: "t2", calls: 1 },
    ]);
    expect(actual).toEqual(counts);
  } finally {
    await store.close();
  }
});
