/**
 * The connector's configuration, from the environment. Everything the vendor's public docs leave
 * open (the v3 answer's shape, the date format of its filter, which time field its date filter
 * applies to) is a setting here, with the documented v1 behaviour as the default.
 */
import { z } from "zod";

const DAY_MS = 86_400_000;
/** The vendor's documented cap on a listed date range. */
export const MAX_WINDOW_DAYS = 30;
/** The vendor's documented cap on a page. */
export const MAX_PAGE_SIZE = 50;

const booleanFlag = z
  .enum(["true", "false", "1", "0", "yes", "no"])
  .transform((value) => value === "true" || value === "1" || value === "yes");

/** "2025-01-01", an ISO date-time, unix ms, or a duration back from now: "90d", "12h". */
export function parseSince(value: string, now: number): number | null {
  const relative = /^(\d+)\s*([dh])$/i.exec(value.trim());
  if (relative) {
    const amount = Number(relative[1]);
    return now - amount * (relative[2]?.toLowerCase() === "d" ? DAY_MS : 3_600_000);
  }
  if (/^\d{12,}$/.test(value.trim())) return Number(value.trim());
  const parsed = Date.parse(value);
  return Number.isNaN(parsed) ? null : parsed;
}

const environmentSchema = z.object({
  OMICALL_BASE_URL: z.url({ protocol: /^https?$/ }),
  OMICALL_API_KEY: z.string().min(1),
  /** v3 search (x-api-key) with a fall back to v1 when v3 is missing; or one of them only. */
  OMICALL_API_VERSION: z.enum(["auto", "v3", "v1"]).default("auto"),
  /** Fetch each new or changed call's detail for its legs (call_stacks): one request per call. */
  OMICALL_FETCH_LEGS: booleanFlag.default(true),
  OMICALL_DETAIL_CONCURRENCY: z.coerce.number().int().min(1).max(16).default(4),
  OMICALL_PAGE_SIZE: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(MAX_PAGE_SIZE),
  OMICALL_SYNC_WINDOW_DAYS: z.coerce
    .number()
    .min(0.04)
    .max(MAX_WINDOW_DAYS)
    .default(MAX_WINDOW_DAYS),
  /** Where the first sync starts: a date, unix ms, or "90d" back from now. */
  OMICALL_SYNC_SINCE: z.string().min(1).default("90d"),
  /** Each incremental sync re-reads this much before the last synced point (late records). */
  OMICALL_SYNC_OVERLAP_MINUTES: z.coerce
    .number()
    .min(0)
    .max(7 * 24 * 60)
    .default(30),
  /** The time field the date filter, the sort and the resume cursor use. */
  OMICALL_SYNC_TIME_FIELD: z.enum(["created_date", "time_start_call"]).default("created_date"),
  /**
   * keyset (v3's default): each request starts at the last time seen; safe while calls appear
   * meanwhile, but it needs the v3 date filter on the same field as the sort. pages: page
   * numbers within fixed windows, whatever the vendor filters or sorts on.
   */
  OMICALL_SYNC_PAGING: z.enum(["auto", "pages"]).default("auto"),
  /** How the v3 filter's fromDate/toDate are written (not public; v1 uses unix ms). */
  OMICALL_V3_DATE_FORMAT: z.enum(["ms", "s", "iso"]).default("ms"),
  /** Dotted path to the items array in a v3 answer when auto-detection is not enough. */
  OMICALL_V3_ITEMS_PATH: z.string().min(1).optional(),
  OMICALL_REQUEST_TIMEOUT_SECONDS: z.coerce.number().min(1).max(600).default(30),
  OMICALL_MAX_RETRIES: z.coerce.number().int().min(0).max(100).default(10),
  /** Longest single wait between retries, seconds (limit_request_30_minute waits this long). */
  OMICALL_MAX_BACKOFF_SECONDS: z.coerce.number().min(1).max(3600).default(300),
  /** Run a sync inside the server every this many minutes; unset: no schedule. */
  OMICALL_SYNC_INTERVAL_MINUTES: z.coerce
    .number()
    .min(1)
    .max(24 * 60)
    .optional(),
  /** Our secret for the webhook receiver (the vendor signs nothing). */
  OMICALL_WEBHOOK_SECRET: z.string().min(16).optional(),
  OMICALL_WEBHOOK_BODY_LIMIT_KB: z.coerce.number().int().min(16).max(10_240).default(256),
  /**
   * Hosts recordings may be streamed from besides the API's own (comma-separated), trusted at
   * any address (a private one too); empty: any host, but at public addresses only.
   */
  OMICALL_RECORDING_HOSTS: z.string().optional(),
});

export type OmicallConfig = {
  baseUrl: string;
  apiKey: string;
  apiVersion: "auto" | "v3" | "v1";
  fetchLegs: boolean;
  detailConcurrency: number;
  pageSize: number;
  windowMs: number;
  /** Unix ms where the first sync starts. */
  sinceMs: number;
  overlapMs: number;
  timeField: "created_date" | "time_start_call";
  paging: "auto" | "pages";
  v3DateFormat: "ms" | "s" | "iso";
  v3ItemsPath: string | undefined;
  requestTimeoutMs: number;
  maxRetries: number;
  maxBackoffMs: number;
  syncIntervalMinutes: number | undefined;
  webhookSecret: string | undefined;
  webhookBodyLimitBytes: number;
  recordingHosts: string[];
};

/** Empty strings count as unset, as in a .env file with `OMICALL_X=`. */
function withoutEmpty(environment: NodeJS.ProcessEnv): Record<string, string> {
  return Object.fromEntries(
    Object.entries(environment).filter(
      (entry): entry is [string, string] => entry[1] !== undefined && entry[1].trim() !== "",
    ),
  );
}

/**
 * The connector's settings, or null when OMICALL_BASE_URL is not set (the dashboard then runs
 * on its demo data alone). Invalid settings throw, naming each variable at fault, never a value.
 */
export function readOmicallConfig(
  environment: NodeJS.ProcessEnv = process.env,
  now = Date.now(),
): OmicallConfig | null {
  const values = withoutEmpty(environment);
  if (values.OMICALL_BASE_URL === undefined) return null;
  const parsed = environmentSchema.safeParse(values);
  if (!parsed.success) {
    // Messages only: a zod issue can quote the received value, and that may be the API key.
    const problems = parsed.error.issues.map((issue) => `${issue.path.join(".")}: invalid`);
    throw new Error(`Invalid OMICall configuration:\n  ${problems.join("\n  ")}`);
  }
  const env = parsed.data;
  const sinceMs = parseSince(env.OMICALL_SYNC_SINCE, now);
  if (sinceMs === null) {
    throw new Error(
      'Invalid OMICall configuration:\n  OMICALL_SYNC_SINCE: a date, unix ms or "90d"',
    );
  }
  return {
    baseUrl: env.OMICALL_BASE_URL.replace(/\/+$/, ""),
    apiKey: env.OMICALL_API_KEY,
    apiVersion: env.OMICALL_API_VERSION,
    fetchLegs: env.OMICALL_FETCH_LEGS,
    detailConcurrency: env.OMICALL_DETAIL_CONCURRENCY,
    pageSize: env.OMICALL_PAGE_SIZE,
    windowMs: Math.round(env.OMICALL_SYNC_WINDOW_DAYS * DAY_MS),
    sinceMs,
    overlapMs: env.OMICALL_SYNC_OVERLAP_MINUTES * 60_000,
    timeField: env.OMICALL_SYNC_TIME_FIELD,
    paging: env.OMICALL_SYNC_PAGING,
    v3DateFormat: env.OMICALL_V3_DATE_FORMAT,
    v3ItemsPath: env.OMICALL_V3_ITEMS_PATH,
    requestTimeoutMs: env.OMICALL_REQUEST_TIMEOUT_SECONDS * 1000,
    maxRetries: env.OMICALL_MAX_RETRIES,
    maxBackoffMs: env.OMICALL_MAX_BACKOFF_SECONDS * 1000,
    syncIntervalMinutes: env.OMICALL_SYNC_INTERVAL_MINUTES,
    webhookSecret: env.OMICALL_WEBHOOK_SECRET,
    webhookBodyLimitBytes: env.OMICALL_WEBHOOK_BODY_LIMIT_KB * 1024,
    recordingHosts: (env.OMICALL_RECORDING_HOSTS ?? "")
      .split(",")
      .map((host) => host.trim().toLowerCase())
      .filter(Boolean),
  };
}

/** The webhook receiver's settings alone: it can run without a sync configured. */
export function readWebhookConfig(
  environment: NodeJS.ProcessEnv = process.env,
): { secret: string; bodyLimitBytes: number } | null {
  const secret = environment.OMICALL_WEBHOOK_SECRET?.trim();
  if (!secret) return null;
  const limitKb = Number(environment.OMICALL_WEBHOOK_BODY_LIMIT_KB?.trim() || 256);
  const problems = [
    ...(secret.length < 16 ? ["OMICALL_WEBHOOK_SECRET: at least 16 characters"] : []),
    ...(Number.isInteger(limitKb) && limitKb >= 16 && limitKb <= 10_240
      ? []
      : ["OMICALL_WEBHOOK_BODY_LIMIT_KB: an integer from 16 to 10240"]),
  ];
  if (problems.length > 0) {
    throw new Error(`Invalid OMICall configuration:\n  ${problems.join("\n  ")}`);
  }
  return { secret, bodyLimitBytes: limitKb * 1024 };
}
