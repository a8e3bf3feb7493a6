/**
 * Lenient reading of the call API's answers, for the SPA. The strict schemas in `call.ts` stay
 * what the server validates and stores with; a screen, though, should show what it can of an
 * answer that drifted (a vendor update, an older server, a proxy) and say what it could not read,
 * rather than show nothing because one field of one call changed type.
 *
 * Each call and each leg is read on its own, after coercing what can be coerced without guessing:
 * numeric strings to numbers, numbers to strings, "true"/"false"/0/1 to booleans, a missing or
 * unreadable nullable field to null, a missing list to [], timestamps to the unit the contract
 * uses (seconds for call times and legs, milliseconds for created/updated). What still fails the
 * contract makes that one call or leg unreadable, and is reported by field name.
 */
import { z } from "zod";
import {
  type CallDetailEnvelope,
  type CallLeg,
  type CallListItem,
  callLegSchema,
  callListItemSchema,
  callStatusSchema,
} from "./call.ts";
import { countAgentsRung, deriveCallStatus, isTransferred } from "./call-derivations.ts";
import {
  CALL_TIME_UNITS,
  inContractUnits,
  LEG_TIME_UNITS,
  type TimeUnits,
} from "./drift-basics.ts";

type UnknownRecord = Record<string, unknown>;

function isRecord(value: unknown): value is UnknownRecord {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

const NUMERIC = /^-?\d+(\.\d+)?$/;
const BOOLEAN_WORDS = new Map<unknown, boolean>([
  [true, true],
  [false, false],
  ["true", true],
  ["false", false],
  [1, true],
  [0, false],
  ["1", true],
  ["0", false],
]);

/** Brings a value closer to what `schema` expects, where that needs no guess. */
function coerce(value: unknown, schema: z.ZodType): unknown {
  if (schema instanceof z.ZodNullable || schema instanceof z.ZodOptional) {
    if (value === null || value === undefined)
      return schema instanceof z.ZodNullable ? null : value;
    return coerce(value, schema.unwrap() as z.ZodType);
  }
  if (schema instanceof z.ZodNumber) {
    return typeof value === "string" && NUMERIC.test(value.trim()) ? Number(value) : value;
  }
  if (schema instanceof z.ZodString) {
    return typeof value === "number" || typeof value === "boolean" ? String(value) : value;
  }
  if (schema instanceof z.ZodBoolean) return BOOLEAN_WORDS.get(value) ?? value;
  if (schema instanceof z.ZodEnum) {
    const word = typeof value === "string" ? value.trim().toLowerCase() : value;
    return (schema.options as unknown[]).includes(word) ? word : value;
  }
  if (schema instanceof z.ZodArray) {
    if (value === null || value === undefined) return [];
    return Array.isArray(value)
      ? value.map((item) => coerce(item, schema.element as z.ZodType))
      : value;
  }
  if (schema instanceof z.ZodObject && isRecord(value)) {
    const shape = schema.shape as Record<string, z.ZodType>;
    const coerced: UnknownRecord = { ...value };
    for (const [key, fieldSchema] of Object.entries(shape)) {
      const field = coerce(value[key], fieldSchema);
      if (field !== undefined) coerced[key] = field;
    }
    return coerced;
  }
  return value;
}

/** A timestamp as a number: numbers and numeric strings as they are, ISO dates as milliseconds. */
function timestampOf(value: unknown): number | undefined {
  if (typeof value === "number" && Number.isFinite(value) && value > 0) return value;
  if (typeof value === "string" && value.trim() !== "") {
    const trimmed = value.trim();
    const parsed = NUMERIC.test(trimmed) ? Number(trimmed) : Date.parse(trimmed);
    return Number.isFinite(parsed) && parsed > 0 ? parsed : undefined;
  }
  return undefined;
}

/** Timestamps as numbers (ISO dates and numeric strings too), in the unit of each field. */
function normalizeTimes(record: UnknownRecord, units: TimeUnits): UnknownRecord {
  for (const field of [...units.seconds, ...units.milliseconds]) {
    const timestamp = timestampOf(record[field]);
    if (timestamp !== undefined) record[field] = timestamp;
  }
  return inContractUnits(record, units);
}

export type RecordReading<T> =
  | {
      ok: true;
      value: T /** Fields read as null or worked out, because what came was not readable. */;
      repaired: string[];
    }
  | { ok: false /** The fields that made it unreadable. */; fields: string[] };

/**
 * Reads one record with `schema` after coercion; a nullable field that still fails becomes null
 * (and is reported), any other failing field makes the record unreadable.
 */
function readRecord<Schema extends z.ZodObject>(
  raw: unknown,
  schema: Schema,
  units: TimeUnits,
  prepare: (record: UnknownRecord, repaired: Set<string>) => void = () => undefined,
): RecordReading<z.output<Schema>> {
  if (!isRecord(raw)) return { ok: false, fields: ["(record)"] };
  const record = normalizeTimes(coerce(raw, schema) as UnknownRecord, units);
  const repaired = new Set<string>();
  prepare(record, repaired);
  const shape = schema.shape as Record<string, z.ZodType>;
  // Two passes at most: the second parse sees the unreadable nullable fields emptied.
  for (let pass = 0; pass < 2; pass += 1) {
    const parsed = schema.safeParse(record);
    if (parsed.success) return { ok: true, value: parsed.data, repaired: [...repaired] };
    const fatal = new Set<string>();
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0] ?? "(record)");
      if (shape[field]?.safeParse(null).success) {
        record[field] = null;
        repaired.add(field);
      } else {
        fatal.add(field);
      }
    }
    if (fatal.size > 0) return { ok: false, fields: [...fatal] };
  }
  return { ok: false, fields: [...repaired] };
}

/** One call; `legs` (the detail's) make the derived fields exact when they must be worked out. */
export function readCall(raw: unknown, legs: readonly CallLeg[] = []): RecordReading<CallListItem> {
  return readRecord(raw, callListItemSchema, CALL_TIME_UNITS, (record, repaired) => {
    // Ours, derived by the server; an answer without them (an older server, the vendor's own
    // shape) still has what they are derived from.
    if (!callStatusSchema.safeParse(record.status).success) {
      record.status = deriveCallStatus(record as never, legs);
      repaired.add("status");
    }
    if (!Number.isInteger(record.agents_rung)) {
      record.agents_rung = countAgentsRung(legs);
      repaired.add("agents_rung");
    }
    if (typeof record.is_transferred !== "boolean" && Array.isArray(record.transfer_histories)) {
      record.is_transferred = isTransferred(record as never, legs as CallLeg[]);
      repaired.add("is_transferred");
    }
  });
}

export function readLeg(raw: unknown): RecordReading<CallLeg> {
  return readRecord(raw, callLegSchema, LEG_TIME_UNITS);
}

/** What could not be read of an answer, for the notice that says so. */
export type UnreadableRecord = {
  /** Position in the answer's list (0-based). */
  position: number;
  /** The record's id when it had a readable one (transaction id of a call, index of a leg). */
  id: string | null;
  fields: string[];
};

function idOf(raw: unknown, key: string): string | null {
  const value = isRecord(raw) ? raw[key] : undefined;
  return typeof value === "string" || typeof value === "number" ? String(value) : null;
}

function readEach<T>(
  raws: readonly unknown[],
  read: (raw: unknown) => RecordReading<T>,
  idKey: string,
) {
  const values: T[] = [];
  const unreadable: UnreadableRecord[] = [];
  const repaired = new Set<string>();
  raws.forEach((raw, position) => {
    const reading = read(raw);
    if (reading.ok) {
      values.push(reading.value);
      for (const field of reading.repaired) repaired.add(field);
    } else {
      unreadable.push({ position, id: idOf(raw, idKey), fields: reading.fields });
    }
  });
  return { values, unreadable, repaired: [...repaired] };
}

// ---------------------------------------------------------------------------------------------
// The list

export type CallListReading = {
  items: CallListItem[];
  page_number: number;
  page_size: number;
  /** null: the answer did not say how many calls match. */
  total_items: number | null;
  total_pages: number | null;
  has_next: boolean;
  has_previous: boolean;
  /** Calls of this page that could not be read and are not shown. */
  unreadable: UnreadableRecord[];
  /** Fields shown empty (or worked out from the rest) on some calls. */
  repaired: string[];
  /** The answer had no usable pagination: the rows are shown without a total. */
  paginationMissing: boolean;
};

/** Where a list answer may put its items: the contract's envelope first, then plausible drifts. */
const ITEM_CONTAINERS = [
  ["payload", "items"],
  ["payload"],
  ["items"],
  ["data", "items"],
  ["data"],
] as const;

function at(value: unknown, path: readonly string[]): unknown {
  let current = value;
  for (const key of path) current = isRecord(current) ? current[key] : undefined;
  return current;
}

const countSchema = z.coerce.number().int().nonnegative();
const flagSchema = z.unknown().transform((value, context) => {
  const flag = BOOLEAN_WORDS.get(value);
  if (flag === undefined) {
    context.addIssue({ code: "custom", message: "not a boolean" });
    return z.NEVER;
  }
  return flag;
});

/** A pagination fact under its snake_case or camelCase name, or undefined. */
function fact<T>(sources: UnknownRecord[], names: readonly string[], schema: z.ZodType<T>) {
  for (const source of sources) {
    for (const name of names) {
      if (source[name] === undefined || source[name] === null || source[name] === "") continue;
      const parsed = schema.safeParse(source[name]);
      if (parsed.success) return parsed.data;
    }
  }
  return undefined;
}

/**
 * A page of the list, or null when the answer holds no list of calls at all (then nothing on it
 * can be shown, and the caller reports the answer as unreadable).
 */
export function readCallListAnswer(
  body: unknown,
  requested: { page: number; size: number },
): CallListReading | null {
  const container = ITEM_CONTAINERS.find((path) => Array.isArray(at(body, path)));
  if (!container) return null;
  const rawItems = at(body, container) as unknown[];
  const parent = at(body, container.slice(0, -1));
  const sources = [parent, body, at(body, ["pagination"]), at(body, ["meta"])].filter(isRecord);

  const { values, unreadable, repaired } = readEach(
    rawItems,
    (raw) => readCall(raw),
    "transaction_id",
  );
  const pageNumber = fact(sources, ["page_number", "pageNumber", "page"], countSchema);
  const pageSize = fact(sources, ["page_size", "pageSize", "size"], countSchema);
  const totalItems = fact(sources, ["total_items", "totalItems", "total"], countSchema);
  const totalPages = fact(sources, ["total_pages", "totalPages"], countSchema);
  const hasNext = fact(sources, ["has_next", "hasNext"], flagSchema);
  const hasPrevious = fact(sources, ["has_previous", "hasPrevious"], flagSchema);

  const page = pageNumber || requested.page;
  const size = pageSize || requested.size;
  const pages = totalPages ?? (totalItems === undefined ? undefined : Math.ceil(totalItems / size));
  return {
    items: values,
    page_number: page,
    page_size: size,
    total_items: totalItems ?? null,
    total_pages: pages ?? null,
    // Without a word from the server, a full page suggests there is more.
    has_next: hasNext ?? (pages === undefined ? rawItems.length >= size : page < pages),
    has_previous: hasPrevious ?? page > 1,
    unreadable,
    repaired,
    paginationMissing: totalItems === undefined,
  };
}

// ---------------------------------------------------------------------------------------------
// The detail

export type CallDetailReading = {
  /** The call with its readable legs, or null when the call itself could not be read. */
  envelope: CallDetailEnvelope | null;
  /** The call as sent, to show what can be shown of an unreadable one. */
  rawCall: UnknownRecord | null;
  /** Why the call could not be read (empty when it was). */
  unreadableFields: string[];
  repaired: string[];
  unreadableLegs: UnreadableRecord[];
};

/** One call's answer, or null when it holds no call at all. */
export function readCallDetailAnswer(body: unknown): CallDetailReading | null {
  const rawCall = at(body, ["payload"]) ?? at(body, ["data"]);
  if (!isRecord(body) || !isRecord(rawCall)) return null;
  const rawLegs =
    [body.call_stacks, body.callStacks, rawCall.call_stacks].find(Array.isArray) ?? [];
  const legs = readEach(rawLegs as unknown[], readLeg, "index");
  const call = readCall(rawCall, legs.values);
  if (!call.ok) {
    return {
      envelope: null,
      rawCall,
      unreadableFields: call.fields,
      repaired: [],
      unreadableLegs: legs.unreadable,
    };
  }
  const envelope: CallDetailEnvelope = {
    ...body,
    instance_id: typeof body.instance_id === "string" ? body.instance_id : "",
    instance_version: typeof body.instance_version === "string" ? body.instance_version : "",
    key_enabled: body.key_enabled === true,
    status_code: 9999,
    payload: call.value,
    call_stacks: legs.values,
  };
  return {
    envelope,
    rawCall,
    unreadableFields: [],
    repaired: call.repaired,
    unreadableLegs: legs.unreadable,
  };
}
