/**
 * The one fetch wrapper: throws a typed error on non-2xx (with the envelope's error code and the
 * parameters it names) and on a body that is not JSON, passes the AbortSignal on so TanStack
 * Query can cancel, and parses every answer with the contract's zod schema at the boundary
 * (`fetchJson`), or hands the body over to a lenient reader (`fetchBody`).
 */
import type { z } from "zod";
import { apiErrorEnvelopeSchema } from "@/contract/call.ts";

export class ApiError extends Error {
  constructor(
    readonly status: number,
    /** The envelope's error code (`invalid_parameter`, `call_not_found`, …) or `http_<status>`. */
    readonly code: string,
    readonly problems: { parameter: string; message: string }[] = [],
    /** How long the server asks to wait before trying again (`Retry-After`, seconds). */
    readonly retryAfterSeconds?: number,
  ) {
    super(problems.length > 0 ? problems.map((problem) => problem.message).join("; ") : code);
    this.name = "ApiError";
  }
}

/** The server sends `Retry-After` in seconds; anything else leaves the wait unsaid. */
function retryAfterSeconds(header: string | null): number | undefined {
  return header && /^\d+$/.test(header.trim()) ? Math.max(Number(header), 1) : undefined;
}

export type RequestOptions = {
  signal?: AbortSignal;
  method?: "GET" | "POST" | "DELETE";
  /** A body to send as JSON. */
  json?: unknown;
};

/** The server answered, but not in a shape the contract knows. */
export class ResponseShapeError extends Error {
  constructor(
    readonly url: string,
    readonly issues: z.core.$ZodIssue[],
  ) {
    super(
      `Unexpected response from ${url}: ${issues
        .map((issue) => `${issue.path.join(".")} ${issue.message}`)
        .slice(0, 3)
        .join("; ")}`,
    );
    this.name = "ResponseShapeError";
  }
}

/** The server said it succeeded, but its answer is not JSON (a proxy's page, a cut-off body). */
export class MalformedResponseError extends Error {
  constructor(readonly url: string) {
    super(`The answer from ${url} is not JSON`);
    this.name = "MalformedResponseError";
  }
}

const NOT_JSON = Symbol("not JSON");

/**
 * The answer's JSON body, unchecked, for readers that take what they can of it. Throws
 * `ApiError` for an error status or an error envelope, `MalformedResponseError` for a body that
 * is not JSON, and lets fetch's TypeError (network down) through.
 */
export async function fetchBody(url: string, init: RequestOptions = {}): Promise<unknown> {
  const response = await fetch(url, {
    method: init.method ?? "GET",
    headers: {
      accept: "application/json",
      ...(init.json === undefined ? {} : { "content-type": "application/json" }),
    },
    body: init.json === undefined ? undefined : JSON.stringify(init.json),
    signal: init.signal,
  });
  const body: unknown = await response.json().catch(() => NOT_JSON);
  const envelope = apiErrorEnvelopeSchema.safeParse(body);
  if (!response.ok) {
    const retryAfter = retryAfterSeconds(response.headers.get("retry-after"));
    throw envelope.success
      ? new ApiError(response.status, envelope.data.message, envelope.data.errors, retryAfter)
      : new ApiError(response.status, `http_${response.status}`, [], retryAfter);
  }
  // The vendor's way: HTTP 200 with status_code -9999 and the error code in `message`.
  if (envelope.success) {
    throw new ApiError(response.status, envelope.data.message, envelope.data.errors);
  }
  if (body === NOT_JSON) throw new MalformedResponseError(url);
  return body;
}

export async function fetchJson<Schema extends z.ZodType>(
  url: string,
  schema: Schema,
  init: RequestOptions = {},
): Promise<z.output<Schema>> {
  const body = await fetchBody(url, init);
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw new ResponseShapeError(url, parsed.error.issues);
  return parsed.data;
}
