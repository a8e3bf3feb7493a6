/**
 * Reads the vendor's answers leniently. The v1 list and detail shapes are known (the seed); the
 * v3 search's answer is not public, so a page is found wherever a plausible variant puts it:
 * the v1 envelope (`payload.items`), `payload`/`data` as the array itself, `data.items`,
 * `payload.data`, … with snake_case or camelCase fields. OMICALL_V3_ITEMS_PATH names the array
 * when none of these fit. Each call is then held to the contract; one that fails is reported,
 * never silently stored half-read.
 */
import type { z } from "zod";
import { type Call, type CallLeg, callLegSchema, callSchema } from "@/contract/call.ts";

export type RawCallPage = {
  items: unknown[];
  /** Pagination facts when the answer gives them (names vary with the variant). */
  hasNext: boolean | undefined;
  totalPages: number | undefined;
  totalItems: number | undefined;
};

const ITEM_CONTAINERS = [
  "payload.items",
  "payload.data",
  "payload.content",
  "payload.records",
  "payload.list",
  "payload",
  "data.items",
  "data.content",
  "data.records",
  "data",
  "items",
  "result.items",
  "result",
];

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function at(value: unknown, path: string): unknown {
  let current = value;
  for (const key of path.split(".")) {
    if (!isRecord(current)) return undefined;
    current = current[key];
  }
  return current;
}

function firstOf<T>(
  record: Record<string, unknown>,
  names: string[],
  guard: (v: unknown) => v is T,
) {
  for (const name of names) {
    const value = record[name];
    if (guard(value)) return value;
  }
  return undefined;
}

const isBoolean = (value: unknown): value is boolean => typeof value === "boolean";
const isCount = (value: unknown): value is number =>
  typeof value === "number" && Number.isInteger(value) && value >= 0;

/** The page in a list or search answer, or null when no array of items is found. */
export function readCallPage(body: unknown, itemsPath?: string): RawCallPage | null {
  const paths = itemsPath ? [itemsPath] : ITEM_CONTAINERS;
  for (const path of paths) {
    const items = at(body, path);
    if (!Array.isArray(items)) continue;
    // Pagination facts sit beside the array, or in the envelope's payload/data when the array
    // is the payload itself.
    const parentPath = path.includes(".") ? path.slice(0, path.lastIndexOf(".")) : "";
    const candidates = [parentPath ? at(body, parentPath) : body, body, at(body, "paging")]
      .concat(at(body, "pagination"), at(body, "meta"))
      .filter(isRecord);
    const fact = <T>(names: string[], guard: (v: unknown) => v is T) => {
      for (const candidate of candidates) {
        const value = firstOf(candidate, names, guard);
        if (value !== undefined) return value;
      }
      return undefined;
    };
    return {
      items,
      hasNext: fact(["has_next", "hasNext", "has_next_page", "hasNextPage"], isBoolean),
      totalPages: fact(["total_pages", "totalPages", "total_page", "totalPage"], isCount),
      totalItems: fact(
        ["total_items", "totalItems", "total_elements", "totalElements", "total"],
        isCount,
      ),
    };
  }
  return null;
}

const snakeCase = (key: string) => key.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);

function snakeCaseKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(snakeCaseKeys);
  if (!isRecord(value)) return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, inner]) => [snakeCase(key), snakeCaseKeys(inner)]),
  );
}

/**
 * A record in camelCase (a plausible v3 variant: `transactionId`, `ringingAt`) is renamed to the
 * contract's snake_case. Only whole camelCase records: a snake_case one is left exactly as sent.
 */
export function normalizeVendorRecord(item: unknown): unknown {
  if (!isRecord(item)) return item;
  const keys = Object.keys(item);
  const camel = keys.some((key) => /[A-Z]/.test(key)) && !keys.some((key) => key.includes("_"));
  return camel ? snakeCaseKeys(item) : item;
}

export type CallParse =
  | { ok: true; call: Call }
  | { ok: false; transactionId: string | null; problems: string[] };

function describeIssues(error: z.ZodError): string[] {
  return error.issues
    .slice(0, 5)
    .map((issue) => `${issue.path.join(".") || "(root)"}: ${issue.message}`);
}

export function parseVendorCall(item: unknown): CallParse {
  const normalized = normalizeVendorRecord(item);
  const parsed = callSchema.safeParse(normalized);
  if (parsed.success) return { ok: true, call: parsed.data };
  const id = isRecord(normalized) ? normalized.transaction_id : undefined;
  return {
    ok: false,
    transactionId: typeof id === "string" ? id : null,
    problems: describeIssues(parsed.error),
  };
}

export type VendorDetail = {
  call: Call | null;
  /** null: the answer had no call_stacks at all (unknown, not "no legs"). */
  legs: CallLeg[] | null;
  /** Legs that failed the contract, dropped. */
  rejectedLegs: number;
};

/** A v1 detail answer: the call in `payload`, its legs in `call_stacks` beside it. */
export function readCallDetail(body: unknown): VendorDetail {
  const payload = at(body, "payload") ?? at(body, "data");
  const parsedCall = payload === undefined ? null : parseVendorCall(payload);
  const rawLegs = [at(body, "call_stacks"), at(body, "callStacks"), at(payload, "call_stacks")]
    .map((value) => (Array.isArray(value) ? value : undefined))
    .find((value) => value !== undefined);
  let legs: CallLeg[] | null = null;
  let rejectedLegs = 0;
  if (rawLegs) {
    legs = [];
    for (const raw of rawLegs) {
      const parsed = callLegSchema.safeParse(normalizeVendorRecord(raw));
      if (parsed.success) legs.push(parsed.data);
      else rejectedLegs += 1;
    }
  }
  return { call: parsedCall?.ok ? parsedCall.call : null, legs, rejectedLegs };
}
