/**
 * Calls in progress, from the vendor's live-call webhooks (ringing, answered, hangup): one row
 * per call, the latest state by the event's own time, so a late delivery of an earlier state
 * never wins. A call leaves when its end-of-call record arrives, or when it is hours old (a
 * record that never came). Showing them is optional; `listLiveCalls` is what a view would read.
 */
import { type Kysely, sql } from "kysely";
import { z } from "zod";
import { callDirectionSchema } from "@/contract/call.ts";
import type { StoreDatabase } from "../store/schema.ts";

export const LIVE_STATES = ["ringing", "answered", "hangup"] as const;

/** The documented live-call webhook; loose, so fields the vendor adds are kept. */
export const liveCallWebhookSchema = z.looseObject({
  call_uuid: z.string().min(1).max(128),
  state: z.enum(LIVE_STATES),
  direction: callDirectionSchema.nullish(),
  from_number: z.string().nullish(),
  to_number: z.string().nullish(),
  hotline: z.string().nullish(),
  /** unix s */
  created_time: z.number().nullish(),
  /** unix ms */
  date_time: z.number().nullish(),
});
export type LiveCallWebhook = z.infer<typeof liveCallWebhookSchema>;

/** Rows older than this are a call whose end-of-call record never came. */
const STALE_AFTER_MS = 6 * 3_600_000;

/** The order of states within one call, for events that share a timestamp. */
const stateRank = (column: string) =>
  sql.raw(`CASE ${column} WHEN 'ringing' THEN 0 WHEN 'answered' THEN 1 ELSE 2 END`);

/** Upserts a live call; an event older than the stored one is ignored. Returns whether stored. */
export async function recordLiveCall(
  db: Kysely<StoreDatabase>,
  event: LiveCallWebhook,
  now = Date.now(),
): Promise<boolean> {
  const eventTime = event.date_time ?? (event.created_time ? event.created_time * 1000 : now);
  const result = await sql<{ call_uuid: string }>`
    INSERT INTO live_calls
      (call_uuid, state, direction, from_number, to_number, hotline, event_time_ms, received_at, record)
    VALUES (${event.call_uuid}, ${event.state}, ${event.direction ?? null}, ${event.from_number ?? null},
      ${event.to_number ?? null}, ${event.hotline ?? null}, ${eventTime}, ${now}, ${JSON.stringify(event)})
    ON CONFLICT (call_uuid) DO UPDATE SET
      state = excluded.state, direction = excluded.direction, from_number = excluded.from_number,
      to_number = excluded.to_number, hotline = excluded.hotline,
      event_time_ms = excluded.event_time_ms, received_at = excluded.received_at,
      record = excluded.record
    WHERE excluded.event_time_ms > live_calls.event_time_ms
      OR (excluded.event_time_ms = live_calls.event_time_ms
        AND ${stateRank("excluded.state")} >= ${stateRank("live_calls.state")})
    RETURNING call_uuid`.execute(db);
  await db
    .deleteFrom("live_calls")
    .where("received_at", "<", now - STALE_AFTER_MS)
    .execute();
  return result.rows.length > 0;
}

/** The end-of-call record arrived: the call is no longer live. */
export async function endLiveCall(db: Kysely<StoreDatabase>, callUuid: string): Promise<void> {
  await db.deleteFrom("live_calls").where("call_uuid", "=", callUuid).execute();
}

export type LiveCall = {
  call_uuid: string;
  state: LiveCallWebhook["state"];
  direction: string | null;
  from_number: string | null;
  to_number: string | null;
  hotline: string | null;
  /** When the latest event happened, unix ms. */
  event_time: number;
};

/** Calls in progress, newest first (hung-up calls stay until their record arrives). */
export async function listLiveCalls(
  db: Kysely<StoreDatabase>,
  now = Date.now(),
): Promise<LiveCall[]> {
  const rows = await db
    .selectFrom("live_calls")
    .selectAll()
    .where("received_at", ">=", now - STALE_AFTER_MS)
    .orderBy("event_time_ms", "desc")
    .execute();
  return rows.map((row) => ({
    call_uuid: row.call_uuid,
    state: row.state as LiveCallWebhook["state"],
    direction: row.direction,
    from_number: row.from_number,
    to_number: row.to_number,
    hotline: row.hotline,
    event_time: row.event_time_ms,
  }));
}
