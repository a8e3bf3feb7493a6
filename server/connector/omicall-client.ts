/**
 * A client of OMICall's public call-history API, as far as it is documented
 * (../shared/docs/omicall-api.md):
 * - v3 search: `POST /api/v3/call-transaction/search?page=&size=` with `x-api-key`; an empty
 *   result may come as HTTP 204; its answer's shape is not public (read by call-page.ts).
 * - v1 list and detail with `Authorization: Bearer` from `GET /api/auth?apiKey=`, a 24 h JWT,
 *   refreshed before it expires and again whenever the vendor answers `token_expired`.
 * - Backs off and retries on HTTP 429, 5xx, `rate_limit_exceeded`, `limit_request_30_minute`,
 *   network errors and timeouts; any other failure is thrown as it is.
 *
 * The API key only ever leaves in the two documented ways (the auth query, the x-api-key
 * header) and never appears in an error, a log line or a retry notice: those name paths only.
 */
import { type RawCallPage, readCallDetail, readCallPage, type VendorDetail } from "./call-page.ts";

export type ApiVersion = "v3" | "v1";

export type SearchQuery = {
  /** Inclusive bounds on the time field, unix ms. */
  fromMs: number;
  toMs: number;
  page: number;
  size: number;
};

export type SearchResult = { version: ApiVersion; page: RawCallPage };

/** The vendor answered with a failure envelope (`status_code` -9999) or an HTTP error. */
export class OmicallApiError extends Error {
  constructor(
    readonly code: string,
    readonly httpStatus: number,
    path: string,
  ) {
    super(`OMICall ${path} failed: ${code} (HTTP ${httpStatus})`);
    this.name = "OmicallApiError";
  }
}

export class OmicallRetriesExhaustedError extends Error {
  constructor(
    readonly reason: RetryReason,
    path: string,
    attempts: number,
  ) {
    super(`OMICall ${path}: still ${reason} after ${attempts} attempts`);
    this.name = "OmicallRetriesExhaustedError";
  }
}

export type RetryReason =
  | "http_429"
  | "http_5xx"
  | "rate_limit_exceeded"
  | "limit_request_30_minute"
  | "network_error"
  | "timeout";

export type RetryNotice = { reason: RetryReason; path: string; attempt: number; waitMs: number };

export type Backoff = {
  /** First wait; doubles per attempt, with jitter, up to maxMs. */
  baseMs: number;
  maxMs: number;
  /** The wait after `limit_request_30_minute`, a quota over half an hour. */
  longLimitMs: number;
};

export type OmicallClientOptions = {
  baseUrl: string;
  apiKey: string;
  apiVersion?: "auto" | ApiVersion;
  timeField?: "created_date" | "time_start_call";
  v3DateFormat?: "ms" | "s" | "iso";
  v3ItemsPath?: string | undefined;
  requestTimeoutMs?: number;
  maxRetries?: number;
  backoff?: Partial<Backoff>;
  fetch?: typeof fetch;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  random?: () => number;
  now?: () => number;
  onRetry?: (notice: RetryNotice) => void;
  /** Called once when auto mode gives up on v3 and lists with v1 from then on. */
  onVersionFallback?: (reason: string) => void;
};

export type ClientStats = { requests: number; retries: number; tokenRefreshes: number };

type Auth = "bearer" | "api-key" | "none";
type Request = {
  method: "GET" | "POST";
  path: string;
  query?: Record<string, string | number>;
  body?: unknown;
  auth: Auth;
};
type Answer = { status: number; json: unknown };

/** Refresh a token this long before its expiry, so no request races the deadline. */
const TOKEN_MARGIN_MS = 5 * 60_000;
/** The documented lifetime is 24 h; assume a little less when the token does not say. */
const DEFAULT_TOKEN_LIFETIME_MS = 23 * 3_600_000;
const RETRIED_CODES = new Set(["rate_limit_exceeded", "limit_request_30_minute"]);

export function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The `message` of a failure envelope, or null for anything else. */
function failureCode(json: unknown): string | null {
  if (!isRecord(json) || json.status_code !== -9999) return null;
  return typeof json.message === "string" && json.message ? json.message : "unknown_error";
}

/** A JWT's `exp` (unix s) as ms, when the token is one. */
function jwtExpiry(token: string): number | null {
  const payload = token.split(".")[1];
  if (!payload) return null;
  try {
    const claims: unknown = JSON.parse(Buffer.from(payload, "base64url").toString("utf8"));
    return isRecord(claims) && typeof claims.exp === "number" ? claims.exp * 1000 : null;
  } catch {
    return null;
  }
}

/** Retry-After in seconds or as an HTTP date. */
function retryAfterMs(header: string | null, now: number): number | null {
  if (!header) return null;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(header);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}

export class OmicallClient {
  readonly baseUrl: string;
  readonly stats: ClientStats = { requests: 0, retries: 0, tokenRefreshes: 0 };
  #version: "auto" | ApiVersion;
  #activeVersion: ApiVersion;
  readonly #options: OmicallClientOptions;
  readonly #backoff: Backoff;
  readonly #fetch: typeof fetch;
  readonly #sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  readonly #now: () => number;
  #token: { value: string; expiresAt: number } | null = null;
  #tokenRequest: Promise<string> | null = null;

  constructor(options: OmicallClientOptions) {
    const url = new URL(options.baseUrl);
    if (url.protocol !== "https:" && url.protocol !== "http:") {
      throw new Error("OMICALL_BASE_URL must be an http(s) URL");
    }
    this.baseUrl = url.origin + url.pathname.replace(/\/+$/, "");
    this.#options = options;
    this.#version = options.apiVersion ?? "auto";
    this.#activeVersion = this.#version === "v1" ? "v1" : "v3";
    this.#backoff = { baseMs: 1000, maxMs: 300_000, longLimitMs: 300_000, ...options.backoff };
    this.#fetch = options.fetch ?? fetch;
    this.#sleep = options.sleep ?? abortableSleep;
    this.#now = options.now ?? Date.now;
  }

  /** The version the next search uses (auto mode starts with v3 and may fall back to v1). */
  get activeVersion(): ApiVersion {
    return this.#activeVersion;
  }

  /** Whether a URL is on the vendor's own host (where our credentials may go). */
  isVendorUrl(url: URL): boolean {
    return url.origin === new URL(this.baseUrl).origin;
  }

  /** One page of calls, in ascending order of the time field where the version can sort. */
  async search(query: SearchQuery, signal?: AbortSignal): Promise<SearchResult> {
    if (this.#activeVersion === "v3") {
      try {
        const page = await this.#searchV3(query, signal);
        if (page) return { version: "v3", page };
        if (this.#version !== "auto") {
          throw new OmicallApiError("unrecognized_v3_answer", 200, "v3 search");
        }
        this.#fallBack("its answer has no recognizable list of calls");
      } catch (error) {
        if (this.#version !== "auto" || !this.#isV3Missing(error)) throw error;
        this.#fallBack(error instanceof Error ? error.message : String(error));
      }
    }
    return { version: "v1", page: await this.#listV1(query, signal) };
  }

  /** One call and its legs (v1 detail), or null when the vendor does not know the call. */
  async detail(transactionId: string, signal?: AbortSignal): Promise<VendorDetail | null> {
    try {
      const { json } = await this.#request(
        {
          method: "GET",
          path: `/api/call_transaction/detail/${encodeURIComponent(transactionId)}`,
          auth: "bearer",
        },
        signal,
      );
      return json === null ? null : readCallDetail(json);
    } catch (error) {
      if (error instanceof OmicallApiError && isNotFound(error)) return null;
      throw error;
    }
  }

  /** A valid Bearer token, fetched or refreshed as needed (one request at a time). */
  async accessToken(signal?: AbortSignal): Promise<string> {
    if (this.#token && this.#now() < this.#token.expiresAt - TOKEN_MARGIN_MS) {
      return this.#token.value;
    }
    this.#tokenRequest ??= this.#fetchToken(signal).finally(() => {
      this.#tokenRequest = null;
    });
    return this.#tokenRequest;
  }

  #fallBack(reason: string) {
    this.#activeVersion = "v1";
    this.#options.onVersionFallback?.(reason);
  }

  #isV3Missing(error: unknown): boolean {
    if (!(error instanceof OmicallApiError)) return false;
    return (
      [404, 405, 501].includes(error.httpStatus) ||
      ["resource_not_found", "permission_denied", "unrecognized_v3_answer"].includes(error.code)
    );
  }

  #formatDate(ms: number): string | number {
    switch (this.#options.v3DateFormat ?? "ms") {
      case "s":
        return Math.floor(ms / 1000);
      case "iso":
        return new Date(ms).toISOString();
      default:
        return ms;
    }
  }

  async #searchV3(query: SearchQuery, signal?: AbortSignal): Promise<RawCallPage | null> {
    const { status, json } = await this.#request(
      {
        method: "POST",
        path: "/api/v3/call-transaction/search",
        query: { page: query.page, size: query.size },
        body: {
          filter: {
            fromDate: this.#formatDate(query.fromMs),
            toDate: this.#formatDate(query.toMs),
          },
          sort: { field: this.#options.timeField ?? "created_date", isAsc: true },
        },
        auth: "api-key",
      },
      signal,
    );
    if (status === 204 || json === null) return emptyPage();
    return readCallPage(json, this.#options.v3ItemsPath);
  }

  async #listV1(query: SearchQuery, signal?: AbortSignal): Promise<RawCallPage> {
    const { status, json } = await this.#request(
      {
        method: "GET",
        path: "/api/call_transaction/list",
        query: {
          page: query.page,
          size: query.size,
          from_date: query.fromMs,
          to_date: query.toMs,
        },
        auth: "bearer",
      },
      signal,
    );
    if (status === 204 || json === null) return emptyPage();
    const page = readCallPage(json);
    if (!page) throw new OmicallApiError("unrecognized_v1_answer", status, "v1 list");
    return page;
  }

  async #fetchToken(signal?: AbortSignal): Promise<string> {
    const { json } = await this.#request(
      { method: "GET", path: "/api/auth", query: { apiKey: this.#options.apiKey }, auth: "none" },
      signal,
    );
    const payload = isRecord(json) ? json.payload : undefined;
    const token = isRecord(payload) ? payload.access_token : undefined;
    if (typeof token !== "string" || token === "") {
      throw new OmicallApiError("no_access_token", 200, "/api/auth");
    }
    const expiresIn = isRecord(payload) ? payload.expires_in : undefined;
    const expiresAt =
      jwtExpiry(token) ??
      (typeof expiresIn === "number" ? this.#now() + expiresIn * 1000 : null) ??
      this.#now() + DEFAULT_TOKEN_LIFETIME_MS;
    this.#token = { value: token, expiresAt };
    this.stats.tokenRefreshes += 1;
    return token;
  }

  #delay(reason: RetryReason, attempt: number, retryAfter: number | null): number {
    if (reason === "limit_request_30_minute") {
      return Math.min(this.#backoff.longLimitMs, this.#backoff.maxMs);
    }
    const exponential = Math.min(this.#backoff.maxMs, this.#backoff.baseMs * 2 ** attempt);
    const jittered = exponential * (0.5 + (this.#options.random ?? Math.random)() * 0.5);
    return Math.min(this.#backoff.maxMs, Math.max(jittered, retryAfter ?? 0));
  }

  /** Sends a request with retries; resolves with a 2xx answer or throws. */
  async #request(request: Request, signal?: AbortSignal): Promise<Answer> {
    const maxRetries = this.#options.maxRetries ?? 10;
    let tokenRetries = 0;
    for (let attempt = 0; ; attempt += 1) {
      signal?.throwIfAborted();
      const outcome = await this.#attempt(request, signal);
      if ("answer" in outcome) return outcome.answer;
      if ("tokenExpired" in outcome) {
        // A refreshed token that is refused again is not a matter of time: give up.
        if (tokenRetries >= 2) throw new OmicallApiError("token_expired", 401, request.path);
        tokenRetries += 1;
        this.#token = null;
        attempt -= 1;
        continue;
      }
      if (attempt >= maxRetries) {
        throw new OmicallRetriesExhaustedError(outcome.retry, request.path, attempt + 1);
      }
      const waitMs = this.#delay(outcome.retry, attempt, outcome.retryAfterMs);
      this.stats.retries += 1;
      this.#options.onRetry?.({ reason: outcome.retry, path: request.path, attempt, waitMs });
      await this.#sleep(waitMs, signal);
    }
  }

  async #attempt(
    request: Request,
    signal?: AbortSignal,
  ): Promise<
    | { answer: Answer }
    | { tokenExpired: true }
    | { retry: RetryReason; retryAfterMs: number | null }
  > {
    const url = new URL(this.baseUrl + request.path);
    for (const [key, value] of Object.entries(request.query ?? {})) {
      url.searchParams.set(key, String(value));
    }
    const headers: Record<string, string> = { accept: "application/json" };
    if (request.auth === "bearer") {
      headers.authorization = `Bearer ${await this.accessToken(signal)}`;
    } else if (request.auth === "api-key") {
      headers["x-api-key"] = this.#options.apiKey;
    }
    if (request.body !== undefined) headers["content-type"] = "application/json";

    const timeout = AbortSignal.timeout(this.#options.requestTimeoutMs ?? 30_000);
    const combined = signal ? AbortSignal.any([signal, timeout]) : timeout;
    let status: number;
    let text: string;
    let retryAfter: string | null;
    try {
      this.stats.requests += 1;
      const response = await this.#fetch(url, {
        method: request.method,
        headers,
        body: request.body === undefined ? null : JSON.stringify(request.body),
        signal: combined,
        // A redirect could carry the key's header to another host: never follow one.
        redirect: "manual",
      });
      status = response.status;
      retryAfter = response.headers.get("retry-after");
      text = await response.text();
    } catch {
      if (signal?.aborted) throw signal.reason;
      // Not the error itself: for the auth request, undici's message could quote the URL.
      return { retry: timeout.aborted ? "timeout" : "network_error", retryAfterMs: null };
    }

    let json: unknown = null;
    let jsonBroken = false;
    if (text.trim() !== "") {
      try {
        json = JSON.parse(text);
      } catch {
        jsonBroken = true;
      }
    }
    const code = failureCode(json);
    const retryAfterMsValue = retryAfterMs(retryAfter, this.#now());
    if (code === "token_expired" || (status === 401 && request.auth === "bearer" && !code)) {
      if (request.auth === "bearer") return { tokenExpired: true };
    }
    if (code !== null && RETRIED_CODES.has(code)) {
      return { retry: code as RetryReason, retryAfterMs: retryAfterMsValue };
    }
    if (status === 429) return { retry: "http_429", retryAfterMs: retryAfterMsValue };
    if (status >= 500) return { retry: "http_5xx", retryAfterMs: retryAfterMsValue };
    if (code !== null) throw new OmicallApiError(code, status, request.path);
    if (status >= 300) {
      throw new OmicallApiError(
        status === 404 ? "resource_not_found" : `http_${status}`,
        status,
        request.path,
      );
    }
    if (jsonBroken) throw new OmicallApiError("answer_is_not_json", status, request.path);
    return { answer: { status, json } };
  }
}

function isNotFound(error: OmicallApiError) {
  return error.code === "resource_not_found" || error.httpStatus === 404;
}

function emptyPage(): RawCallPage {
  return { items: [], hasNext: false, totalPages: undefined, totalItems: 0 };
}
