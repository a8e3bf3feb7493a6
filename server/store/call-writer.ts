/**
 * Writes calls into the store: the demo seeder, the connector's sync and the webhook all come
 * through here, so every call is projected, indexed and upserted the same way.
 */
import { CompiledQuery, type Kysely, type Transaction } from "kysely";
import { type Call, type CallLeg, NO_AGENT_CREATOR_NAME } from "@/contract/call.ts";
import {
  agentExtensionsOf,
  countAgentsRung,
  deriveCallStatus,
  hasRecording,
  isTransferred,
  toUnixMilliseconds,
  toUnixSeconds,
} from "@/contract/call-derivations.ts";
import { foldDiacritics } from "@/lib/fold-diacritics.ts";
import type { CallsTable, FilterValuesTable, StoreDatabase } from "./schema.ts";

export type CallToWrite = { call: Call; legs: CallLeg[] };

/** Filter values the seeder knows labels for that the calls themselves do not carry (tag names). */
export type FilterLabel = { kind: FilterKind; value: string; label: string };
export type FilterKind = "agent" | "hotline" | "provider" | "hangup_cause" | "tag";

type ProjectedCall = Omit<CallsTable, "id">;

export function agentNameOf(call: Call): string | null {
  const creator = call.create_by?.name;
  if (creator && creator !== NO_AGENT_CREATOR_NAME) return creator;
  return call.user.find((user) => user.full_name)?.full_name ?? null;
}

function projectCall({ call, legs }: CallToWrite): ProjectedCall {
  return {
    transaction_id: call.transaction_id,
    tenant_id: call.tenant_id,
    direction: call.direction,
    status: deriveCallStatus(call, legs),
    time_start_call: toUnixSeconds(call.time_start_call),
    duration: call.duration,
    bill_sec: call.bill_sec,
    answer_sec: call.answer_sec,
    call_out_price: call.call_out_price,
    sip_user: call.sip_user || null,
    sip_number: call.sip_number || null,
    provider: call.provider || null,
    hangup_cause: call.hangup_cause || null,
    has_recording: hasRecording(call) ? 1 : 0,
    is_auto_call: call.is_auto_call ? 1 : 0,
    out_of_working_time: call.out_of_working_time ? 1 : 0,
    agents_rung: countAgentsRung(legs),
    is_transferred: isTransferred(call, legs) ? 1 : 0,
    last_updated_date: toUnixMilliseconds(call.last_updated_date),
  };
}

/**
 * The terms the keyword box finds a call by: phone numbers as digits, customer and agent names
 * folded so diacritics and case do not matter. (Transaction ids are matched on their own index.)
 */
export function searchTermsOf(call: Call): Set<string> {
  const terms = new Set<string>();
  for (const number of [call.phone_number, call.source_number, call.destination_number]) {
    const digits = number?.replace(/\D/g, "");
    if (digits) terms.add(digits);
  }
  const names = [
    call.customer?.full_name,
    call.customer?.full_name_unsigned,
    call.create_by?.name === NO_AGENT_CREATOR_NAME ? null : call.create_by?.name,
    ...call.user.flatMap((user) => [user.full_name, user.full_name_unsigned]),
  ];
  for (const name of names) {
    const folded = name ? foldedName(name) : "";
    if (folded) terms.add(folded);
  }
  return terms;
}

/** The same customers and agents come back call after call: fold each name once. */
const foldedNames = new Map<string, string>();

function foldedName(name: string): string {
  let folded = foldedNames.get(name);
  if (folded === undefined) {
    folded = foldDiacritics(name).replace(/\s+/g, " ").trim();
    if (foldedNames.size >= 50_000) foldedNames.clear();
    foldedNames.set(name, folded);
  }
  return folded;
}

function filterValuesOf({ call }: CallToWrite): FilterValuesTable[] {
  const values: Omit<FilterValuesTable, "tenant_id">[] = [];
  if (call.sip_user) values.push({ kind: "agent", value: call.sip_user, label: agentNameOf(call) });
  if (call.sip_number) values.push({ kind: "hotline", value: call.sip_number, label: null });
  if (call.provider) values.push({ kind: "provider", value: call.provider, label: null });
  if (call.hangup_cause)
    values.push({ kind: "hangup_cause", value: call.hangup_cause, label: null });
  for (const tag of call.tag) values.push({ kind: "tag", value: tag, label: null });
  return values.map((value) => ({ tenant_id: call.tenant_id, ...value }));
}

function chunk<T>(items: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let start = 0; start < items.length; start += size)
    chunks.push(items.slice(start, start + size));
  return chunks;
}

export type WriteResult = { written: number; skippedAsOlder: number };

/**
 * Calls reduced to what the store writes (projected rows, JSON texts, search terms, filter
 * values), as flat arrays of strings and numbers: a bulk loader can prepare the next batch in a
 * worker thread, and hand it over cheaply, while this one is written (server/seed does).
 * The `…Calls` arrays name, for each leg, tag, term or filter value, its call by position in
 * `transactionIds`; the arrays beside them hold the entry's fields.
 */
export type PreparedCalls = {
  /** How many calls came in, duplicates included. */
  received: number;
  /** One per call kept: the newest version of each transaction id. */
  transactionIds: string[];
  /** The projected rows (CALL_COLUMNS order) as one JSON array, for jsonb_each. */
  rowsJson: string;
  /** Each call's version (last_updated_date in milliseconds). */
  lastUpdatedDates: number[];
  /** The vendor records as JSON, one per call. */
  records: EncodedTexts;
  legCalls: number[];
  legIndexes: number[];
  legTypes: string[];
  legRecords: EncodedTexts;
  tagCalls: number[];
  tags: string[];
  termCalls: number[];
  terms: string[];
  participantCalls: number[];
  /** Agent extensions (see agentExtensionsOf). */
  participants: string[];
  filterValueCalls: number[];
  /** Positions in `distinctFilterValues`. */
  filterValues: number[];
  distinctFilterValues: FilterValuesTable[];
};

/**
 * Texts as one UTF-8 buffer and where each ends. Long texts cross threads far faster this way
 * (the buffer is transferred, not copied), and SQLite stores UTF-8 anyway: each is bound as a
 * blob view of the buffer and cast to TEXT, never decoded back into a JavaScript string.
 */
export type EncodedTexts = { bytes: Uint8Array; ends: number[] };

const utf8 = new TextEncoder();

/** Packs texts one by one, so that each can be dropped as soon as it is encoded. */
class TextPacker {
  private bytes = new Uint8Array(1 << 16);
  private end = 0;
  private readonly ends: number[] = [];

  add(text: string): void {
    let encoded = utf8.encodeInto(text, this.bytes.subarray(this.end));
    while (encoded.read < text.length) {
      const larger = new Uint8Array(this.bytes.length * 2 + text.length * 3);
      larger.set(this.bytes.subarray(0, this.end));
      this.bytes = larger;
      encoded = utf8.encodeInto(text, this.bytes.subarray(this.end));
    }
    this.end += encoded.written;
    this.ends.push(this.end);
  }

  finish(): EncodedTexts {
    return { bytes: this.bytes.subarray(0, this.end), ends: this.ends };
  }
}

function encodedText({ bytes, ends }: EncodedTexts, index: number): Buffer {
  const start = index === 0 ? 0 : ends[index - 1]!;
  return Buffer.from(bytes.buffer, bytes.byteOffset + start, ends[index]! - start);
}

/** The buffers a prepared batch can hand to another thread without copying them. */
export function transferablesOf(prepared: PreparedCalls): ArrayBuffer[] {
  return [prepared.records.bytes.buffer, prepared.legRecords.bytes.buffer] as ArrayBuffer[];
}

/** Calls per round of statements, so that no statement reads more than a few megabytes. */
const CALLS_PER_STATEMENT = 5_000;

/**
 * The projected columns, in the order of a prepared row. A Record, so that a column added to
 * the projection but not here fails to compile instead of going unsaved.
 */
const CALL_COLUMNS = Object.keys({
  transaction_id: true,
  tenant_id: true,
  direction: true,
  status: true,
  time_start_call: true,
  duration: true,
  bill_sec: true,
  answer_sec: true,
  call_out_price: true,
  sip_user: true,
  sip_number: true,
  provider: true,
  hangup_cause: true,
  has_recording: true,
  is_auto_call: true,
  out_of_working_time: true,
  agents_rung: true,
  is_transferred: true,
  last_updated_date: true,
} satisfies Record<keyof ProjectedCall, true>) as (keyof ProjectedCall)[];

/** Projects, serializes and indexes calls, keeping the newest version of each transaction. */
export function prepareCalls(calls: readonly CallToWrite[]): PreparedCalls {
  // The same call twice: keep its newest version, as the upsert would.
  const newestByTransaction = new Map<string, CallToWrite>();
  for (const entry of calls) {
    const seen = newestByTransaction.get(entry.call.transaction_id);
    if (
      !seen ||
      toUnixMilliseconds(seen.call.last_updated_date) <=
        toUnixMilliseconds(entry.call.last_updated_date)
    ) {
      newestByTransaction.set(entry.call.transaction_id, entry);
    }
  }
  const builder = new PreparedCallsBuilder();
  for (const entry of newestByTransaction.values()) builder.add(entry);
  return { ...builder.finish(), received: calls.length };
}

/**
 * Prepares calls one at a time, for a producer that streams them (the seeder): each call can
 * be dropped as soon as it is added, instead of a whole batch of them outliving the young
 * generation of the garbage collector. Its calls must have distinct transaction ids.
 */
export class PreparedCallsBuilder {
  private readonly transactionIds: string[] = [];
  private readonly seen = new Set<string>();
  private readonly rows: string[] = [];
  private readonly lastUpdatedDates: number[] = [];
  private readonly records = new TextPacker();
  private readonly legs = { calls: [] as number[], indexes: [] as number[], types: [] as string[] };
  private readonly legRecords = new TextPacker();
  private readonly tags = { calls: [] as number[], values: [] as string[] };
  private readonly terms = { calls: [] as number[], values: [] as string[] };
  private readonly participants = { calls: [] as number[], values: [] as string[] };
  private readonly filterValues = { calls: [] as number[], positions: [] as number[] };
  private readonly distinctFilterValues: FilterValuesTable[] = [];
  private readonly filterValuePositions = new Map<string, number>();

  get size(): number {
    return this.transactionIds.length;
  }

  add(entry: CallToWrite): void {
    const { call } = entry;
    if (this.seen.has(call.transaction_id)) {
      throw new Error(`Call ${call.transaction_id} was added twice to one batch`);
    }
    this.seen.add(call.transaction_id);
    const position = this.transactionIds.push(call.transaction_id) - 1;
    const projected = projectCall(entry);
    this.rows.push(JSON.stringify(CALL_COLUMNS.map((column) => projected[column])));
    this.lastUpdatedDates.push(projected.last_updated_date);
    this.records.add(JSON.stringify(call));
    for (const leg of entry.legs) {
      this.legs.calls.push(position);
      this.legs.indexes.push(leg.index);
      this.legs.types.push(leg.type);
      this.legRecords.add(JSON.stringify(leg));
    }
    for (const tag of new Set(call.tag)) {
      this.tags.calls.push(position);
      this.tags.values.push(tag);
    }
    for (const term of searchTermsOf(call)) {
      this.terms.calls.push(position);
      this.terms.values.push(term);
    }
    for (const extension of agentExtensionsOf(call, entry.legs)) {
      this.participants.calls.push(position);
      this.participants.values.push(extension);
    }
    for (const value of filterValuesOf(entry)) {
      const key = `${value.tenant_id}\u0000${value.kind}\u0000${value.value}\u0000${value.label ?? ""}`;
      let distinct = this.filterValuePositions.get(key);
      if (distinct === undefined) {
        distinct = this.distinctFilterValues.push(value) - 1;
        this.filterValuePositions.set(key, distinct);
      }
      this.filterValues.calls.push(position);
      this.filterValues.positions.push(distinct);
    }
  }

  finish(): PreparedCalls {
    return {
      received: this.size,
      transactionIds: this.transactionIds,
      rowsJson: `[${this.rows.join(",")}]`,
      lastUpdatedDates: this.lastUpdatedDates,
      records: this.records.finish(),
      legCalls: this.legs.calls,
      legIndexes: this.legs.indexes,
      legTypes: this.legs.types,
      legRecords: this.legRecords.finish(),
      tagCalls: this.tags.calls,
      tags: this.tags.values,
      termCalls: this.terms.calls,
      terms: this.terms.values,
      participantCalls: this.participants.calls,
      participants: this.participants.values,
      filterValueCalls: this.filterValues.calls,
      filterValues: this.filterValues.positions,
      distinctFilterValues: this.distinctFilterValues,
    };
  }
}

/**
 * Upserts calls by transaction_id in one transaction. A version older than the stored one
 * (by last_updated_date) is skipped: the vendor resends and deliveries arrive out of order.
 */
export async function writeCalls(
  db: Kysely<StoreDatabase>,
  calls: readonly CallToWrite[],
): Promise<WriteResult> {
  if (calls.length === 0) return { written: 0, skippedAsOlder: 0 };
  return db.transaction().execute(async (trx) => {
    let written = 0;
    for (const part of chunk(calls, CALLS_PER_STATEMENT)) {
      written += await writePrepared(trx, prepareCalls(part));
    }
    return { written, skippedAsOlder: calls.length - written };
  });
}

/** writeCalls for a batch prepared beforehand, possibly in another thread. */
export async function writePreparedCalls(
  db: Kysely<StoreDatabase>,
  prepared: PreparedCalls,
): Promise<WriteResult> {
  if (prepared.received === 0) return { written: 0, skippedAsOlder: 0 };
  const written = await db.transaction().execute((trx) => writePrepared(trx, prepared));
  return { written, skippedAsOlder: prepared.received - written };
}

/*
 * Bulk statements are written as SQL text, not with the query builder: building, compiling and
 * preparing a builder query of thousands of values costs more than SQLite needs to insert them.
 * Rows of small values go as one JSON array in a single parameter, read with jsonb_each
 * (PostgreSQL: jsonb_array_elements). Rows with long texts (vendor records) go as bound values
 * of a multi-row VALUES, which spares escaping them into JSON and SQLite unescaping them.
 */
const callColumns = CALL_COLUMNS.join(", ");
const UPSERT_CALLS = `
  INSERT INTO calls (${callColumns})
  SELECT ${CALL_COLUMNS.map((_, index) => `value ->> ${index}`).join(", ")}
  FROM jsonb_each(?) WHERE true
  ON CONFLICT (transaction_id) DO UPDATE SET
    ${CALL_COLUMNS.filter((column) => column !== "transaction_id")
      .map((column) => `${column} = excluded.${column}`)
      .join(", ")}
  WHERE excluded.last_updated_date >= calls.last_updated_date`;
/*
 * After the upsert, which row each call is. RETURNING would say, but costs more than the rest
 * of the upsert; the rows inserted are those above the previous largest id, and when some calls
 * were already stored, the ones written are those that now carry the batch's version.
 */
const INSERTED_CALLS = "SELECT id, transaction_id FROM calls WHERE id > ?";
const STORED_CALLS = `
  SELECT id, transaction_id, last_updated_date FROM calls
  WHERE transaction_id IN (SELECT value FROM jsonb_each(?))`;
const IDS = "(SELECT value FROM jsonb_each(?))";
/** New terms get an id (and, by trigger, their trigram index entry); known ones keep theirs. */
const INSERT_TERMS = `
  INSERT INTO search_terms (term) SELECT value FROM jsonb_each(?) WHERE true
  ON CONFLICT (term) DO NOTHING`;
const LINK_TERMS = `
  INSERT INTO call_terms (term_id, call_id)
  SELECT search_terms.id, link.value ->> 1
  FROM jsonb_each(?) AS link
  CROSS JOIN search_terms ON search_terms.term = link.value ->> 0`;

/** SQLite's default cap on the values one statement binds is 32 766. */
const MAX_BOUND_VALUES = 32_766;
const valuesStatements = new Map<string, string>();

/** INSERT … VALUES of rows like `row` ("(?, ?)"), in as many statements as the values need. */
async function insertValues(
  trx: Transaction<StoreDatabase>,
  into: string,
  row: string,
  values: readonly unknown[],
  onConflict = "",
): Promise<void> {
  const width = row.split("?").length - 1;
  const rowsPerStatement = Math.min(500, Math.floor(MAX_BOUND_VALUES / width));
  for (let start = 0; start < values.length; start += rowsPerStatement * width) {
    const part = values.slice(start, start + rowsPerStatement * width);
    const rows = part.length / width;
    const key = `${into}|${rows}`;
    let statement = valuesStatements.get(key);
    if (!statement) {
      statement = `INSERT INTO ${into} VALUES ${Array.from({ length: rows }, () => row).join(", ")} ${onConflict}`;
      // Full-size statements come back batch after batch; odd-sized tails are not worth keeping.
      if (rows === rowsPerStatement) valuesStatements.set(key, statement);
    }
    await trx.executeQuery(CompiledQuery.raw(statement, part));
  }
}

async function writePrepared(
  trx: Transaction<StoreDatabase>,
  prepared: PreparedCalls,
): Promise<number> {
  if (prepared.transactionIds.length === 0) return 0;
  const { rows: before } = await trx.executeQuery<{ max_id: number | null }>(
    CompiledQuery.raw("SELECT max(id) AS max_id FROM calls"),
  );
  const previousMaxId = before[0]?.max_id ?? 0;
  const { numAffectedRows } = await trx.executeQuery(
    CompiledQuery.raw(UPSERT_CALLS, [prepared.rowsJson]),
  );
  const written = Number(numAffectedRows ?? 0);
  if (written === 0) return 0;

  const idByTransaction = new Map<string, number>();
  // Calls that were stored already and have been updated: their legs, tags and terms go.
  const replaced: number[] = [];
  const { rows: inserted } = await trx.executeQuery<{ id: number; transaction_id: string }>(
    CompiledQuery.raw(INSERTED_CALLS, [previousMaxId]),
  );
  if (inserted.length === prepared.transactionIds.length) {
    for (const row of inserted) idByTransaction.set(row.transaction_id, row.id);
  } else {
    const version = new Map(
      prepared.transactionIds.map((id, position) => [id, prepared.lastUpdatedDates[position]]),
    );
    const { rows: stored } = await trx.executeQuery<{
      id: number;
      transaction_id: string;
      last_updated_date: number;
    }>(CompiledQuery.raw(STORED_CALLS, [JSON.stringify(prepared.transactionIds)]));
    for (const row of stored) {
      if (row.last_updated_date !== version.get(row.transaction_id)) continue;
      idByTransaction.set(row.transaction_id, row.id);
      if (row.id <= previousMaxId) replaced.push(row.id);
    }
  }
  if (replaced.length > 0) {
    const ids = [JSON.stringify(replaced)];
    for (const table of ["call_legs", "call_tags", "call_terms", "call_participants"]) {
      await trx.executeQuery(
        CompiledQuery.raw(`DELETE FROM ${table} WHERE call_id IN ${IDS}`, ids),
      );
    }
  }

  // The id of each prepared call, or undefined where an older version was skipped.
  const ids = prepared.transactionIds.map((transactionId) => idByTransaction.get(transactionId));

  const records: unknown[] = [];
  ids.forEach((callId, position) => {
    if (callId !== undefined) records.push(callId, encodedText(prepared.records, position));
  });
  const legs: unknown[] = [];
  prepared.legCalls.forEach((position, entry) => {
    const callId = ids[position];
    if (callId === undefined) return;
    const record = encodedText(prepared.legRecords, entry);
    legs.push(callId, prepared.legIndexes[entry], prepared.legTypes[entry], record);
  });
  const tags: unknown[] = [];
  prepared.tags.forEach((tag, entry) => {
    const callId = ids[prepared.tagCalls[entry]!];
    if (callId !== undefined) tags.push(callId, tag);
  });
  const participants: unknown[] = [];
  prepared.participants.forEach((extension, entry) => {
    const callId = ids[prepared.participantCalls[entry]!];
    if (callId !== undefined) participants.push(extension, callId);
  });
  const terms = new Set<string>();
  const termLinks: [string, number][] = [];
  prepared.terms.forEach((term, entry) => {
    const callId = ids[prepared.termCalls[entry]!];
    if (callId === undefined) return;
    terms.add(term);
    termLinks.push([term, callId]);
  });
  const filterValues = new Map<string, FilterValuesTable>();
  prepared.filterValues.forEach((distinct, entry) => {
    if (ids[prepared.filterValueCalls[entry]!] === undefined) return;
    const value = prepared.distinctFilterValues[distinct]!;
    const key = `${value.tenant_id}\u0000${value.kind}\u0000${value.value}`;
    if (!filterValues.has(key) || value.label) filterValues.set(key, value);
  });

  await insertValues(
    trx,
    "call_records (call_id, record)",
    "(?, CAST(? AS TEXT))",
    records,
    "ON CONFLICT (call_id) DO UPDATE SET record = excluded.record",
  );
  await insertValues(
    trx,
    "call_legs (call_id, leg_index, type, record)",
    "(?, ?, ?, CAST(? AS TEXT))",
    legs,
  );
  await insertValues(trx, "call_tags (call_id, tag)", "(?, ?)", tags);
  await insertValues(trx, "call_participants (sip_user, call_id)", "(?, ?)", participants);
  if (terms.size > 0) {
    await trx.executeQuery(CompiledQuery.raw(INSERT_TERMS, [JSON.stringify([...terms])]));
    await trx.executeQuery(CompiledQuery.raw(LINK_TERMS, [JSON.stringify(termLinks)]));
  }
  await upsertFilterValues(trx, [...filterValues.values()]);
  return written;
}

/** Adds filter values; a known label is kept unless a new one is given. */
export async function upsertFilterValues(
  db: Kysely<StoreDatabase>,
  values: readonly FilterValuesTable[],
): Promise<void> {
  for (const part of chunk(values, 3000)) {
    await db
      .insertInto("filter_values")
      .values(part)
      .onConflict((conflict) =>
        conflict.columns(["tenant_id", "kind", "value"]).doUpdateSet((excluded) => ({
          label: (eb) =>
            eb.fn.coalesce(excluded.ref("excluded.label"), eb.ref("filter_values.label")),
        })),
      )
      .execute();
  }
}
