/**
 * The one fetch wrapper: throws a typed error on non-2xx (with the envelope's error code and the
 * parameters it names), passes the AbortSignal on so TanStack Query can cancel, and parses every
 * answer with the contract's zod schema at the boundary.
 */
import type { z } from "zod";
import { apiErrorEnvelopeSchema } from "@/contract/call.ts";

export class ApiError extends Error {
  constructor(
    readonly status: number,
    /** The envelope's error code (`invalid_parameter`, `call_not_found`, …) or `http_<status>`. */
    readonly code: string,
    readonly problems: { parameter: string; message: string }[] = [],
  ) {
    super(problems.length > 0 ? problems.map((problem) => problem.message).join("; ") : code);
    this.name = "ApiError";
  }
}

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

export async function fetchJson<Schema extends z.ZodType>(
  url: string,
  schema: Schema,
  init: { signal?: AbortSignal } = {},
): Promise<z.output<Schema>> {
  const response = await fetch(url, {
    headers: { accept: "application/json" },
    signal: init.signal,
  });
  const body: unknown = await response.json().catch(() => undefined);
  if (!response.ok) {
    const envelope = apiErrorEnvelopeSchema.safeParse(body);
    throw envelope.success
      ? new ApiError(response.status, envelope.data.message, envelope.data.errors)
      : new ApiError(response.status, `http_${response.status}`);
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw new ResponseShapeError(url, parsed.error.issues);
  return parsed.data;
}
