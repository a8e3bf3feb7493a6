/**
 * Writes calls into the store: the demo seeder, the connector's sync and the webhook all come
 * through here, so every call is projected, indexed and upserted the same way.
 */
import type { Kysely, Transaction } from "kysely";
import { type Call, type CallLeg, NO_AGENT_CREATOR_NAME } from "@/contract/call.ts";
import {
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

/** SQLite allows 32 766 bound values a statement; 400 calls × 21 columns stays well inside. */
const ROWS_PER_STATEMENT = 400;

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
    const folded = name ? foldDiacritics(name).replace(/\s+/g, " ").trim() : "";
    if (folded) terms.add(folded);
  }
  return terms;
}

function filterValuesOf({ call }: CallToWrite): FilterValuesTable[] {
  const values: FilterValuesTable[] = [];
  if (call.sip_user) values.push({ kind: "agent", value: call.sip_user, label: agentNameOf(call) });
  if (call.sip_number) values.push({ kind: "hotline", value: call.sip_number, label: null });
  if (call.provider) values.push({ kind: "provider", value: call.provider, label: null });
  if (call.hangup_cause)
    values.push({ kind: "hangup_cause", value: call.hangup_cause, label: null });
  for (const tag of call.tag) values.push({ kind: "tag", value: tag, label: null });
  return values;
}

function chunk<T>(items: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let start = 0; start < items.length; start += size)
    chunks.push(items.slice(start, start + size));
  return chunks;
}

export type WriteResult = { written: number; skippedAsOlder: number };

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
    for (const batch of chunk(calls, ROWS_PER_STATEMENT)) {
      written += await writeBatch(trx, batch);
    }
    return { written, skippedAsOlder: calls.length - written };
  });
}

async function writeBatch(trx: Transaction<StoreDatabase>, batch: CallToWrite[]): Promise<number> {
  // The same call twice in one batch: keep its newest version, as the upsert would.
  const newestByTransaction = new Map<string, CallToWrite>();
  for (const entry of batch) {
    const seen = newestByTransaction.get(entry.call.transaction_id);
    if (
      !seen ||
      toUnixMilliseconds(seen.call.last_updated_date) <=
        toUnixMilliseconds(entry.call.last_updated_date)
    ) {
      newestByTransaction.set(entry.call.transaction_id, entry);
    }
  }
  const entries = [...newestByTransaction.values()];
  const rows = entries.map(projectCall);

  const upserted = await trx
    .insertInto("calls")
    .values(rows)
    .onConflict((conflict) =>
      conflict
        .column("transaction_id")
        .doUpdateSet((excluded) => {
          const { transaction_id: _key, ...updatable } = rows[0]!;
          return Object.fromEntries(
            Object.keys(updatable).map((column) => [
              column,
              excluded.ref(`excluded.${column}` as "excluded.status"),
            ]),
          );
        })
        .where((eb) => eb("excluded.last_updated_date", ">=", eb.ref("calls.last_updated_date"))),
    )
    .returning(["id", "transaction_id"])
    .execute();
  if (upserted.length === 0) return 0;

  const idByTransaction = new Map(upserted.map((row) => [row.transaction_id, row.id]));
  const ids = upserted.map((row) => row.id);
  await trx.deleteFrom("call_legs").where("call_id", "in", ids).execute();
  await trx.deleteFrom("call_tags").where("call_id", "in", ids).execute();
  await trx.deleteFrom("call_terms").where("call_id", "in", ids).execute();

  const records = [];
  const legs = [];
  const tags = [];
  const termsByCall = new Map<number, Set<string>>();
  const filterValues = new Map<string, FilterValuesTable>();
  for (const entry of entries) {
    const callId = idByTransaction.get(entry.call.transaction_id);
    if (callId === undefined) continue;
    records.push({ call_id: callId, record: JSON.stringify(entry.call) });
    for (const leg of entry.legs) {
      legs.push({
        call_id: callId,
        leg_index: leg.index,
        type: leg.type,
        record: JSON.stringify(leg),
      });
    }
    for (const tag of new Set(entry.call.tag)) tags.push({ call_id: callId, tag });
    termsByCall.set(callId, searchTermsOf(entry.call));
    for (const value of filterValuesOf(entry)) {
      const key = `${value.kind}\u0000${value.value}`;
      if (!filterValues.has(key) || value.label) filterValues.set(key, value);
    }
  }
  for (const part of chunk(records, 5000)) {
    await trx
      .insertInto("call_records")
      .values(part)
      .onConflict((conflict) =>
        conflict
          .column("call_id")
          .doUpdateSet((excluded) => ({ record: excluded.ref("excluded.record") })),
      )
      .execute();
  }
  for (const part of chunk(legs, 2000)) await trx.insertInto("call_legs").values(part).execute();
  for (const part of chunk(tags, 5000)) await trx.insertInto("call_tags").values(part).execute();
  await writeSearchTerms(trx, termsByCall);
  await upsertFilterValues(trx, [...filterValues.values()]);
  return upserted.length;
}

async function writeSearchTerms(
  trx: Transaction<StoreDatabase>,
  termsByCall: Map<number, Set<string>>,
) {
  const distinct = [...new Set([...termsByCall.values()].flatMap((terms) => [...terms]))];
  const idByTerm = new Map<string, number>();
  for (const part of chunk(distinct, 5000)) {
    await trx
      .insertInto("search_terms")
      .values(part.map((term) => ({ term })))
      .onConflict((conflict) => conflict.column("term").doNothing())
      .execute();
    const rows = await trx
      .selectFrom("search_terms")
      .select(["id", "term"])
      .where("term", "in", part)
      .execute();
    for (const row of rows) idByTerm.set(row.term, row.id);
  }
  const links = [...termsByCall].flatMap(([callId, terms]) =>
    [...terms].map((term) => ({ term_id: idByTerm.get(term)!, call_id: callId })),
  );
  for (const part of chunk(links, 10000)) await trx.insertInto("call_terms").values(part).execute();
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
        conflict.columns(["kind", "value"]).doUpdateSet((excluded) => ({
          label: (eb) =>
            eb.fn.coalesce(excluded.ref("excluded.label"), eb.ref("filter_values.label")),
        })),
      )
      .execute();
  }
}
