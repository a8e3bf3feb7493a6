/**
 * Recordings of calls, for the drawer's player:
 * - `GET|HEAD /api/recordings/:transaction_id`: the audio, streamed, with byte ranges so an
 *   <audio> element can seek (and start playing) without downloading the whole file.
 * - `GET /api/recordings/:transaction_id/peaks`: the waveform as precomputed peaks.
 *
 * Conditional requests: `If-None-Match` answers 304. `If-Range` is honoured by strong ETag
 * comparison only (we send no Last-Modified, so a date never matches): when it does not match,
 * the Range is ignored and the whole current file is sent, as RFC 9110 §13.1.5 requires.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { TRANSACTION_ID_PATTERN } from "@/contract/call.ts";
import { type RemoteRecordingOptions, sendRemoteRecording } from "../connector/remote-recording.ts";
import { sendApiError } from "../http/envelope.ts";
import { LruCache } from "../lib/lru-cache.ts";
import {
  contentRange,
  parseRangeHeader,
  unsatisfiedContentRange,
} from "../recordings/http-range.ts";
import { openRecordingAsset } from "../recordings/recording-asset.ts";
import type { RecordingSource } from "../recordings/recording-source.ts";

export type { RecordingSource };

export type RecordingRoutesOptions = {
  /** The recording of a call the request's viewer may see, or null (answered 404). */
  findRecording: (
    transactionId: string,
    request: FastifyRequest,
  ) => Promise<RecordingSource | null>;
  /** How vendor recordings are fetched (credential, allowed hosts). */
  remoteRecording?: RemoteRecordingOptions;
  /** Serialized peaks kept in memory, at most ~50 KB each (500 entries: ≤ 25 MB). */
  peaksCacheEntries?: number;
};

type RecordingRequest = FastifyRequest<{
  Params: { transaction_id: string };
  Querystring: Record<string, string | string[] | undefined>;
}>;

/** The request's recording, or null once an error has been sent. */
async function findSource(
  request: RecordingRequest,
  reply: FastifyReply,
  findRecording: RecordingRoutesOptions["findRecording"],
): Promise<RecordingSource | null> {
  const id = request.params.transaction_id;
  if (!TRANSACTION_ID_PATTERN.test(id)) {
    sendApiError(reply, 400, "invalid_transaction_id");
    return null;
  }
  const source = await findRecording(id, request);
  if (!source) {
    sendApiError(reply, 404, "recording_not_found");
    return null;
  }
  return source;
}

function entityTags(header: string): string[] {
  return header.split(",").map((tag) => tag.trim());
}

/** If-None-Match uses the weak comparison: W/"x" matches "x". */
function noneMatch(header: string | undefined, etag: string): boolean {
  if (header === undefined) return false;
  const opaque = (tag: string) => (tag.startsWith("W/") ? tag.slice(2) : tag);
  return entityTags(header).some((tag) => tag === "*" || opaque(tag) === etag);
}

/** If-Range uses the strong comparison; absent, the Range applies. */
function rangeStillApplies(header: string | string[] | undefined, etag: string): boolean {
  return header === undefined || (typeof header === "string" && header.trim() === etag);
}

function isDownload(query: RecordingRequest["query"]): boolean {
  const value = query.download;
  const last = Array.isArray(value) ? value.at(-1) : value;
  return last === "1" || last === "true";
}

export async function recordingRoutes(app: FastifyInstance, options: RecordingRoutesOptions) {
  const peaksCache = new LruCache<string, Promise<string>>(options.peaksCacheEntries ?? 500);

  app.route({
    method: ["GET", "HEAD"],
    url: "/api/recordings/:transaction_id",
    handler: async (request: RecordingRequest, reply) => {
      const source = await findSource(request, reply, options.findRecording);
      if (!source) return reply;
      if (source.kind === "remote") {
        return sendRemoteRecording(request, reply, source.url, {
          ...options.remoteRecording,
          disposition: isDownload(request.query) ? "attachment" : "inline",
          filename: `${source.transactionId}${/\.(mp3|wav|ogg|m4a)(?:$|\?)/i.exec(source.url)?.[0]?.replace("?", "") ?? ""}`,
        });
      }
      const asset = openRecordingAsset(source);
      const size = asset.byteLength;
      reply.header("accept-ranges", "bytes");

      if (noneMatch(request.headers["if-none-match"], asset.etag)) {
        return reply
          .code(304)
          .header("etag", asset.etag)
          .header("cache-control", "private, max-age=3600")
          .send();
      }
      const range = rangeStillApplies(request.headers["if-range"], asset.etag)
        ? parseRangeHeader(request.headers.range, size)
        : ({ kind: "none" } as const);
      if (range.kind === "unsatisfiable") {
        reply.header("content-range", unsatisfiedContentRange(size));
        return sendApiError(reply, 416, "range_not_satisfiable");
      }

      const start = range.kind === "satisfiable" ? range.start : 0;
      const end = range.kind === "satisfiable" ? range.end : size - 1;
      const disposition = isDownload(request.query) ? "attachment" : "inline";
      reply
        .code(range.kind === "satisfiable" ? 206 : 200)
        .type(asset.contentType)
        .header("content-length", end - start + 1)
        .header("etag", asset.etag)
        .header("cache-control", "private, max-age=3600")
        .header(
          "content-disposition",
          `${disposition}; filename="${request.params.transaction_id}.${asset.fileExtension}"`,
        );
      if (range.kind === "satisfiable")
        reply.header("content-range", contentRange(start, end, size));
      if (request.method === "HEAD") return reply.send();
      return reply.send(asset.createByteStream(start, end));
    },
  });

  app.get("/api/recordings/:transaction_id/peaks", async (request: RecordingRequest, reply) => {
    const source = await findSource(request, reply, options.findRecording);
    if (!source) return reply;
    // Peaks of vendor audio would need decoding it once; until then the player draws no waveform.
    if (source.kind === "remote") return sendApiError(reply, 404, "peaks_unavailable");
    const asset = openRecordingAsset(source);
    reply.header("etag", asset.peaksEtag).header("cache-control", "private, max-age=86400");
    if (noneMatch(request.headers["if-none-match"], asset.peaksEtag)) return reply.code(304).send();
    const body = peaksCache.getOrCreate(asset.peaksEtag, () => {
      // The promise is cached, so simultaneous requests share one computation.
      const pending = asset.computePeaks().then((peaks) => JSON.stringify(peaks));
      pending.catch(() => peaksCache.delete(asset.peaksEtag));
      return pending;
    });
    return reply.type("application/json; charset=utf-8").send(await body);
  });
}
