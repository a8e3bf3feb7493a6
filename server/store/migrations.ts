/**
 * Versioned migrations. Kysely's Migrator records what ran in kysely_migration, so opening an
 * existing file applies only what is new and never rebuilds (or empties) a table.
 * Tables and indexes use the portable schema builder; the keyword index is SQLite's FTS5 and
 * would be a pg_trgm index on PostgreSQL.
 */
import { type Kysely, type Migration, type MigrationProvider, sql } from "kysely";

/**
 * Every list query is "filters, newest first, with a count": each common filter leads an index
 * that ends in the start time, so the filter, the order and the count come from it. 0001 made
 * them; 0004 rebuilds each with the tenant in front.
 */
const LIST_INDEXES: Record<string, string[]> = {
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

    for (const [name, columns] of Object.entries(LIST_INDEXES)) {
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

/** Filter kinds whose values are a column of calls (tags come from call_tags). */
const FILTER_KIND_COLUMNS: Record<string, string> = {
  agent: "sip_user",
  hotline: "sip_number",
  provider: "provider",
  hangup_cause: "hangup_cause",
};

/**
 * Sign-in and scoping. Users and their sessions; every call is read within one tenant, so each
 * list index now starts with tenant_id (the count of a tenant's calls comes from an index, not a
 * scan of every tenant's rows); filter options are kept per tenant; and call_participants says
 * which agent extensions answered or were rung on a call, for the agent role.
 */
const usersAndTenantScope: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable("tenants")
      .addColumn("id", "text", (column) => column.primaryKey())
      .addColumn("name", "text")
      .execute();
    await db.schema
      .createTable("users")
      .addColumn("id", "integer", (column) => column.primaryKey())
      .addColumn("tenant_id", "text", (column) => column.notNull().references("tenants.id"))
      .addColumn("username", "text", (column) => column.notNull().unique())
      .addColumn("display_name", "text")
      .addColumn("password_hash", "text", (column) => column.notNull())
      .addColumn("role", "text", (column) =>
        column.notNull().check(sql`role IN ('supervisor', 'agent')`),
      )
      .addColumn("sip_user", "text")
      .addColumn("created_at", "integer", (column) => column.notNull())
      .addColumn("updated_at", "integer", (column) => column.notNull())
      .execute();
    await db.schema
      .createTable("sessions")
      // Only a hash of the token is stored: a copy of the file does not sign anyone in.
      .addColumn("token_hash", "text", (column) => column.primaryKey())
      .addColumn("user_id", "integer", (column) =>
        column.notNull().references("users.id").onDelete("cascade"),
      )
      .addColumn("created_at", "integer", (column) => column.notNull())
      .addColumn("last_seen_at", "integer", (column) => column.notNull())
      .addColumn("expires_at", "integer", (column) => column.notNull())
      .execute();
    await db.schema.createIndex("sessions_user").on("sessions").column("user_id").execute();

    for (const [name, columns] of Object.entries(LIST_INDEXES)) {
      await db.schema.dropIndex(name).ifExists().execute();
      await db.schema
        .createIndex(name)
        .on("calls")
        .columns(["tenant_id", ...columns])
        .execute();
    }

    await db.schema
      .createTable("call_participants")
      .addColumn("sip_user", "text", (column) => column.notNull())
      .addColumn("call_id", "integer", (column) =>
        column.notNull().references("calls.id").onDelete("cascade"),
      )
      .addPrimaryKeyConstraint("call_participants_pk", ["sip_user", "call_id"])
      .modifyEnd(sql`WITHOUT ROWID`)
      .execute();
    await db.schema
      .createIndex("call_participants_call")
      .on("call_participants")
      .column("call_id")
      .execute();
    // Calls already stored: the agent who took each, and every agent a leg rang ("70759-118"
    // rings extension 118; see agentExtensionsOf in the contract, which new writes use).
    await sql`INSERT OR IGNORE INTO call_participants (sip_user, call_id)
      SELECT sip_user, id FROM calls WHERE sip_user IS NOT NULL AND sip_user <> ''`.execute(db);
    await sql`INSERT OR IGNORE INTO call_participants (sip_user, call_id)
      SELECT CASE WHEN length(prefix) < length(target) AND substr(prefix, -1) = '-'
               THEN substr(target, length(prefix) + 1) ELSE target END,
             call_id
      FROM (SELECT call_id, type, json_extract(record, '$.to') AS target,
                   rtrim(json_extract(record, '$.to'), '0123456789') AS prefix
            FROM call_legs)
      WHERE target IS NOT NULL AND target <> ''
        AND type NOT IN ('voicemail', 'forward-out', 'ivr')`.execute(db);

    await db.schema
      .createTable("tenant_filter_values")
      .addColumn("tenant_id", "text", (column) => column.notNull())
      .addColumn("kind", "text", (column) => column.notNull())
      .addColumn("value", "text", (column) => column.notNull())
      .addColumn("label", "text")
      .addPrimaryKeyConstraint("tenant_filter_values_pk", ["tenant_id", "kind", "value"])
      .execute();
    // Each stored option goes to the tenants whose calls carry it, keeping its label.
    for (const [kind, column] of Object.entries(FILTER_KIND_COLUMNS)) {
      await sql`INSERT OR IGNORE INTO tenant_filter_values (tenant_id, kind, value, label)
        SELECT DISTINCT calls.tenant_id, options.kind, options.value, options.label
        FROM filter_values AS options
        JOIN calls ON calls.${sql.ref(column)} = options.value
        WHERE options.kind = ${kind}`.execute(db);
    }
    await sql`INSERT OR IGNORE INTO tenant_filter_values (tenant_id, kind, value, label)
      SELECT DISTINCT calls.tenant_id, options.kind, options.value, options.label
      FROM filter_values AS options
      JOIN call_tags ON call_tags.tag = options.value
      JOIN calls ON calls.id = call_tags.call_id
      WHERE options.kind = 'tag'`.execute(db);
    await db.schema.dropTable("filter_values").execute();
    await sql`ALTER TABLE tenant_filter_values RENAME TO filter_values`.execute(db);

    // Tenants known from their calls; names arrive with the first user (npm run user).
    await sql`INSERT OR IGNORE INTO tenants (id) SELECT DISTINCT tenant_id FROM calls`.execute(db);
  },
};

/**
 * How many calls each tenant has, kept by triggers. A supervisor's unfiltered list (the first
 * screen, any sort, any page) needs its total: counting a million index entries for it took
 * ~35 ms on every page, where reading one row takes microseconds.
 */
const tenantCallCounts: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable("tenant_call_counts")
      .addColumn("tenant_id", "text", (column) => column.primaryKey())
      .addColumn("calls", "integer", (column) => column.notNull())
      .execute();
    await sql`INSERT INTO tenant_call_counts (tenant_id, calls)
      SELECT tenant_id, count(*) FROM calls GROUP BY tenant_id`.execute(db);
    await sql`CREATE TRIGGER calls_count_insert AFTER INSERT ON calls BEGIN
      INSERT INTO tenant_call_counts (tenant_id, calls) VALUES (new.tenant_id, 1)
      ON CONFLICT (tenant_id) DO UPDATE SET calls = calls + 1;
    END`.execute(db);
    await sql`CREATE TRIGGER calls_count_delete AFTER DELETE ON calls BEGIN
      UPDATE tenant_call_counts SET calls = calls - 1 WHERE tenant_id = old.tenant_id;
    END`.execute(db);
    // A call that moves tenant (a vendor correction) moves its count too.
    await sql`CREATE TRIGGER calls_count_move AFTER UPDATE OF tenant_id ON calls
      WHEN new.tenant_id <> old.tenant_id BEGIN
      UPDATE tenant_call_counts SET calls = calls - 1 WHERE tenant_id = old.tenant_id;
      INSERT INTO tenant_call_counts (tenant_id, calls) VALUES (new.tenant_id, 1)
      ON CONFLICT (tenant_id) DO UPDATE SET calls = calls + 1;
    END`.execute(db);
  },
};

const migrations: Record<string, Migration> = {
  "0001_initial_schema": initialSchema,
  "0002_sync_state": syncState,
  "0003_live_calls": liveCalls,
  "0004_users_and_tenant_scope": usersAndTenantScope,
  "0005_tenant_call_counts": tenantCallCounts,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => migrations,
};
