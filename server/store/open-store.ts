/**
 * Opens (and if need be creates) the call store: a SQLite file behind Kysely, migrated to the
 * newest schema. Opening an existing file only applies migrations it has not seen.
 */
import { mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import SQLite from "better-sqlite3";
import { Kysely, Migrator, SqliteDialect } from "kysely";
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

export async function openStore(databaseUrl: string): Promise<Store> {
  const path = sqlitePathFromUrl(databaseUrl);
  mkdirSync(dirname(path), { recursive: true });
  const sqlite = new SQLite(path);
  // WAL lets the API read while a sync or webhook writes; NORMAL is durable at checkpoints and
  // safe against corruption; the busy timeout turns a briefly locked file into a short wait.
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("synchronous = NORMAL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  sqlite.pragma("cache_size = -65536");
  sqlite.pragma("temp_store = MEMORY");

  const db = new Kysely<StoreDatabase>({ dialect: new SqliteDialect({ database: sqlite }) });
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
