/**
 * What a failing call store means to a client. better-sqlite3 throws a SqliteError whose `code`
 * is SQLite's extended result code ("SQLITE_BUSY", "SQLITE_FULL", "SQLITE_IOERR_WRITE", …);
 * Kysely passes it on as it is (sometimes as the `cause` of its own error). Each kind becomes
 * one answer the SPA and the vendor can act on: wait and retry, or call someone.
 */

export type StoreFaultKind = "busy" | "full" | "read_only" | "corrupt" | "unavailable";

export type StoreFault = {
  kind: StoreFaultKind;
  httpStatus: number;
  /** The envelope's `message`. */
  code: string;
  /** Seconds a client should wait before trying again; absent when retrying will not help. */
  retryAfterSeconds?: number;
  /** SQLite's own (extended) result code, for the log. */
  sqliteCode: string;
};

type FaultAnswer = Omit<StoreFault, "sqliteCode">;

/**
 * By primary result code (an extended code starts with its primary one). Busy and locked are
 * another writer holding the file longer than the busy timeout: worth retrying soon. A full
 * disk is 507 (Insufficient Storage); it needs someone to free space, so no Retry-After.
 */
const FAULTS: Record<string, FaultAnswer> = {
  SQLITE_BUSY: { kind: "busy", httpStatus: 503, code: "store_busy", retryAfterSeconds: 2 },
  SQLITE_LOCKED: { kind: "busy", httpStatus: 503, code: "store_busy", retryAfterSeconds: 2 },
  SQLITE_FULL: { kind: "full", httpStatus: 507, code: "store_full" },
  SQLITE_READONLY: { kind: "read_only", httpStatus: 503, code: "store_read_only" },
  SQLITE_CORRUPT: { kind: "corrupt", httpStatus: 500, code: "store_corrupt" },
  SQLITE_NOTADB: { kind: "corrupt", httpStatus: 500, code: "store_corrupt" },
  SQLITE_IOERR: {
    kind: "unavailable",
    httpStatus: 503,
    code: "store_unavailable",
    retryAfterSeconds: 5,
  },
  SQLITE_CANTOPEN: {
    kind: "unavailable",
    httpStatus: 503,
    code: "store_unavailable",
    retryAfterSeconds: 5,
  },
};

/** How deep to follow `cause`: wrappers nest one or two levels, never more. */
const MAX_CAUSE_DEPTH = 4;

function sqliteCodeOf(error: unknown): string | null {
  let current: unknown = error;
  for (let depth = 0; depth <= MAX_CAUSE_DEPTH && current instanceof Error; depth += 1) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === "string" && code.startsWith("SQLITE_")) return code;
    current = current.cause;
  }
  return null;
}

/** The store fault an error is, or null when it is not one. */
export function storeFaultOf(error: unknown): StoreFault | null {
  const sqliteCode = sqliteCodeOf(error);
  if (sqliteCode === null) return null;
  const primary = /^SQLITE_[A-Z]+/.exec(sqliteCode)?.[0] ?? sqliteCode;
  const answer = FAULTS[primary];
  return answer ? { ...answer, sqliteCode } : null;
}
