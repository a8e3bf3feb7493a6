/**
 * Reads calls for the API: the filtered, sorted page with its count, one call with its legs, the
 * filter options, and a streamed walk over a whole filtered result for the CSV export.
 */
import { type ExpressionBuilder, type Kysely, type SelectQueryBuilder, sql } from "kysely";
import type { CallListQuery } from "@/contract/call-list-query.ts";
import { parseSort } from "@/contract/call-list-query.ts";
import type { FilterOptions } from "@/contract/filter-options.ts";
import { foldDiacritics } from "@/lib/fold-diacritics.ts";
import type { StoreDatabase } from "./schema.ts";

export type CallFilters = Omit<CallListQuery, "page" | "size" | "sort">;

/**
 * Whose calls a reader may see: one tenant's, and for an agent only the calls its extension
 * answered or was rung on. Every read of calls takes one; there is no unscoped read for the API.
 */
export type CallScope = { tenantId: string; agentExtension: string | null };

type CallsQuery = SelectQueryBuilder<StoreDatabase, "calls", object>;
type CallsExpressions = ExpressionBuilder<StoreDatabase, "calls">;

/** The trigram index answers substrings of 3+ characters; shorter ones scan the search text. */
const TRIGRAM_LENGTH = 3;

/**
 * Folds a keyword the way the search text was folded. A keyword that is a phone number written
 * with spaces, dots or dashes ("0983 223 566") searches for its digits.
 */
export function normalizeKeyword(keyword: string): string {
  const folded = foldDiacritics(keyword.trim());
  return /^\+?[\d\s.()-]+$/.test(folded)
    ? folded.replace(/[^\d]/g, "")
    : folded.replace(/\s+/g, " ");
}

/**
 * Calls whose phone numbers or names contain the keyword, or whose transaction id starts with it.
 * The trigram index finds matching terms in the dictionary; call_terms leads to the calls.
 */
function keywordFilter(eb: CallsExpressions, keyword: string) {
  const normalized = normalizeKeyword(keyword);
  let matchingTerms = eb.selectFrom("search_terms_fts").select("search_terms_fts.rowid");
  if (normalized.length >= TRIGRAM_LENGTH) {
    // An FTS5 string literal: the whole keyword as one phrase of trigrams, never FTS syntax.
    const phrase = `"${normalized.replace(/"/g, '""')}"`;
    matchingTerms = matchingTerms.where(sql<boolean>`search_terms_fts MATCH ${phrase}`);
  } else {
    const pattern = `%${normalized.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
    matchingTerms = matchingTerms.where(
      sql<boolean>`search_terms_fts.term LIKE ${pattern} ESCAPE '\\'`,
    );
  }
  const trimmed = keyword.trim();
  return eb.or([
    eb(
      "calls.id",
      "in",
      eb
        .selectFrom("call_terms")
        .select("call_terms.call_id")
        .where("call_terms.term_id", "in", matchingTerms),
    ),
    // A pasted id, or its beginning: a range on the unique index.
    eb.and([
      eb("calls.transaction_id", ">=", trimmed),
      eb("calls.transaction_id", "<", `${trimmed}\uffff`),
    ]),
  ]);
}

const asFlag = (value: boolean) => (value ? 1 : 0);

/**
 * Restricts calls to the scope. `narrowerLead` says that another condition picks few rows (a
 * keyword's matches, an agent's calls): the tenant is then checked on those rows (`+` keeps
 * SQLite from using a tenant index for it), where leading by the tenant would walk all of its
 * calls to test each against the smaller set.
 */
function applyScope(query: CallsQuery, scope: CallScope, narrowerLead = false): CallsQuery {
  const extension = scope.agentExtension;
  const scoped =
    narrowerLead || extension !== null
      ? query.where(sql<string>`+${sql.ref("calls.tenant_id")}`, "=", scope.tenantId)
      : query.where("calls.tenant_id", "=", scope.tenantId);
  if (extension === null) return scoped;
  return scoped.where("calls.id", "in", (eb) =>
    eb
      .selectFrom("call_participants")
      .select("call_participants.call_id")
      .where("call_participants.sip_user", "=", extension),
  );
}

function applyFilters(query: CallsQuery, filters: CallFilters, scope: CallScope): CallsQuery {
  let filtered = applyScope(query, scope, Boolean(filters.keyword));
  // Dates come in milliseconds; the column holds seconds. Rounding inward keeps both ends exact.
  if (filters.from_date !== undefined) {
    filtered = filtered.where("time_start_call", ">=", Math.ceil(filters.from_date / 1000));
  }
  if (filters.to_date !== undefined) {
    filtered = filtered.where("time_start_call", "<=", Math.floor(filters.to_date / 1000));
  }
  const inList = [
    ["direction", filters.direction],
    ["status", filters.status],
    ["sip_user", filters.sip_user],
    ["sip_number", filters.sip_number],
    ["provider", filters.provider],
    ["hangup_cause", filters.hangup_cause],
  ] as const;
  for (const [column, values] of inList) {
    if (values.length > 0) filtered = filtered.where(column, "in", values);
  }
  if (filters.tag.length > 0) {
    filtered = filtered.where("id", "in", (eb) =>
      eb
        .selectFrom("call_tags")
        .select("call_tags.call_id")
        .where("call_tags.tag", "in", filters.tag),
    );
  }
  if (filters.keyword) {
    const keyword = filters.keyword;
    filtered = filtered.where((eb) => keywordFilter(eb, keyword));
  }
  if (filters.min_duration !== undefined)
    filtered = filtered.where("duration", ">=", filters.min_duration);
  if (filters.max_duration !== undefined)
    filtered = filtered.where("duration", "<=", filters.max_duration);
  const flags = [
    ["has_recording", filters.has_recording],
    ["is_auto_call", filters.is_auto_call],
    ["out_of_working_time", filters.out_of_working_time],
    ["is_transferred", filters.transferred],
  ] as const;
  for (const [column, value] of flags) {
    if (value !== undefined) filtered = filtered.where(column, "=", asFlag(value));
  }
  return filtered;
}

/**
 * No filter at all: the total is the tenant's whole count (kept in tenant_call_counts). Read
 * from every field of the query, so that a filter added later can never be overlooked here.
 */
function isUnfiltered(query: CallListQuery): boolean {
  const { page: _page, size: _size, sort: _sort, ...filters } = query;
  return Object.values(filters).every(
    (value) => value === undefined || value === "" || (Array.isArray(value) && value.length === 0),
  );
}

/** The stored record with our derived fields, as the list and detail send it. */
export type StoredCallRow = {
  record: string;
  status: string;
  agents_rung: number;
  is_transferred: number;
};

/**
 * Adds the derived fields to the stored JSON text without parsing and re-serializing it: a page of
 * 500 calls is ~1 MB of JSON, and splicing keeps the list endpoint's own overhead small.
 */
export function callJsonWithDerivedFields(row: StoredCallRow): string {
  const derived = `"status":${JSON.stringify(row.status)},"agents_rung":${row.agents_rung},"is_transferred":${row.is_transferred === 1}`;
  const body = row.record.trimEnd();
  return body === "{}" ? `{${derived}}` : `${body.slice(0, -1)},${derived}}`;
}

/**
 * The same for a list page, as UTF-8 bytes: records are read from SQLite as blobs and the page
 * is sent as the concatenation of their bytes, so no record is decoded into a JavaScript
 * string and encoded back (for a page of 50 that round trip cost more than the queries).
 */
export function callJsonBytesWithDerivedFields(row: StoredCallBytesRow): Buffer[] {
  const derived = `"status":${JSON.stringify(row.status)},"agents_rung":${row.agents_rung},"is_transferred":${row.is_transferred === 1}}`;
  const record = Buffer.from(row.record.buffer, row.record.byteOffset, row.record.byteLength);
  const closing = record.lastIndexOf(CLOSING_BRACE);
  // Only a tiny record can be "{}" (possibly with spaces); scanning every record would cost.
  const isEmpty = closing < 16 && record.subarray(0, closing).toString().trim() === "{";
  return [record.subarray(0, closing), Buffer.from(isEmpty ? derived : `,${derived}`)];
}

const CLOSING_BRACE = "}".charCodeAt(0);

export type StoredCallBytesRow = Omit<StoredCallRow, "record"> & { record: Uint8Array };

/** A page of calls: each item as the byte pieces of its JSON (see callJsonBytesWithDerivedFields). */
export type CallPage = { items: Buffer[][]; total: number };

/** The two statements behind a page: its count and its rows (the benchmark runs them raw too). */
export function buildListQueries(
  db: Kysely<StoreDatabase>,
  query: CallListQuery,
  scope: CallScope,
) {
  const filtered = applyFilters(db.selectFrom("calls"), query, scope);
  const { field, descending } = parseSort(query.sort);
  const direction = descending ? "desc" : "asc";
  // The page is chosen on the narrow calls rows first and only its rows read their records:
  // joined before the OFFSET, page 1 000 would read 50 000 records only to skip them.
  const pageRows = filtered
    .select(["calls.id", "status", "agents_rung", "is_transferred", field])
    .orderBy(field, direction)
    // Ties (equal durations, same second) keep a stable order across pages.
    .orderBy("calls.id", direction)
    .limit(query.size)
    .offset((query.page - 1) * query.size)
    .as("page");
  return {
    count:
      isUnfiltered(query) && scope.agentExtension === null
        ? db.selectNoFrom((eb) =>
            eb.fn
              .coalesce(
                eb
                  .selectFrom("tenant_call_counts")
                  .select("calls")
                  .where("tenant_id", "=", scope.tenantId),
                eb.lit(0),
              )
              .as("total"),
          )
        : filtered.select((eb) => eb.fn.countAll<number>().as("total")),
    page: db
      .selectFrom(pageRows)
      .innerJoin("call_records", "call_records.call_id", "page.id")
      .select([
        sql<Uint8Array>`CAST(call_records.record AS BLOB)`.as("record"),
        "page.status",
        "page.agents_rung",
        "page.is_transferred",
      ])
      .orderBy(sql.ref(`page.${field}`), direction)
      .orderBy("page.id", direction),
  };
}

export async function listCalls(
  db: Kysely<StoreDatabase>,
  query: CallListQuery,
  scope: CallScope,
): Promise<CallPage> {
  const { count, page } = buildListQueries(db, query, scope);
  const [countRow, rows] = await Promise.all([count.executeTakeFirstOrThrow(), page.execute()]);
  return { items: rows.map(callJsonBytesWithDerivedFields), total: Number(countRow.total) };
}

export type CallDetail = { callJson: string; legsJson: string[] };

export async function findCallDetail(
  db: Kysely<StoreDatabase>,
  transactionId: string,
  scope: CallScope,
): Promise<CallDetail | null> {
  const call = await applyScope(db.selectFrom("calls"), scope)
    .innerJoin("call_records", "call_records.call_id", "calls.id")
    .select(["id", "call_records.record", "status", "agents_rung", "is_transferred"])
    .where("transaction_id", "=", transactionId)
    .executeTakeFirst();
  if (!call) return null;
  const legs = await db
    .selectFrom("call_legs")
    .select("record")
    .where("call_id", "=", call.id)
    .orderBy("leg_index")
    .execute();
  return { callJson: callJsonWithDerivedFields(call), legsJson: legs.map((leg) => leg.record) };
}

/** What the recording route needs to know of a call. */
export async function findRecordingFacts(
  db: Kysely<StoreDatabase>,
  transactionId: string,
  scope: CallScope,
) {
  const row = await applyScope(db.selectFrom("calls"), scope)
    .innerJoin("call_records", "call_records.call_id", "calls.id")
    .select([
      "tenant_id",
      "has_recording",
      sql<number>`json_extract(record, '$.record_seconds')`.as("record_seconds"),
      sql<string | null>`json_extract(record, '$.recording_file_url')`.as("recording_file_url"),
    ])
    .where("transaction_id", "=", transactionId)
    .executeTakeFirst();
  return row ?? null;
}

export async function readFilterOptions(
  db: Kysely<StoreDatabase>,
  tenantId: string,
): Promise<FilterOptions> {
  const rows = await db
    .selectFrom("filter_values")
    .select(["kind", "value", "label"])
    .where("tenant_id", "=", tenantId)
    .execute();
  const options: FilterOptions = {
    agents: [],
    hotlines: [],
    tags: [],
    providers: [],
    hangup_causes: [],
  };
  const listOf: Record<string, FilterOptions[keyof FilterOptions]> = {
    agent: options.agents,
    hotline: options.hotlines,
    tag: options.tags,
    provider: options.providers,
    hangup_cause: options.hangup_causes,
  };
  for (const row of rows) listOf[row.kind]?.push({ value: row.value, label: row.label });
  const collator = new Intl.Collator("vi", { numeric: true });
  for (const list of Object.values(options)) {
    list.sort((a, b) => collator.compare(a.label ?? a.value, b.label ?? b.value));
  }
  return options;
}

/**
 * Walks a whole filtered result in sort order, a page of rows at a time by keyset (never OFFSET
 * deep into a million rows), for the CSV export.
 */
export async function* iterateCalls(
  db: Kysely<StoreDatabase>,
  filters: CallFilters,
  scope: CallScope,
  sort: string,
  batchSize = 2000,
): AsyncGenerator<StoredCallRow[]> {
  const { field, descending } = parseSort(sort);
  const comparison = descending ? "<" : ">";
  let after: { value: number; id: number } | null = null;
  while (true) {
    let query = applyFilters(db.selectFrom("calls"), filters, scope);
    if (after) {
      const { value, id } = after;
      // A row-value comparison: SQLite walks the (field, id) index from there, where the
      // equivalent OR would scan.
      query = query.where((eb) => eb(eb.refTuple(field, "id"), comparison, eb.tuple(value, id)));
    }
    const rows = await query
      .innerJoin("call_records", "call_records.call_id", "calls.id")
      .select(["id", "call_records.record", "status", "agents_rung", "is_transferred", field])
      .orderBy(field, descending ? "desc" : "asc")
      .orderBy("id", descending ? "desc" : "asc")
      .limit(batchSize)
      .execute();
    if (rows.length === 0) return;
    yield rows;
    const last = rows[rows.length - 1]!;
    after = { value: Number(last[field]), id: last.id };
    if (rows.length < batchSize) return;
  }
}
