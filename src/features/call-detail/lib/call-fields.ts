/**
 * Every field of a call, in the groups supervisors read them by. The table below names each
 * field the contract knows (TypeScript insists: a field added to the contract must be placed
 * here); anything else the API sends (the vendor adds fields; the schemas are loose and keep
 * them) is collected under "more" rather than dropped, including unknown fields inside the
 * nested customer, creator and staff objects and beside the envelope's payload.
 */
import type {
  CallDetailEnvelope,
  CallListItem,
  callCreatorSchema,
  callCustomerSchema,
  callListItemSchema,
} from "@/contract/call.ts";

export const FIELD_GROUPS = [
  "overview",
  "customer",
  "agent",
  "routing",
  "billing",
  "hangup",
  "technical",
] as const;
export type FieldGroup = (typeof FIELD_GROUPS)[number];

/** How a value is shown. */
export type FieldKind =
  | "text"
  | "code"
  | "timestamp"
  | "seconds"
  | "price"
  | "phone"
  | "boolean"
  | "direction"
  | "status"
  | "endedBy"
  | "creatorName"
  | "hangupCause"
  | "tags"
  | "staff"
  | "transfers"
  | "json";

type CallKey = keyof typeof callListItemSchema.shape;
type CustomerKey = keyof typeof callCustomerSchema.shape;
type CreatorKey = keyof typeof callCreatorSchema.shape;

export type FieldKey =
  | Exclude<CallKey, "customer" | "create_by">
  | `customer.${CustomerKey}`
  | `create_by.${CreatorKey}`;

type FieldSpec = { group: FieldGroup; kind: FieldKind };
const field = (group: FieldGroup, kind: FieldKind = "text"): FieldSpec => ({ group, kind });

/** In display order within each group. */
export const CALL_FIELDS: { readonly [Key in FieldKey]: FieldSpec } = {
  transaction_id: field("overview", "code"),
  status: field("overview", "status"),
  direction: field("overview", "direction"),
  time_start_call: field("overview", "timestamp"),
  time_end_call: field("overview", "timestamp"),
  duration: field("overview", "seconds"),
  note: field("overview"),
  tag: field("overview", "tags"),
  is_auto_call: field("overview", "boolean"),
  autocall_id: field("overview", "code"),
  autocall_uuid: field("overview", "code"),
  out_of_working_time: field("overview", "boolean"),
  created_date: field("overview", "timestamp"),
  last_updated_date: field("overview", "timestamp"),

  "customer.full_name": field("customer"),
  "customer.full_name_unsigned": field("customer"),
  phone_number: field("customer", "phone"),
  provider: field("customer"),

  sip_user: field("agent", "code"),
  user: field("agent", "staff"),
  "create_by.name": field("agent", "creatorName"),
  "create_by.type": field("agent"),
  "create_by.id": field("agent", "code"),
  "create_by.contact_id": field("agent", "code"),
  "create_by.uuid": field("agent", "code"),
  "create_by.avatar": field("agent"),
  "create_by.gender": field("agent"),

  source_number: field("routing", "phone"),
  destination_number: field("routing", "phone"),
  sip_number: field("routing", "phone"),
  hotline: field("routing", "phone"),
  from_number: field("routing", "phone"),
  to_number: field("routing", "phone"),
  ivr: field("routing"),
  agents_rung: field("routing"),
  is_transferred: field("routing", "boolean"),
  transfer_histories: field("routing", "transfers"),
  time_start_to_answer: field("routing", "timestamp"),
  answer_sec: field("routing", "seconds"),
  is_have_forward_out: field("routing", "boolean"),
  internal_destination: field("routing", "json"),
  is_voicemail: field("routing", "boolean"),
  sip_number_tags: field("routing", "json"),

  bill_sec: field("billing", "seconds"),
  call_out_price: field("billing", "price"),
  bill_sec_forward_out: field("billing", "seconds"),

  endby_name: field("hangup", "endedBy"),
  hangup_cause: field("hangup", "hangupCause"),
  hangup_cause_q850: field("hangup"),
  sip_hangup_disposition: field("hangup", "code"),
  invite_failure_status: field("hangup"),

  tenant_id: field("technical", "code"),
  domain_fusion: field("technical", "code"),
  call_uuid: field("technical", "code"),
  state: field("technical"),
  record_seconds: field("technical", "seconds"),
  recording_file: field("technical", "code"),
  recording_file_url: field("technical", "code"),
  recording_file_voicemail: field("technical", "code"),
  recording_data: field("technical", "json"),
  user_data_str: field("technical", "code"),
  user_ref_code: field("technical", "code"),
  send_num_retry: field("technical"),
  evaluations: field("technical", "json"),
  total_evaluate: field("technical", "json"),
  classifies: field("technical", "json"),
  collect_info_variables: field("technical", "json"),
};

export type KnownField = { key: FieldKey; kind: FieldKind; value: unknown };
/** A field the contract does not know: its path as sent (`payload.x`, `customer.y`, …). */
export type ExtraField = { path: string; value: unknown };

export type GroupedFields = {
  groups: { group: FieldGroup; fields: KnownField[] }[];
  more: ExtraField[];
};

const KNOWN_TOP_LEVEL = new Set<string>([
  ...Object.keys(CALL_FIELDS).filter((key) => !key.includes(".")),
  "customer",
  "create_by",
]);
const CUSTOMER_KEYS = new Set(["full_name", "full_name_unsigned"]);
const CREATOR_KEYS = new Set(["id", "name", "contact_id", "avatar", "gender", "uuid", "type"]);
const STAFF_KEYS = new Set(["full_name", "full_name_unsigned", "note", "tag"]);
const ENVELOPE_KEYS = new Set([
  "instance_id",
  "instance_version",
  "key_enabled",
  "status_code",
  "payload",
  "call_stacks",
]);

function fieldValue(call: CallListItem, key: FieldKey): unknown {
  if (key.startsWith("customer.")) {
    return call.customer?.[key.slice("customer.".length) as CustomerKey] ?? null;
  }
  if (key.startsWith("create_by.")) {
    return call.create_by?.[key.slice("create_by.".length) as CreatorKey] ?? null;
  }
  return call[key as CallKey];
}

function extrasOf(
  object: Record<string, unknown> | null | undefined,
  known: ReadonlySet<string>,
  prefix: string,
): ExtraField[] {
  if (!object) return [];
  return Object.entries(object)
    .filter(([key]) => !known.has(key))
    .map(([key, value]) => ({ path: `${prefix}${key}`, value }));
}

export function groupCallFields(
  call: CallListItem,
  envelope?: Pick<CallDetailEnvelope, "payload"> & Record<string, unknown>,
): GroupedFields {
  const groups = FIELD_GROUPS.map((group) => ({ group, fields: [] as KnownField[] }));
  for (const [key, spec] of Object.entries(CALL_FIELDS) as [FieldKey, FieldSpec][]) {
    groups
      .find((entry) => entry.group === spec.group)
      ?.fields.push({ key, kind: spec.kind, value: fieldValue(call, key) });
  }
  const more: ExtraField[] = [
    ...extrasOf(call, KNOWN_TOP_LEVEL, ""),
    ...extrasOf(call.customer, CUSTOMER_KEYS, "customer."),
    ...extrasOf(call.create_by, CREATOR_KEYS, "create_by."),
    ...call.user.flatMap((person, index) => extrasOf(person, STAFF_KEYS, `user[${index}].`)),
    ...extrasOf(envelope, ENVELOPE_KEYS, "envelope."),
  ];
  return { groups, more };
}

/** Null, undefined, empty strings and empty lists all read as "nothing": shown as "—". */
export function isEmptyValue(value: unknown): boolean {
  return (
    value === null ||
    value === undefined ||
    (typeof value === "string" && value.trim() === "") ||
    (Array.isArray(value) && value.length === 0)
  );
}
