/**
 * The call contract: the one definition of what the call API sends, shared by the SPA and the
 * dashboard server so the two cannot drift.
 *
 * Shapes follow OMICall's v1 history API (../shared/seed/call-history-api.txt, explained in
 * ../shared/docs/data-dictionary.md). Fields are nullable exactly where the seed or the data
 * dictionary shows nulls; objects are loose so fields the vendor adds later pass through instead
 * of being dropped (the drawer lists them under "more").
 */
import { z } from "zod";

export const CALL_DIRECTIONS = ["outbound", "inbound", "local"] as const;
export const callDirectionSchema = z.enum(CALL_DIRECTIONS);
export type CallDirection = z.infer<typeof callDirectionSchema>;

/** Our derived outcome of a call (not a vendor field): one colour, icon and word each in the UI. */
export const CALL_STATUSES = ["answered", "missed", "voicemail", "busy", "failed"] as const;
export const callStatusSchema = z.enum(CALL_STATUSES);
export type CallStatus = z.infer<typeof callStatusSchema>;

const tagNameSchema = z.looseObject({ name: z.string() });

export const callUserSchema = z.looseObject({
  full_name: z.string().nullable(),
  full_name_unsigned: z.string().nullable(),
  note: z.string().nullable(),
  tag: z.array(tagNameSchema).nullable(),
});
export type CallUser = z.infer<typeof callUserSchema>;

export const callCustomerSchema = z.looseObject({
  full_name: z.string().nullable(),
  full_name_unsigned: z.string().nullable(),
});

export const callCreatorSchema = z.looseObject({
  id: z.string().nullable(),
  name: z.string().nullable(),
  contact_id: z.string().nullable(),
  avatar: z.string().nullable(),
  gender: z.string().nullable(),
  uuid: z.string().nullable(),
  type: z.string().nullable(),
});

/**
 * What we accept as a transaction id in a URL: the vendor's are UUIDs; this also keeps an id safe
 * inside a quoted filename or a log line.
 */
export const TRANSACTION_ID_PATTERN = /^[A-Za-z0-9_.-]{1,64}$/;

/** `create_by.name` when the vendor could not tell which agent made the call. */
export const NO_AGENT_CREATOR_NAME = "create_default_by_tenant";

/** One call as the vendor's history API sends it (list item and detail payload). */
export const callSchema = z.looseObject({
  transaction_id: z.string(),
  tenant_id: z.string(),
  direction: callDirectionSchema,
  source_number: z.string().nullable(),
  destination_number: z.string().nullable(),
  bill_sec: z.number(),
  record_seconds: z.number(),
  time_start_to_answer: z.number().nullable(),
  recording_file: z.string().nullable(),
  recording_file_url: z.string().nullable(),
  recording_data: z.unknown().nullable(),
  sip_user: z.string().nullable(),
  created_date: z.number(),
  last_updated_date: z.number(),
  is_auto_call: z.boolean(),
  ivr: z.string().nullable(),
  provider: z.string().nullable(),
  duration: z.number(),
  user: z.array(callUserSchema),
  customer: callCustomerSchema.nullable(),
  state: z.string().nullable(),
  call_uuid: z.string().nullable(),
  from_number: z.string().nullable(),
  to_number: z.string().nullable(),
  hotline: z.string().nullable(),
  is_have_forward_out: z.boolean(),
  bill_sec_forward_out: z.number(),
  call_out_price: z.number(),
  note: z.string().nullable(),
  tag: z.array(z.string()),
  invite_failure_status: z.union([z.string(), z.number()]).nullable(),
  answer_sec: z.number(),
  autocall_uuid: z.string().nullable(),
  autocall_id: z.string().nullable(),
  sip_number: z.string().nullable(),
  phone_number: z.string().nullable(),
  create_by: callCreatorSchema.nullable(),
  transfer_histories: z.array(z.unknown()),
  user_data_str: z.string().nullable(),
  user_ref_code: z.string().nullable(),
  endby_name: z.string().nullable(),
  hangup_cause: z.string().nullable(),
  sip_hangup_disposition: z.string().nullable(),
  hangup_cause_q850: z.number().nullable(),
  is_voicemail: z.boolean(),
  recording_file_voicemail: z.string().nullable(),
  domain_fusion: z.string().nullable(),
  send_num_retry: z.number(),
  time_start_call: z.number(),
  time_end_call: z.number(),
  out_of_working_time: z.boolean(),
  sip_number_tags: z.array(z.unknown()).nullable(),
  evaluations: z.unknown().nullable(),
  total_evaluate: z.unknown().nullable(),
  internal_destination: z.unknown().nullable(),
  classifies: z.unknown().nullable(),
  collect_info_variables: z.unknown().nullable(),
});
export type Call = z.infer<typeof callSchema>;

/**
 * What our list adds to each vendor record, derived by the server from the record and its legs
 * (the vendor's list has no legs, so the SPA could not derive these itself).
 */
export const callListItemSchema = callSchema.extend({
  status: callStatusSchema,
  agents_rung: z.number().int(),
  is_transferred: z.boolean(),
});
export type CallListItem = z.infer<typeof callListItemSchema>;

/** One leg (call stack): a routing step or one agent being rung. Times are unix seconds. */
export const callLegSchema = z.looseObject({
  from: z.string().nullable(),
  to: z.string().nullable(),
  phone_number: z.string().nullable(),
  type: z.string(),
  at: z.number(),
  ringing_at: z.number().nullable(),
  answer_at: z.number().nullable(),
  bye_at: z.number().nullable(),
  index: z.number().int(),
  is_answer: z.boolean(),
  is_online: z.boolean().nullable(),
  is_busy: z.boolean().nullable(),
  is_dnd: z.boolean().nullable(),
  timeout: z.number().nullable(),
});
export type CallLeg = z.infer<typeof callLegSchema>;

const envelopeFields = {
  instance_id: z.string(),
  instance_version: z.string(),
  key_enabled: z.boolean(),
  status_code: z.literal(9999),
};

export const callListPageSchema = z.looseObject({
  items: z.array(callListItemSchema),
  page_number: z.number().int(),
  page_size: z.number().int(),
  total_items: z.number().int(),
  total_pages: z.number().int(),
  has_next: z.boolean(),
  next_page: z.number().int(),
  has_previous: z.boolean(),
  previous_page: z.number().int(),
  extension: z.unknown().nullable(),
});
export type CallListPage = z.infer<typeof callListPageSchema>;

export const callListEnvelopeSchema = z.looseObject({
  ...envelopeFields,
  payload: callListPageSchema,
});
export type CallListEnvelope = z.infer<typeof callListEnvelopeSchema>;

export const callDetailEnvelopeSchema = z.looseObject({
  ...envelopeFields,
  payload: callListItemSchema,
  call_stacks: z.array(callLegSchema),
});
export type CallDetailEnvelope = z.infer<typeof callDetailEnvelopeSchema>;

/** A failure: `status_code` -9999 and a vendor-style error code in `message`. */
export const apiErrorEnvelopeSchema = z.looseObject({
  instance_id: z.string(),
  instance_version: z.string(),
  key_enabled: z.boolean(),
  status_code: z.literal(-9999),
  message: z.string(),
  payload: z.null(),
  /** Ours: which query parameters were wrong and why, for people reading the error. */
  errors: z.array(z.object({ parameter: z.string(), message: z.string() })).optional(),
});
export type ApiErrorEnvelope = z.infer<typeof apiErrorEnvelopeSchema>;

/**
 * The seed's vendor samples (no `status`, `agents_rung`, …) parse with these, for fixtures and for
 * the connector that reads the vendor itself.
 */
export const vendorCallListEnvelopeSchema = callListEnvelopeSchema.extend({
  payload: callListPageSchema.extend({ items: z.array(callSchema) }),
});
export const vendorCallDetailEnvelopeSchema = callDetailEnvelopeSchema.extend({
  payload: callSchema,
});
