/**
 * `GET /api/call_transaction/export`: the whole filtered result as CSV, streamed a batch at a time
 * so a million-row export holds a few thousand rows in memory, never the whole file.
 */
import { Readable } from "node:stream";
import type { FastifyInstance } from "fastify";
import type { CallListItem } from "@/contract/call.ts";
import { callListQuerySchema, describeQueryProblems } from "@/contract/call-list-query.ts";
import { CALL_CENTER_TIME_ZONE, LANGUAGES, type Language } from "@/lib/i18n/preferences.tsx";
import { callScopeOf, viewerOf } from "../auth/authentication.ts";
import { csvHeader, csvRows } from "../export/calls-csv.ts";
import { sendApiError } from "../http/envelope.ts";
import { callJsonWithDerivedFields, iterateCalls } from "../store/call-reader.ts";
import type { Store } from "../store/open-store.ts";
import { normalizeQueryKeys } from "./calls.ts";

/** Rows read, parsed and written per step: a few megabytes of records in memory at once. */
const EXPORT_BATCH_ROWS = 1000;

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

export async function exportRoutes(app: FastifyInstance, options: { store: Store }) {
  const { db } = options.store;

  app.get("/api/call_transaction/export", async (request, reply) => {
    const {
      tz,
      lang,
      page: _page,
      size: _size,
      ...filterQuery
    } = normalizeQueryKeys(request.query as Record<string, string | string[]>);
    const timeZone = typeof tz === "string" && tz !== "" ? tz : CALL_CENTER_TIME_ZONE;
    if (!isTimeZone(timeZone)) {
      return sendApiError(reply, 400, "invalid_parameter", [
        { parameter: "tz", message: "tz must be an IANA time zone such as Asia/Ho_Chi_Minh" },
      ]);
    }
    const language = lang ?? "vi";
    if (typeof language !== "string" || !LANGUAGES.includes(language as Language)) {
      return sendApiError(reply, 400, "invalid_parameter", [
        { parameter: "lang", message: "lang must be vi or en" },
      ]);
    }
    const parsed = callListQuerySchema.safeParse(filterQuery);
    if (!parsed.success) {
      return sendApiError(reply, 400, "invalid_parameter", describeQueryProblems(parsed.error));
    }
    const { sort, page: _p, size: _s, ...filters } = parsed.data;

    const scope = callScopeOf(viewerOf(request));
    const tagRows = await db
      .selectFrom("filter_values")
      .select(["value", "label"])
      .where("tenant_id", "=", scope.tenantId)
      .where("kind", "=", "tag")
      .execute();
    const tagNames = new Map(
      tagRows.flatMap((row) => (row.label ? [[row.value, row.label] as const] : [])),
    );
    const csvOptions = { language: language as Language, timeZone, tagNames };

    async function* csvChunks() {
      yield csvHeader(csvOptions.language);
      for await (const rows of iterateCalls(db, filters, scope, sort, EXPORT_BATCH_ROWS)) {
        const calls = rows.map((row) => JSON.parse(callJsonWithDerivedFields(row)) as CallListItem);
        yield csvRows(calls, csvOptions);
      }
    }

    const stamp = new Date().toISOString().slice(0, 16).replace(/[-:T]/g, "");
    return (
      reply
        .type("text/csv; charset=utf-8")
        .header("content-disposition", `attachment; filename="calls-${stamp}.csv"`)
        .header("cache-control", "no-store")
        // One batch ahead at most: the default (16 objects) parsed 16 batches ahead of a slow
        // client and, measured on a week of a million-call store, lifted the server to 430 MB.
        .send(Readable.from(csvChunks(), { highWaterMark: 1 }))
    );
  });
}
