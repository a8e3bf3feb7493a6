/** Kysely's view of the call store's tables (see migrations.ts for how they are made). */
import type { Generated } from "kysely";
import type { UserRole } from "@/contract/session.ts";

export interface CallsTable {
  id: Generated<number>;
  transaction_id: string;
  tenant_id: string;
  direction: string;
  status: string;
  /** Unix seconds, normalized (the vendor sometimes sends milliseconds). */
  time_start_call: number;
  duration: number;
  bill_sec: number;
  answer_sec: number;
  call_out_price: number;
  sip_user: string | null;
  sip_number: string | null;
  provider: string | null;
  hangup_cause: string | null;
  has_recording: number;
  is_auto_call: number;
  out_of_working_time: number;
  agents_rung: number;
  is_transferred: number;
  last_updated_date: number;
}

/**
 * The vendor's complete record as JSON, so no field is ever lost. Kept apart from `calls` so
 * that rows scanned by filters stay narrow (~100 bytes, not ~2 kB).
 */
export interface CallRecordsTable {
  call_id: number;
  record: string;
}

export interface CallLegsTable {
  call_id: number;
  leg_index: number;
  type: string;
  /** The vendor's complete leg as JSON. */
  record: string;
}

export interface CallTagsTable {
  call_id: number;
  tag: string;
}

/** Values the filter controls offer, kept up to date as calls are written. */
export interface FilterValuesTable {
  tenant_id: string;
  kind: string;
  value: string;
  label: string | null;
}

export interface SearchTermsTable {
  id: Generated<number>;
  /** A folded phone number or name (see foldDiacritics). */
  term: string;
}

/** The external-content FTS5 index over search_terms (rowid = search_terms.id). */
export interface SearchTermsFtsTable {
  rowid: number;
  term: string;
}

export interface CallTermsTable {
  term_id: number;
  call_id: number;
}

/** The connector's progress per upstream (see migrations.ts, 0002_sync_state). */
export interface SyncStateTable {
  /** Which upstream: "omicall:" and its base URL. */
  source: string;
  /** Calls created before this (unix ms) are in the store; the next sync starts a bit earlier. */
  synced_until_ms: number | null;
  /** The sync in progress, as JSON (server/connector/sync-state.ts); null between syncs. */
  checkpoint: string | null;
  lease_owner: string | null;
  lease_expires_at: number | null;
  last_started_at: number | null;
  last_finished_at: number | null;
  last_error: string | null;
  updated_at: number;
}

/** A call in progress, from the vendor's live webhooks (see migrations.ts, 0003_live_calls). */
export interface LiveCallsTable {
  call_uuid: string;
  state: string;
  direction: string | null;
  from_number: string | null;
  to_number: string | null;
  hotline: string | null;
  /** The event's own time (the webhook's date_time), unix ms: orders out-of-order deliveries. */
  event_time_ms: number;
  /** When we received it, unix ms: stale rows are pruned by it. */
  received_at: number;
  /** The webhook body as JSON. */
  record: string;
}

/** Which agent extensions answered or were rung on a call: what an agent may see. */
export interface CallParticipantsTable {
  sip_user: string;
  call_id: number;
}

export interface TenantsTable {
  /** The vendor's tenant id, as on each call. */
  id: string;
  name: string | null;
}

export interface UsersTable {
  id: Generated<number>;
  tenant_id: string;
  /** Stored lower-case: sign-in is case-insensitive on the username. */
  username: string;
  display_name: string | null;
  /** scrypt, self-describing (see server/auth/passwords.ts). */
  password_hash: string;
  role: UserRole;
  /** The agent's extension: which calls an agent sees. */
  sip_user: string | null;
  created_at: number;
  updated_at: number;
}

export interface SessionsTable {
  /** SHA-256 of the cookie's token, hex. */
  token_hash: string;
  user_id: number;
  created_at: number;
  last_seen_at: number;
  /** Unix ms. */
  expires_at: number;
}

/** Calls per tenant, kept by triggers on calls (0005). */
export interface TenantCallCountsTable {
  tenant_id: string;
  calls: number;
}

export interface StoreDatabase {
  calls: CallsTable;
  call_records: CallRecordsTable;
  call_legs: CallLegsTable;
  call_tags: CallTagsTable;
  filter_values: FilterValuesTable;
  search_terms: SearchTermsTable;
  search_terms_fts: SearchTermsFtsTable;
  call_terms: CallTermsTable;
  sync_state: SyncStateTable;
  live_calls: LiveCallsTable;
  call_participants: CallParticipantsTable;
  tenants: TenantsTable;
  users: UsersTable;
  sessions: SessionsTable;
  tenant_call_counts: TenantCallCountsTable;
}
