/**
 * Opens (and if need be creates) the call store: a SQLite file behind Kysely, migrated to the
 * newest schema. Opening an existing file only applies migrations it has not seen.
 */
import { mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import SQLite from "better-sqlite3";
import {
  CompiledQuery,
  type DatabaseConnection,
  Kysely,
  Migrator,
  type SqliteDatabase,
  SqliteDialect,
  type SqliteDialectConfig,
  SqliteDriver,
} from "kysely";
import { LruCache } from "../lib/lru-cache.ts";
import { migrationProvider } from "./migrations.ts";
import type { StoreDatabase } from "./schema.ts";

export type Store = {
  db: Kysely<StoreDatabase>;
  /** The raw connection, for SQLite-only pragmas and the benchmark's direct queries. */
  sqlite: SQLite.Database;
  path: string;
  close: () => Promise<void>;
};

/** Accepts a path, `file:path` or `sqlite:path`; other schemes are for a future PostgreSQL store. */
export function sqlitePathFromUrl(databaseUrl: string): string {
  const match = /^(?:(?:file|sqlite):(?:\/\/)?)?(.+)$/.exec(databaseUrl);
  if (!match?.[1] || /^[a-z]+:\/\//i.test(databaseUrl.replace(/^(file|sqlite):\/\//, ""))) {
    throw new Error(`DATABASE_URL must name a SQLite file (got ${databaseUrl})`);
  }
  return resolve(match[1]);
}

/**
 * Transactions as the store needs them:
 * - Every transaction of the store writes, so each takes the write lock as it begins (BEGIN
 *   IMMEDIATE). A deferred BEGIN would read first and then ask to write; in WAL mode SQLite
 *   refuses that upgrade at once with SQLITE_BUSY, without waiting out the busy timeout,
 *   whenever another connection (a sync, a seed) is writing: a webhook would fail, not wait.
 * - On some errors (SQLITE_FULL, SQLITE_IOERR, SQLITE_NOMEM) SQLite has already rolled the
 *   transaction back; a ROLLBACK then fails ("no transaction is active") and that error would
 *   replace the real one, so a full disk would be reported as an unknown failure.
 */
class StoreTransactionDriver extends SqliteDriver {
  readonly #sqlite: SQLite.Database;

  constructor(config: SqliteDialectConfig, sqlite: SQLite.Database) {
    super(config);
    this.#sqlite = sqlite;
  }

  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw("begin immediate"));
  }

  override async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    if (this.#sqlite.inTransaction) await super.rollbackTransaction(connection);
  }
}

/** Distinct statements worth keeping prepared: the API's shapes of query, with room to spare. */
const PREPARED_STATEMENTS = 256;

/**
 * The connection as Kysely sees it, with prepared statements reused: Kysely prepares every
 * query it runs, which cost an unfiltered list page ~0.1 ms of its ~0.35 ms in the store
 * (measured on a million calls). Kysely runs one query at a time on its one connection (a
 * stream holds it until read to the end), so a cached statement is never stepped twice at once.
 */
function withStatementCache(sqlite: SQLite.Database): SqliteDatabase {
  const statements = new LruCache<string, SQLite.Statement>(PREPARED_STATEMENTS);
  return {
    close: () => sqlite.close(),
    prepare: (text: string) => statements.getOrCreate(text, () => sqlite.prepare(text)),
  };
}

class StoreDialect extends SqliteDialect {
  readonly #sqlite: SQLite.Database;

  constructor(sqlite: SQLite.Database) {
    super({ database: sqlite });
    this.#sqlite = sqlite;
  }

  override createDriver() {
    return new StoreTransactionDriver({ database: withStatementCache(this.#sqlite) }, this.#sqlite);
  }
}

/**
 * How long a statement waits for another connection's write lock before failing with
 * SQLITE_BUSY (answered 503 store_busy). A sync or seed commits a batch in well under a second,
 * so that is waited out; a lock held longer is a stuck writer, and the API says so instead of
 * hanging. The wait is synchronous (better-sqlite3), so it is kept to a few seconds.
 */
export const DEFAULT_BUSY_TIMEOUT_MS = 3000;

export type OpenStoreOptions = {
  /** Tests of a locked store shorten the wait. */
  busyTimeoutMs?: number;
};

export async function openStore(
  databaseUrl: string,
  { busyTimeoutMs = DEFAULT_BUSY_TIMEOUT_MS }: OpenStoreOptions = {},
): Promise<Store> {
  const path = sqlitePathFromUrl(databaseUrl);
  mkdirSync(dirname(path), { recursive: true });
  const sqlite = new SQLite(path);
  // The busy timeout first: switching to WAL and migrating wait for a writer too.
  sqlite.pragma(`busy_timeout = ${Math.max(0, Math.round(busyTimeoutMs))}`);
  // WAL lets the API read while a sync or webhook writes (readers are never blocked by a
  // writer); NORMAL is durable at checkpoints and safe against corruption.
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("synchronous = NORMAL");
  sqlite.pragma("foreign_keys = ON");
  // 32 MB holds the indexes a list page walks; the records it reads come from the OS's file
  // cache. The 64 MB before cost the server's memory ~12 MB more after big pages (issue 7 keeps
  // it under 300 MB on a million calls) for no list figure that moved.
  sqlite.pragma("cache_size = -32768");
  sqlite.pragma("temp_store = MEMORY");

  const db = new Kysely<StoreDatabase>({
    dialect: new StoreDialect(sqlite),
  });
  const { error, results } = await new Migrator({
    db,
    provider: migrationProvider,
  }).migrateToLatest();
  if (error) {
    const failed = results?.find((result) => result.status === "Error")?.migrationName;
    await db.destroy();
    throw new Error(`Could not migrate the call store at ${path}${failed ? ` (${failed})` : ""}`, {
      cause: error,
    });
  }
  return { db, sqlite, path, close: () => db.destroy() };
}
