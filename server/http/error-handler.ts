/**
 * How the API answers an error a route threw: always the vendor's envelope. A failing store gets
 * its own answer (store-faults.ts); any other server failure is a 500 `internal_error` whose
 * details stay in the log; a client's mistake keeps its status and says what was wrong.
 */
import type { FastifyError, FastifyReply, FastifyRequest } from "fastify";
import { sendApiError } from "./envelope.ts";
import { storeFaultOf } from "./store-faults.ts";

/**
 * Answers a server-side failure, logging it once with its cause. Plugins with their own error
 * handler (the webhook) call this for what is not the client's fault.
 */
export function sendServerError(
  error: unknown,
  request: FastifyRequest,
  reply: FastifyReply,
  context = "request failed",
): FastifyReply {
  const fault = storeFaultOf(error);
  if (!fault) {
    request.log.error({ err: error }, context);
    return sendApiError(reply, 500, "internal_error");
  }
  // Busy is expected now and then (a sync or seed holding the file); the others need a person.
  const level = fault.kind === "busy" ? "warn" : "error";
  request.log[level](
    { err: error, sqliteCode: fault.sqliteCode, answer: fault.code },
    `${context}: call store ${fault.kind.replace("_", " ")}`,
  );
  if (fault.retryAfterSeconds !== undefined) {
    reply.header("retry-after", String(fault.retryAfterSeconds));
  }
  return sendApiError(reply, fault.httpStatus, fault.code);
}

type ClientAnswer = { code: string; problem?: string };

/** Fastify's own 4xx codes for a body it could not read, as our envelope's codes. */
const CLIENT_ERRORS: Record<string, ClientAnswer> = {
  FST_ERR_CTP_INVALID_JSON_BODY: {
    code: "invalid_parameter",
    problem: "the body is not valid JSON",
  },
  FST_ERR_CTP_EMPTY_JSON_BODY: { code: "invalid_parameter", problem: "the body is empty" },
  FST_ERR_CTP_BODY_TOO_LARGE: { code: "payload_too_large" },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { code: "unsupported_media_type" },
};

/** The app's error handler (app.setErrorHandler). */
export function apiErrorHandler(
  error: FastifyError,
  request: FastifyRequest,
  reply: FastifyReply,
): FastifyReply {
  const status = error.statusCode ?? 500;
  if (status >= 500) return sendServerError(error, request, reply);
  const known = CLIENT_ERRORS[error.code];
  if (known) {
    const errors = known.problem ? [{ parameter: "body", message: known.problem }] : undefined;
    return sendApiError(reply, status, known.code, errors);
  }
  return sendApiError(reply, status, (error.code ?? "bad_request").toLowerCase());
}
