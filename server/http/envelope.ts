/**
 * The vendor's envelope around every answer: `status_code` 9999 with a payload, or -9999 with an
 * error code in `message`. Our errors add `errors[]` naming the parameter at fault.
 */
import type { FastifyReply } from "fastify";
import type { ApiErrorEnvelope } from "@/contract/call.ts";
import type { QueryProblem } from "@/contract/call-list-query.ts";

export const INSTANCE = {
  instance_id: process.env.INSTANCE_ID ?? "dashboard",
  instance_version: "1.2.164",
  key_enabled: false,
} as const;

export function successEnvelope<T extends object>(body: T) {
  return { ...INSTANCE, ...body, status_code: 9999 as const };
}

export function errorEnvelope(message: string, errors?: QueryProblem[]): ApiErrorEnvelope {
  return {
    ...INSTANCE,
    status_code: -9999,
    message,
    payload: null,
    ...(errors ? { errors } : {}),
  };
}

/** Sends a failure in the envelope style; `code` is a vendor-style snake_case error code. */
export function sendApiError(
  reply: FastifyReply,
  httpStatus: number,
  code: string,
  errors?: QueryProblem[],
): FastifyReply {
  return reply
    .code(httpStatus)
    .type("application/json; charset=utf-8")
    .send(errorEnvelope(code, errors));
}
