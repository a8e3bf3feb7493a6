/**
 * The list endpoint's query: parsed by the server from the query string, built by the SPA from
 * its URL state. One schema, so a filter the SPA sends is a filter the server understands.
 *
 * Query-string values arrive as strings (or arrays of strings when repeated); the schema coerces
 * them and every failure names its parameter.
 */
import { z } from "zod";
import { CALL_DIRECTIONS, CALL_STATUSES } from "./call.ts";

export const CALL_SORT_FIELDS = [
  "time_start_call",
  "duration",
  "bill_sec",
  "answer_sec",
  "call_out_price",
] as const;
export type CallSortField = (typeof CALL_SORT_FIELDS)[number];

export const MAX_PAGE_SIZE = 500;
export const DEFAULT_PAGE_SIZE = 50;
export const DEFAULT_SORT = "-time_start_call";
export const MAX_KEYWORD_LENGTH = 100;

type RawValue = string | string[] | undefined;

/**
 * A scalar parameter: repeated in the query string it is an error (not "take the first"), and
 * empty (`page=`) it is absent, so the default applies.
 */
const single = <T extends z.ZodType>(name: string, schema: T) =>
  z.preprocess((value: RawValue, context) => {
    if (Array.isArray(value)) {
      if (value.length > 1) {
        context.issues.push({
          code: "custom",
          message: `${name} must be given once`,
          input: value,
        });
        return z.NEVER;
      }
      return value[0] === "" ? undefined : value[0];
    }
    return value === "" ? undefined : value;
  }, schema);

const wholeNumber = (name: string) =>
  z
    .string({ error: `${name} must be a whole number` })
    .regex(/^\d+$/, { error: `${name} must be a whole number` })
    .transform(Number)
    .pipe(z.number().max(Number.MAX_SAFE_INTEGER, { error: `${name} is too large` }));

const booleanFlag = (name: string) =>
  single(
    name,
    z
      .enum(["true", "false", "1", "0"], { error: `${name} must be true or false` })
      .transform((value) => value === "true" || value === "1")
      .optional(),
  );

/** Repeatable parameters accept `x=a&x=b` and `x=a,b` alike. */
const list = <T extends z.ZodType<string>>(item: T) =>
  z.preprocess((value: RawValue) => {
    if (value === undefined) return [];
    const values = Array.isArray(value) ? value : [value];
    return values
      .flatMap((entry) => entry.split(","))
      .map((entry) => entry.trim())
      .filter((entry) => entry !== "");
  }, z.array(item).max(200));

const sortPattern = new RegExp(`^-?(${CALL_SORT_FIELDS.join("|")})$`);

export const callListQuerySchema = z
  .strictObject(
    {
      page: single(
        "page",
        wholeNumber("page")
          .pipe(z.number().min(1, { error: "page starts at 1" }))
          .optional()
          .default(1),
      ),
      size: single(
        "size",
        wholeNumber("size")
          .pipe(
            z
              .number()
              .min(1, { error: "size must be at least 1" })
              .max(MAX_PAGE_SIZE, { error: `size must be at most ${MAX_PAGE_SIZE}` }),
          )
          .optional()
          .default(DEFAULT_PAGE_SIZE),
      ),
      from_date: single("from_date", wholeNumber("from_date").optional()),
      to_date: single("to_date", wholeNumber("to_date").optional()),
      direction: list(
        z.enum(CALL_DIRECTIONS, {
          error: `direction must be one of ${CALL_DIRECTIONS.join(", ")}`,
        }),
      ),
      status: list(
        z.enum(CALL_STATUSES, { error: `status must be one of ${CALL_STATUSES.join(", ")}` }),
      ),
      sip_user: list(z.string().max(64)),
      sip_number: list(z.string().max(64)),
      provider: list(z.string().max(64)),
      tag: list(z.string().max(64)),
      hangup_cause: list(z.string().max(64)),
      keyword: single(
        "keyword",
        z
          .string()
          .trim()
          .max(MAX_KEYWORD_LENGTH, {
            error: `keyword must be at most ${MAX_KEYWORD_LENGTH} characters`,
          })
          // biome-ignore lint/suspicious/noControlCharactersInRegex: rejecting them is the point
          .regex(/^[^\u0000-\u001f\u007f]*$/, {
            error: "keyword must not contain control characters",
          })
          .optional(),
      ),
      min_duration: single("min_duration", wholeNumber("min_duration").optional()),
      max_duration: single("max_duration", wholeNumber("max_duration").optional()),
      has_recording: booleanFlag("has_recording"),
      is_auto_call: booleanFlag("is_auto_call"),
      out_of_working_time: booleanFlag("out_of_working_time"),
      transferred: booleanFlag("transferred"),
      sort: single(
        "sort",
        z
          .string()
          .regex(sortPattern, {
            error: `sort must be one of ${CALL_SORT_FIELDS.join(", ")}, optionally prefixed by - for descending`,
          })
          .optional()
          .default(DEFAULT_SORT),
      ),
    },
    { error: (issue) => (issue.code === "unrecognized_keys" ? `unknown parameter` : undefined) },
  )
  .superRefine((query, context) => {
    if (
      query.from_date !== undefined &&
      query.to_date !== undefined &&
      query.from_date > query.to_date
    ) {
      context.addIssue({
        code: "custom",
        path: ["to_date"],
        message: "to_date must not be before from_date",
      });
    }
    if (
      query.min_duration !== undefined &&
      query.max_duration !== undefined &&
      query.min_duration > query.max_duration
    ) {
      context.addIssue({
        code: "custom",
        path: ["max_duration"],
        message: "max_duration must not be less than min_duration",
      });
    }
  });

export type CallListQuery = z.output<typeof callListQuerySchema>;
/** What a caller may pass: every field optional, as it would be in a URL. */
export type CallListQueryInput = Partial<CallListQuery>;

export function parseSort(sort: string): { field: CallSortField; descending: boolean } {
  const descending = sort.startsWith("-");
  return { field: (descending ? sort.slice(1) : sort) as CallSortField, descending };
}

/**
 * Serializes a query for the list (and export) endpoint, leaving out defaults and empty
 * filters so URLs stay short and equal queries give equal URLs (and cache keys).
 */
export function toCallListSearchParams(query: CallListQueryInput): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === "") continue;
    if (key === "page" && value === 1) continue;
    if (key === "size" && value === DEFAULT_PAGE_SIZE) continue;
    if (key === "sort" && value === DEFAULT_SORT) continue;
    if (Array.isArray(value)) {
      for (const entry of value) params.append(key, String(entry));
    } else {
      params.set(key, String(value));
    }
  }
  return params;
}

export type QueryProblem = { parameter: string; message: string };

/** Flattens zod's issues into one line per parameter, for the 400 answer. */
export function describeQueryProblems(error: z.ZodError): QueryProblem[] {
  return error.issues.flatMap((issue) => {
    if (issue.code === "unrecognized_keys") {
      return issue.keys.map((key) => ({ parameter: key, message: `unknown parameter ${key}` }));
    }
    const parameter = String(issue.path[0] ?? "query");
    return [{ parameter, message: issue.message }];
  });
}
