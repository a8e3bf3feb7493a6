/**
 * What "the store is consistent" means, checked on a raw connection: SQLite's own integrity and
 * foreign-key checks, the keyword index against its terms, and the invariants the writer keeps
 * that no constraint states (every call has its record; nothing hangs off a missing call).
 */
import type SQLite from "better-sqlite3";

/** Rows of each table a call write touches, to tell that a rejected request wrote nothing. */
export type StoreCounts = Record<(typeof COUNTED_TABLES)[number], number>;

const COUNTED_TABLES = [
  "calls",
  "call_records",
  "call_legs",
  "call_tags",
  "call_terms",
  "call_participants",
  "search_terms",
  "filter_values",
  "live_calls",
] as const;

export function storeCounts(sqlite: SQLite.Database): StoreCounts {
  const counts = {} as StoreCounts;
  for (const table of COUNTED_TABLES) {
    counts[table] = (sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  }
  return counts;
}

/** Each invariant as a query that counts its violations. */
const INVARIANTS: Record<string, string> = {
  "calls without a record":
    "SELECT count(*) FROM calls WHERE NOT EXISTS (SELECT 1 FROM call_records WHERE call_id = calls.id)",
  "records without a call":
    "SELECT count(*) FROM call_records WHERE NOT EXISTS (SELECT 1 FROM calls WHERE id = call_records.call_id)",
  "legs of a missing call":
    "SELECT count(*) FROM call_legs WHERE NOT EXISTS (SELECT 1 FROM calls WHERE id = call_legs.call_id)",
  "tags of a missing call":
    "SELECT count(*) FROM call_tags WHERE NOT EXISTS (SELECT 1 FROM calls WHERE id = call_tags.call_id)",
  "terms of a missing call":
    "SELECT count(*) FROM call_terms WHERE NOT EXISTS (SELECT 1 FROM calls WHERE id = call_terms.call_id)",
  "links to a missing term":
    "SELECT count(*) FROM call_terms WHERE NOT EXISTS (SELECT 1 FROM search_terms WHERE id = call_terms.term_id)",
  "participants of a missing call":
    "SELECT count(*) FROM call_participants WHERE NOT EXISTS (SELECT 1 FROM calls WHERE id = call_participants.call_id)",
};

/** Every problem found; an empty list is a consistent store. */
export function storeProblems(sqlite: SQLite.Database): string[] {
  const problems: string[] = [];
  const integrity = sqlite.pragma("integrity_check") as { integrity_check: string }[];
  if (integrity.length !== 1 || integrity[0]?.integrity_check !== "ok") {
    problems.push(`integrity_check: ${integrity.map((row) => row.integrity_check).join("; ")}`);
  }
  const foreignKeys = sqlite.pragma("foreign_key_check") as unknown[];
  if (foreignKeys.length > 0) problems.push(`foreign_key_check: ${foreignKeys.length} rows`);
  try {
    // FTS5's own check: the trigram index holds exactly the terms of its content table.
    sqlite.exec("INSERT INTO search_terms_fts (search_terms_fts) VALUES ('integrity-check')");
  } catch (error) {
    problems.push(`search_terms_fts: ${(error as Error).message}`);
  }
  for (const [name, query] of Object.entries(INVARIANTS)) {
    const violations = sqlite.prepare(query).pluck().get() as number;
    if (violations > 0) problems.push(`${name}: ${violations}`);
  }
  return problems;
}
