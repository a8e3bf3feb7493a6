/**
 * Versioned migrations. Kysely's Migrator records what ran in kysely_migration, so opening an
 * existing file applies only what is new and never rebuilds (or empties) a table.
 * Tables and indexes use the portable schema builder; the keyword index is SQLite's FTS5 and
 * would be a pg_trgm index on PostgreSQL.
 */
import { type Kysely, type Migration, type MigrationProvider, sql } from "kysely";

const initialSchema: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable("calls")
      .addColumn("id", "integer", (column) => column.primaryKey())
      .addColumn("transaction_id", "text", (column) => column.notNull().unique())
      .addColumn("tenant_id", "text", (column) => column.notNull())
      .addColumn("direction", "text", (column) => column.notNull())
      .addColumn("status", "text", (column) => column.notNull())
      .addColumn("time_start_call", "integer", (column) => column.notNull())
      .addColumn("duration", "integer", (column) => column.notNull())
      .addColumn("bill_sec", "integer", (column) => column.notNull())
      .addColumn("answer_sec", "integer", (column) => column.notNull())
      .addColumn("call_out_price", "real", (column) => column.notNull())
      .addColumn("sip_user", "text")
      .addColumn("sip_number", "text")
      .addColumn("provider", "text")
      .addColumn("hangup_cause", "text")
      .addColumn("has_recording", "integer", (column) => column.notNull())
      .addColumn("is_auto_call", "integer", (column) => column.notNull())
      .addColumn("out_of_working_time", "integer", (column) => column.notNull())
      .addColumn("agents_rung", "integer", (column) => column.notNull())
      .addColumn("is_transferred", "integer", (column) => column.notNull())
      .addColumn("last_updated_date", "integer", (column) => column.notNull())
      .execute();

    // The full vendor record lives apart so the rows that filters scan stay narrow.
    await db.schema
      .createTable("call_records")
      .addColumn("call_id", "integer", (column) =>
        column.primaryKey().references("calls.id").onDelete("cascade"),
      )
      .addColumn("record", "text", (column) => column.notNull())
      .execute();

    // Every list query is "filters, newest first, with a count": each common filter leads an
    // index that ends in the start time, so the filter, the order and the count come from it.
    const timeIndexes: Record<string, string[]> = {
      calls_time: ["time_start_call"],
      calls_direction_status_time: ["direction", "status", "time_start_call"],
      calls_status_time: ["status", "time_start_call"],
      calls_sip_user_time: ["sip_user", "time_start_call"],
      calls_sip_number_time: ["sip_number", "time_start_call"],
      calls_provider_time: ["provider", "time_start_call"],
      calls_hangup_cause_time: ["hangup_cause", "time_start_call"],
      calls_duration: ["duration"],
      calls_bill_sec: ["bill_sec"],
      calls_answer_sec: ["answer_sec"],
      calls_price: ["call_out_price"],
    };
    for (const [name, columns] of Object.entries(timeIndexes)) {
      await db.schema.createIndex(name).on("calls").columns(columns).execute();
    }

    await db.schema
      .createTable("call_legs")
      .addColumn("call_id", "integer", (column) =>
        column.notNull().references("calls.id").onDelete("cascade"),
      )
      .addColumn("leg_index", "integer", (column) => column.notNull())
      .addColumn("type", "text", (column) => column.notNull())
      .addColumn("record", "text", (column) => column.notNull())
      .addPrimaryKeyConstraint("call_legs_pk", ["call_id", "leg_index"])
      .execute();

    await db.schema
      .createTable("call_tags")
      .addColumn("call_id", "integer", (column) =>
        column.notNull().references("calls.id").onDelete("cascade"),
      )
      .addColumn("tag", "text", (column) => column.notNull())
      .addPrimaryKeyConstraint("call_tags_pk", ["call_id", "tag"])
      .execute();
    await db.schema
      .createIndex("call_tags_tag")
      .on("call_tags")
      .columns(["tag", "call_id"])
      .execute();

    await db.schema
      .createTable("filter_values")
      .addColumn("kind", "text", (column) => column.notNull())
      .addColumn("value", "text", (column) => column.notNull())
      .addColumn("label", "text")
      .addPrimaryKeyConstraint("filter_values_pk", ["kind", "value"])
      .execute();

    // Keyword search. Calls share few distinct phone numbers and names, so the index is over a
    // dictionary of distinct folded terms (trigram FTS5: any substring of 3+ characters), and
    // call_terms maps each term to its calls. Doclists stay short even for common names like
    // "nguyen", which an index over each call's own text would repeat a million times.
    await db.schema
      .createTable("search_terms")
      .addColumn("id", "integer", (column) => column.primaryKey())
      .addColumn("term", "text", (column) => column.notNull().unique())
      .execute();
    await sql`CREATE VIRTUAL TABLE search_terms_fts USING fts5(
      term, content = 'search_terms', content_rowid = 'id', tokenize = 'trigram'
    )`.execute(db);
    // Terms are only ever added (an unused term costs a row and matches no call).
    await sql`CREATE TRIGGER search_terms_index AFTER INSERT ON search_terms BEGIN
      INSERT INTO search_terms_fts (rowid, term) VALUES (new.id, new.term);
    END`.execute(db);
    await db.schema
      .createTable("call_terms")
      .addColumn("term_id", "integer", (column) => column.notNull())
      .addColumn("call_id", "integer", (column) =>
        column.notNull().references("calls.id").onDelete("cascade"),
      )
      .addPrimaryKeyConstraint("call_terms_pk", ["term_id", "call_id"])
      .modifyEnd(sql`WITHOUT ROWID`)
      .execute();
    await db.schema.createIndex("call_terms_call").on("call_terms").column("call_id").execute();
  },
};

/**
 * The connector's bookkeeping: one row per upstream (source), holding how far its history is in
 * the store, the checkpoint of a sync in progress (JSON, so the algorithm can evolve without a
 * migration) and a lease so that the CLI and the server's schedule never sync at the same time.
 */
const syncState: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable("sync_state")
      .addColumn("source", "text", (column) => column.primaryKey())
      .addColumn("synced_until_ms", "integer")
      .addColumn("checkpoint", "text")
      .addColumn("lease_owner", "text")
      .addColumn("lease_expires_at", "integer")
      .addColumn("last_started_at", "integer")
      .addColumn("last_finished_at", "integer")
      .addColumn("last_error", "text")
      .addColumn("updated_at", "integer", (column) => column.notNull())
      .execute();
  },
};

/**
 * Calls in progress, from the vendor's live webhooks (ringing, answered, hangup). Ephemeral: a
 * row goes when the call's end-of-call record arrives, or when it is hours old.
 */
const liveCalls: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable("live_calls")
      .addColumn("call_uuid", "text", (column) => column.primaryKey())
      .addColumn("state", "text", (column) => column.notNull())
      .addColumn("direction", "text")
      .addColumn("from_number", "text")
      .addColumn("to_number", "text")
      .addColumn("hotline", "text")
      .addColumn("event_time_ms", "integer", (column) => column.notNull())
      .addColumn("received_at", "integer", (column) => column.notNull())
      .addColumn("record", "text", (column) => column.notNull())
      .execute();
    await db.schema
      .createIndex("live_calls_received_at")
      .on("live_calls")
      .column("received_at")
      .execute();
  },
};

const migrations: Record<string, Migration> = {
  "0001_initial_schema": initialSchema,
  "0002_sync_state": syncState,
  "0003_live_calls": liveCalls,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => migrations,
};
