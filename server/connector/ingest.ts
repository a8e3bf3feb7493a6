/**
 * Writes vendor calls into the store for the sync and the webhook, on top of writeCalls (one
 * transaction, upsert by transaction_id, an older last_updated_date never wins).
 *
 * What this adds: "legs unknown" is not "no legs". The list and the end-of-call webhook carry no
 * call_stacks; writing such a record as it is would replace the legs a detail fetch stored
 * earlier with none. A record whose legs are unknown (null) keeps the stored ones.
 */
import type { Kysely } from "kysely";
import { type Call, type CallLeg, callLegSchema } from "@/contract/call.ts";
import { toUnixMilliseconds } from "@/contract/call-derivations.ts";
import { type WriteResult, writeCalls } from "../store/call-writer.ts";
import type { StoreDatabase } from "../store/schema.ts";

export type CallToIngest = { call: Call; legs: CallLeg[] | null };

export type StoredVersion = { lastUpdatedMs: number; legCount: number };

/** SQLite's default cap on bound values is 32 766; stay far below it. */
const IDS_PER_QUERY = 500;

/** What the store holds of these calls: version (last_updated_date, ms) and leg count. */
export async function storedVersions(
  db: Kysely<StoreDatabase>,
  transactionIds: readonly string[],
): Promise<Map<string, StoredVersion>> {
  const versions = new Map<string, StoredVersion>();
  for (let start = 0; start < transactionIds.length; start += IDS_PER_QUERY) {
    const ids = transactionIds.slice(start, start + IDS_PER_QUERY);
    if (ids.length === 0) continue;
    const rows = await db
      .selectFrom("calls")
      .select((eb) => [
        "calls.transaction_id",
        "calls.last_updated_date",
        eb
          .selectFrom("call_legs")
          .select(eb.fn.countAll<number>().as("count"))
          .whereRef("call_legs.call_id", "=", "calls.id")
          .as("leg_count"),
      ])
      .where("calls.transaction_id", "in", ids)
      .execute();
    for (const row of rows) {
      versions.set(row.transaction_id, {
        lastUpdatedMs: row.last_updated_date,
        legCount: Number(row.leg_count ?? 0),
      });
    }
  }
  return versions;
}

async function storedLegs(
  db: Kysely<StoreDatabase>,
  transactionIds: readonly string[],
): Promise<Map<string, CallLeg[]>> {
  const legs = new Map<string, CallLeg[]>();
  for (let start = 0; start < transactionIds.length; start += IDS_PER_QUERY) {
    const ids = transactionIds.slice(start, start + IDS_PER_QUERY);
    if (ids.length === 0) continue;
    const rows = await db
      .selectFrom("call_legs")
      .innerJoin("calls", "calls.id", "call_legs.call_id")
      .select(["calls.transaction_id", "call_legs.record"])
      .where("calls.transaction_id", "in", ids)
      .orderBy("call_legs.call_id")
      .orderBy("call_legs.leg_index")
      .execute();
    for (const row of rows) {
      const parsed = callLegSchema.safeParse(JSON.parse(row.record));
      if (!parsed.success) continue;
      const list = legs.get(row.transaction_id) ?? [];
      list.push(parsed.data);
      legs.set(row.transaction_id, list);
    }
  }
  return legs;
}

/**
 * Upserts the calls in one transaction. Legs given replace the stored ones; legs unknown (null)
 * keep them. Between reading the stored legs and the write another writer may slip in (both in
 * this process, the SQLite connection serializes them): then the newest version still wins and
 * at worst legs known only to that writer are re-fetched by the next sync.
 */
export async function ingestCalls(
  db: Kysely<StoreDatabase>,
  calls: readonly CallToIngest[],
): Promise<WriteResult> {
  const unknownLegs = calls.filter((entry) => entry.legs === null);
  const versions = await storedVersions(
    db,
    unknownLegs.map((entry) => entry.call.transaction_id),
  );
  const carried = await storedLegs(
    db,
    unknownLegs
      .filter((entry) => {
        const stored = versions.get(entry.call.transaction_id);
        return (
          stored !== undefined &&
          stored.legCount > 0 &&
          stored.lastUpdatedMs <= toUnixMilliseconds(entry.call.last_updated_date)
        );
      })
      .map((entry) => entry.call.transaction_id),
  );
  return writeCalls(
    db,
    calls.map((entry) => ({
      call: entry.call,
      legs: entry.legs ?? carried.get(entry.call.transaction_id) ?? [],
    })),
  );
}
