/**
 * `POST /api/webhooks/omicall/:token` (and `POST /api/webhooks/omicall` with the header
 * `x-webhook-secret`): OMICall's call webhooks.
 *
 * - The vendor signs nothing, so the receiver is protected by a secret of ours. OMICall's
 *   registration takes only a URL (no custom headers), so for the vendor the secret travels as
 *   the path token; the header is for a proxy or a relay in front of us. A missing or wrong
 *   secret is a 401 before the body is read; comparison is in constant time; the token is
 *   masked in the request log lines.
 * - The end-of-call webhook (`state: "cdr"`) is the call record of the history: it is held to the
 *   contract and upserted by transaction_id in one transaction, so a resend changes nothing and
 *   an older version arriving late never replaces a newer one (last_updated_date wins). Legs it
 *   does not carry are kept from the store.
 * - Live states (ringing, answered, hangup) update the live_calls table (optional display).
 * - A body that is not JSON, or fails the contract, gets a 400 and a log line and writes
 *   nothing; one over the limit (256 KiB by default) a 413. Any content type is read as JSON:
 *   the vendor's is not documented.
 */
import { createHash, timingSafeEqual } from "node:crypto";
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { callLegSchema } from "@/contract/call.ts";
import { parseVendorCall } from "../connector/call-page.ts";
import { ingestCalls } from "../connector/ingest.ts";
import {
  endLiveCall,
  LIVE_STATES,
  liveCallWebhookSchema,
  recordLiveCall,
} from "../connector/live-calls.ts";
import { sendApiError, successEnvelope } from "../http/envelope.ts";
import { sendServerError } from "../http/error-handler.ts";
import type { Store } from "../store/open-store.ts";

export type WebhookRoutesOptions = {
  store: Store;
  /** Our shared secret (at least 16 characters): the path token or `x-webhook-secret`. */
  secret: string;
  /** Largest body accepted, bytes (default 256 KiB; a call record is a few kB). */
  bodyLimitBytes?: number;
};

export const WEBHOOK_PATH = "/api/webhooks/omicall";
export const WEBHOOK_SECRET_HEADER = "x-webhook-secret";
const DEFAULT_BODY_LIMIT = 256 * 1024;

function digest(value: string): Buffer {
  return createHash("sha256").update(value, "utf8").digest();
}

/** Constant-time comparison: both sides hashed first, so lengths leak nothing either. */
export function secretMatches(candidate: string, secretDigest: Buffer): boolean {
  return timingSafeEqual(digest(candidate), secretDigest);
}

type WebhookRequest = FastifyRequest<{ Params: { token?: string }; Body: Buffer }>;

function maskToken(url: string): string {
  return url.replace(/^(\/api\/webhooks\/omicall\/)[^/?#]+/, "$1***");
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export async function webhookRoutes(app: FastifyInstance, options: WebhookRoutesOptions) {
  if (typeof options.secret !== "string" || options.secret.length < 16) {
    throw new Error("the OMICall webhook needs a secret of at least 16 characters");
  }
  const secretDigest = digest(options.secret);
  const bodyLimit = options.bodyLimitBytes ?? DEFAULT_BODY_LIMIT;
  const { db } = options.store;

  // This plugin's own parsing (encapsulated: the rest of the app keeps its parsers): the raw
  // bytes, whatever the content type, parsed in the handler so a bad body gets our answer.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser("*", { parseAs: "buffer", bodyLimit }, (_request, body, done) => {
    done(null, body);
  });

  app.setErrorHandler<FastifyError>((error, request, reply) => {
    if (error.code === "FST_ERR_CTP_BODY_TOO_LARGE" || error.statusCode === 413) {
      request.log.warn({ limit: bodyLimit }, "OMICall webhook rejected: body too large");
      return sendApiError(reply, 413, "payload_too_large");
    }
    if ((error.statusCode ?? 500) < 500) {
      request.log.warn({ code: error.code }, "OMICall webhook rejected: unreadable request");
      return sendApiError(reply, error.statusCode ?? 400, "bad_request");
    }
    // A busy or full store gets its own answer (503 + Retry-After, 507): the vendor resends.
    return sendServerError(error, request, reply, "OMICall webhook failed");
  });

  const authenticate = async (request: WebhookRequest, reply: FastifyReply) => {
    const header = request.headers[WEBHOOK_SECRET_HEADER];
    const credentials = [
      request.params.token,
      Array.isArray(header) ? header.join(",") : header,
    ].filter((value): value is string => typeof value === "string");
    // Every credential given must match: a right header does not excuse a wrong token.
    const ok =
      credentials.length > 0 &&
      credentials.map((value) => secretMatches(value, secretDigest)).every(Boolean);
    if (!ok) {
      request.log.warn("OMICall webhook rejected: missing or wrong secret");
      return sendApiError(reply, 401, "unauthorized");
    }
  };

  const handler = async (request: WebhookRequest, reply: FastifyReply) => {
    const raw = Buffer.isBuffer(request.body) ? request.body.toString("utf8") : "";
    let body: unknown;
    try {
      body = JSON.parse(raw);
    } catch {
      request.log.warn({ bytes: raw.length }, "OMICall webhook rejected: body is not JSON");
      return sendApiError(reply, 400, "invalid_json");
    }
    if (!isRecord(body)) {
      request.log.warn("OMICall webhook rejected: body is not a JSON object");
      return sendApiError(reply, 400, "invalid_webhook_body");
    }

    const state = typeof body.state === "string" ? body.state : null;
    if (state !== null && (LIVE_STATES as readonly string[]).includes(state)) {
      const parsed = liveCallWebhookSchema.safeParse(body);
      if (!parsed.success) {
        const errors = parsed.error.issues.slice(0, 10).map((issue) => ({
          parameter: issue.path.join(".") || "(body)",
          message: issue.message,
        }));
        request.log.warn(
          { state, errors },
          "OMICall live webhook rejected: not the documented shape",
        );
        return sendApiError(reply, 400, "invalid_webhook_body", errors);
      }
      const stored = await recordLiveCall(db, parsed.data);
      return reply.send(
        successEnvelope({
          payload: {
            call_uuid: parsed.data.call_uuid,
            state,
            result: stored ? "stored" : "older_ignored",
          },
        }),
      );
    }
    if (state !== null && state !== "cdr") {
      // A state the docs do not name: acknowledged (no resends), not stored.
      request.log.info({ state }, "OMICall webhook with an unknown state ignored");
      return reply.send(successEnvelope({ payload: { state, result: "ignored" } }));
    }

    const parsed = parseVendorCall(body);
    if (!parsed.ok) {
      request.log.warn(
        { transactionId: parsed.transactionId, problems: parsed.problems },
        "OMICall end-of-call webhook rejected: not a valid call record",
      );
      return sendApiError(
        reply,
        400,
        "invalid_call_record",
        parsed.problems.map((problem) => {
          const [parameter, ...message] = problem.split(": ");
          return { parameter: parameter ?? "(body)", message: message.join(": ") };
        }),
      );
    }
    const rawLegs = body.call_stacks;
    let legs = null;
    if (Array.isArray(rawLegs)) {
      const parsedLegs = rawLegs.map((leg) => callLegSchema.safeParse(leg));
      if (parsedLegs.some((leg) => !leg.success)) {
        request.log.warn(
          { transactionId: parsed.call.transaction_id },
          "OMICall end-of-call webhook rejected: a leg is not valid",
        );
        return sendApiError(reply, 400, "invalid_call_record", [
          { parameter: "call_stacks", message: "every leg must follow the contract" },
        ]);
      }
      legs = parsedLegs.flatMap((leg) => (leg.success ? [leg.data] : []));
    }
    const result = await ingestCalls(db, [{ call: parsed.call, legs }]);
    await endLiveCall(db, parsed.call.call_uuid ?? parsed.call.transaction_id);
    if (parsed.call.call_uuid && parsed.call.call_uuid !== parsed.call.transaction_id) {
      await endLiveCall(db, parsed.call.transaction_id);
    }
    return reply.send(
      successEnvelope({
        payload: {
          transaction_id: parsed.call.transaction_id,
          result: result.written > 0 ? "written" : "older_ignored",
        },
      }),
    );
  };

  const routeOptions = {
    bodyLimit,
    onRequest: authenticate,
    // The path token is our secret: keep it out of the request log lines.
    logSerializers: {
      req: (request: FastifyRequest) => ({
        method: request.method,
        url: maskToken(request.url),
        host: request.host,
        remoteAddress: request.ip,
      }),
    },
  };
  app.post(WEBHOOK_PATH, routeOptions, handler);
  app.post(`${WEBHOOK_PATH}/:token`, routeOptions, handler);
}
