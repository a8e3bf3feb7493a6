/**
 * The call API at OMICall's v1 paths, in the vendor's envelope:
 * `GET /api/call_transaction/list` and `GET /api/call_transaction/detail/:transaction_id`.
 */
import type { FastifyInstance } from "fastify";
import { TRANSACTION_ID_PATTERN } from "@/contract/call.ts";
import { callListQuerySchema, describeQueryProblems } from "@/contract/call-list-query.ts";
import { callScopeOf, viewerOf } from "../auth/authentication.ts";
import { INSTANCE, sendApiError } from "../http/envelope.ts";
import { timed } from "../http/server-timing.ts";
import { findCallDetail, listCalls } from "../store/call-reader.ts";
import type { Store } from "../store/open-store.ts";

/** The envelope's fixed head, written once: bodies are assembled from stored JSON text. */
const ENVELOPE_HEAD = JSON.stringify(INSTANCE).slice(0, -1);
const LIST_HEAD = Buffer.from(`${ENVELOPE_HEAD},"payload":{"items":[`);
const COMMA = Buffer.from(",");

export function normalizeQueryKeys(query: Record<string, string | string[] | undefined>) {
  // The vendor's clients send repeatable parameters as `direction[]=…`; ours send `direction=…`.
  const normalized: Record<string, string | string[] | undefined> = {};
  for (const [key, value] of Object.entries(query)) {
    const name = key.endsWith("[]") ? key.slice(0, -2) : key;
    const previous = normalized[name];
    normalized[name] =
      previous === undefined
        ? value
        : [previous, value].flat().filter((entry) => entry !== undefined);
  }
  return normalized;
}

export async function callRoutes(app: FastifyInstance, options: { store: Store }) {
  const { db } = options.store;

  app.get("/api/call_transaction/list", async (request, reply) => {
    const parsed = callListQuerySchema.safeParse(
      normalizeQueryKeys(request.query as Record<string, string | string[]>),
    );
    if (!parsed.success) {
      return sendApiError(reply, 400, "invalid_parameter", describeQueryProblems(parsed.error));
    }
    const query = parsed.data;
    const { items, total } = await timed(request, "db", () =>
      listCalls(db, query, callScopeOf(viewerOf(request))),
    );
    const totalPages = Math.ceil(total / query.size);
    const pageFields = {
      page_number: query.page,
      page_size: query.size,
      total_items: total,
      total_pages: totalPages,
      has_next: query.page < totalPages,
      // The vendor's sample answers next_page/previous_page with the current page at the edges.
      next_page: query.page < totalPages ? query.page + 1 : query.page,
      has_previous: query.page > 1,
      previous_page: query.page > 1 ? query.page - 1 : query.page,
      extension: null,
    };
    const pieces: Buffer[] = [LIST_HEAD];
    items.forEach((item, index) => {
      if (index > 0) pieces.push(COMMA);
      pieces.push(...item);
    });
    pieces.push(Buffer.from(`],${JSON.stringify(pageFields).slice(1)},"status_code":9999}`));
    return reply.type("application/json; charset=utf-8").send(Buffer.concat(pieces));
  });

  app.get<{ Params: { transaction_id: string } }>(
    "/api/call_transaction/detail/:transaction_id",
    async (request, reply) => {
      const { transaction_id: transactionId } = request.params;
      if (!TRANSACTION_ID_PATTERN.test(transactionId)) {
        return sendApiError(reply, 400, "invalid_parameter", [
          {
            parameter: "transaction_id",
            message: "transaction_id must be 1–64 letters, digits, dots, dashes or underscores",
          },
        ]);
      }
      // Another tenant's call, or one an agent did not take part in, is "not found", not "forbidden".
      const detail = await timed(request, "db", () =>
        findCallDetail(db, transactionId, callScopeOf(viewerOf(request))),
      );
      if (!detail) return sendApiError(reply, 404, "resource_not_found");
      return reply
        .type("application/json; charset=utf-8")
        .send(
          `${ENVELOPE_HEAD},"payload":${detail.callJson},"call_stacks":[${detail.legsJson.join(",")}],"status_code":9999}`,
        );
    },
  );
}
