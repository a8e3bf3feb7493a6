/**
 * Everything the calls page shows is in its URL: filters, date window, sort, page, page size and
 * the open call. Filters, sort, page and size use the list endpoint's own parameter names and are
 * checked by the contract's own schema (`callListQuerySchema`), one parameter at a time, so a
 * link never asks the server for something it would refuse. Dates, the open call (`call`) and the
 * recording position (`t`) are the page's own.
 *
 * A parameter that does not parse falls back to its default and is reported in `problems`, so
 * the page can say so; the rest of the link still applies. Defaults are never written back.
 */
import type { z } from "zod";
import { type CallDirection, type CallStatus, TRANSACTION_ID_PATTERN } from "@/contract/call.ts";
import {
  type CallListQueryInput,
  callListQuerySchema,
  DEFAULT_PAGE_SIZE,
  DEFAULT_SORT,
  toCallListSearchParams,
} from "@/contract/call-list-query.ts";
import { type DateRange, parseLocalMinute, resolveRange } from "./date-range.ts";

export const PAGE_SIZES = [25, 50, 100, 200, 500] as const;

export type CallFilters = {
  direction: CallDirection[];
  status: CallStatus[];
  /** Agents' extensions. */
  sip_user: string[];
  /** Hotlines. */
  sip_number: string[];
  provider: string[];
  /** Tag ids. */
  tag: string[];
  hangup_cause: string[];
  keyword?: string;
  /** Seconds. */
  min_duration?: number;
  max_duration?: number;
  has_recording?: boolean;
  is_auto_call?: boolean;
  out_of_working_time?: boolean;
  transferred?: boolean;
};

export type CallsSearch = {
  filters: CallFilters;
  range: DateRange;
  sort: string;
  page: number;
  size: number;
  /** transaction_id of the call open in the drawer. */
  call?: string;
  /** Where the drawer's recording starts, in seconds. */
  t?: number;
};

export const LIST_FILTER_KEYS = [
  "direction",
  "status",
  "sip_user",
  "sip_number",
  "provider",
  "tag",
  "hangup_cause",
] as const satisfies readonly (keyof CallFilters)[];
export type ListFilterKey = (typeof LIST_FILTER_KEYS)[number];

export const FLAG_FILTER_KEYS = [
  "has_recording",
  "is_auto_call",
  "out_of_working_time",
  "transferred",
] as const satisfies readonly (keyof CallFilters)[];
export type FlagFilterKey = (typeof FLAG_FILTER_KEYS)[number];

const SCALAR_FILTER_KEYS = ["keyword", "min_duration", "max_duration"] as const;

export const EMPTY_FILTERS: CallFilters = {
  direction: [],
  status: [],
  sip_user: [],
  sip_number: [],
  provider: [],
  tag: [],
  hangup_cause: [],
};

export const DEFAULT_SEARCH: CallsSearch = {
  filters: EMPTY_FILTERS,
  range: { kind: "default" },
  sort: DEFAULT_SORT,
  page: 1,
  size: DEFAULT_PAGE_SIZE,
};

export type ParsedCallsSearch = {
  search: CallsSearch;
  /** URL parameters that were ignored because they did not make sense. */
  problems: string[];
};

const shape = callListQuerySchema.shape;

function rawValue(params: URLSearchParams, key: string): string | string[] | undefined {
  const values = params.getAll(key);
  if (values.length === 0) return undefined;
  return values.length === 1 ? values[0] : values;
}

export function parseCallsSearch(query: string): ParsedCallsSearch {
  const params = new URLSearchParams(query);
  const problems: string[] = [];
  const field = <T>(key: keyof typeof shape, fallback: T): T => {
    const schema: z.ZodType = shape[key];
    const parsed = schema.safeParse(rawValue(params, key));
    if (parsed.success) return (parsed.data ?? fallback) as T;
    problems.push(key);
    return fallback;
  };

  const filters: CallFilters = { ...EMPTY_FILTERS };
  for (const key of LIST_FILTER_KEYS) {
    // Sorted and deduplicated: equal filters give equal URLs and cache keys.
    filters[key] = [...new Set(field<string[]>(key, []))].sort() as never;
  }
  for (const key of [...SCALAR_FILTER_KEYS, ...FLAG_FILTER_KEYS]) {
    const value = field<unknown>(key, undefined);
    if (value !== undefined && value !== "") (filters as Record<string, unknown>)[key] = value;
  }
  if (
    filters.min_duration !== undefined &&
    filters.max_duration !== undefined &&
    filters.min_duration > filters.max_duration
  ) {
    problems.push("min_duration", "max_duration");
    delete filters.min_duration;
    delete filters.max_duration;
  }

  let sort = field<string>("sort", DEFAULT_SORT);
  let page = field<number>("page", 1);
  let size = field<number>("size", DEFAULT_PAGE_SIZE);
  if (!(PAGE_SIZES as readonly number[]).includes(size)) {
    problems.push("size");
    size = DEFAULT_PAGE_SIZE;
  }
  if (sort === "") sort = DEFAULT_SORT;
  if (!Number.isSafeInteger(page)) page = 1;

  const search: CallsSearch = { filters, range: parseRange(params, problems), sort, page, size };

  const call = params.get("call");
  if (call !== null && call !== "") {
    if (TRANSACTION_ID_PATTERN.test(call)) search.call = call;
    else problems.push("call");
  }
  const t = params.get("t");
  if (t !== null && t !== "" && search.call !== undefined) {
    if (/^\d{1,6}$/.test(t)) search.t = Number(t);
    else problems.push("t");
  }
  return { search, problems: [...new Set(problems)] };
}

function parseRange(params: URLSearchParams, problems: string[]): DateRange {
  const range = params.get("range");
  const fromText = params.get("from") || undefined;
  const toText = params.get("to") || undefined;
  if (fromText === undefined && toText === undefined) {
    if (range === null || range === "") return { kind: "default" };
    if (range === "all") return { kind: "all" };
    problems.push("range");
    return { kind: "default" };
  }
  if (range !== null && range !== "") problems.push("range");
  const from = fromText === undefined ? undefined : parseLocalMinute(fromText, "from");
  const to = toText === undefined ? undefined : parseLocalMinute(toText, "to");
  if (fromText !== undefined && from === undefined) problems.push("from");
  if (toText !== undefined && to === undefined) problems.push("to");
  if (from && to && from.instant > to.instant) {
    problems.push("from", "to");
    return { kind: "default" };
  }
  if (!from && !to) return { kind: "default" };
  return { kind: "between", from: from?.minute, to: to?.minute };
}

/** The URL query for a search, without defaults: equal views give equal links. */
export function serializeCallsSearch(search: CallsSearch): URLSearchParams {
  const { filters, range, sort, page, size, call, t } = search;
  const params = toCallListSearchParams({ ...filters, sort, page, size });
  if (range.kind === "all") params.set("range", "all");
  if (range.kind === "between") {
    if (range.from !== undefined) params.set("from", range.from);
    if (range.to !== undefined) params.set("to", range.to);
  }
  if (call !== undefined) {
    params.set("call", call);
    if (t !== undefined) params.set("t", String(t));
  }
  return params;
}

/** What the list endpoint is asked for this search. */
export function toListQuery(
  search: CallsSearch,
  timeZone: string,
  now: number,
): CallListQueryInput {
  const { from, to } = resolveRange(search.range, timeZone, now);
  return {
    ...search.filters,
    from_date: from,
    to_date: to,
    sort: search.sort,
    page: search.page,
    size: search.size,
  };
}

/** How many filters (not counting the date window) narrow the list. */
export function countActiveFilters(filters: CallFilters): number {
  let count = 0;
  for (const key of LIST_FILTER_KEYS) if (filters[key].length > 0) count += 1;
  for (const key of FLAG_FILTER_KEYS) if (filters[key] !== undefined) count += 1;
  if (filters.keyword) count += 1;
  if (filters.min_duration !== undefined || filters.max_duration !== undefined) count += 1;
  return count;
}
