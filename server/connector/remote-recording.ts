/**
 * Plays a real call's recording through our server: streams the vendor's recording_file_url to
 * the browser, so the browser never needs (or sees) a vendor credential.
 *
 * - The client's Range (and If-Range, If-None-Match) go upstream; the upstream's status (200,
 *   206, 304, 416) and Content-Range, Content-Length, Content-Type, Accept-Ranges, ETag and
 *   Last-Modified come back. Nothing else is forwarded either way (no cookies, no client
 *   address).
 * - Only http(s) URLs without userinfo. Trusted hosts, the vendor's own origin and the hosts
 *   listed in OMICALL_RECORDING_HOSTS, are fetched at whatever address they have (an operator
 *   may run the vendor's mock or a recording store on a private network). With the list set,
 *   no other host is fetched; with it unset, any other host is fetched from public addresses
 *   only: loopback, private, link-local, CGNAT, ULA and the like are refused, and the check is
 *   made on the address actually connected to (see public-only-agent.ts), so a name resolving
 *   to 127.0.0.1 or rebinding to it after a check is refused too. Every redirect hop passes the
 *   same check. A refused URL is answered as not found.
 * - Credentials go only to the vendor's own origin (OMICALL_BASE_URL's), and only as the
 *   documented auth, `Authorization: Bearer` from /api/auth; the raw API key never does.
 *   Redirects are followed by hand (at most 3) and drop the credential when they leave that
 *   origin.
 * - Logs name the URL's origin and path only: a signed URL's query is a credential too.
 * - When the browser goes away, the upstream request is aborted.
 */
import type { LookupFunction } from "node:net";
import { Readable } from "node:stream";
import type { ReadableStream as NodeReadableStream } from "node:stream/web";
import type { FastifyReply, FastifyRequest } from "fastify";
import { Agent, fetch as undiciFetch } from "undici";
import { sendApiError } from "../http/envelope.ts";
import { isNonPublicAddressError, publicOnlyAgent } from "./public-only-agent.ts";

export type RemoteRecordingOptions = {
  /** The vendor's origin and a way to get its Bearer token; without it no credential is sent. */
  vendor?: { origin: string; accessToken: (signal?: AbortSignal) => Promise<string> };
  /**
   * Hosts recordings may come from besides the vendor's, trusted at any address; empty or
   * absent: any host, at public addresses only.
   */
  allowedHosts?: readonly string[];
  /** Resolves the names of hosts that are not trusted (dns.lookup; tests give a fake DNS). */
  lookup?: LookupFunction;
  /** How long to wait for the upstream's response headers (the body may take longer). */
  headersTimeoutMs?: number;
  maxRedirects?: number;
  fetch?: typeof undiciFetch;
};

export type RemoteRequest = {
  method: "GET" | "HEAD";
  range?: string | undefined;
  ifRange?: string | undefined;
  ifNoneMatch?: string | undefined;
  signal?: AbortSignal;
};

export type RemoteAnswer =
  | { ok: true; status: number; headers: Record<string, string>; body: Readable | null }
  | {
      ok: false;
      reason: "not_allowed" | "not_public" | "not_found" | "refused" | "unreachable" | "timeout";
      upstreamStatus?: number;
      headers?: Record<string, string>;
      /** not_public: the origin whose address was refused (a redirect's target, maybe). */
      origin?: string;
    };

const PASSED_BACK = [
  "content-type",
  "content-length",
  "content-range",
  "accept-ranges",
  "etag",
  "last-modified",
];

/** Origin and path of a URL, for logs: never its query (signed URLs carry tokens there). */
export function describeUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.origin}${parsed.pathname}`;
  } catch {
    return "(invalid url)";
  }
}

/** Sockets to trusted hosts: no address check. */
let trustedAgent: Agent | undefined;

/** How `url` may be fetched: through which agent, or null: not at all. */
function dispatcherFor(
  url: URL,
  options: RemoteRecordingOptions,
  vendorOrigin: string | null,
): Agent | null {
  if (url.protocol !== "http:" && url.protocol !== "https:") return null;
  if (url.username || url.password) return null;
  const hosts = options.allowedHosts ?? [];
  const trusted = url.origin === vendorOrigin || hosts.includes(url.hostname.toLowerCase());
  if (trusted) {
    trustedAgent ??= new Agent();
    return trustedAgent;
  }
  return hosts.length === 0 ? publicOnlyAgent(options.lookup) : null;
}

/** Opens the recording upstream: its status, the headers we pass back, and the body stream. */
export async function openRemoteRecording(
  recordingUrl: string,
  request: RemoteRequest,
  options: RemoteRecordingOptions = {},
): Promise<RemoteAnswer> {
  let url: URL;
  try {
    url = new URL(recordingUrl);
  } catch {
    return { ok: false, reason: "not_allowed" };
  }
  const doFetch = options.fetch ?? undiciFetch;
  const vendorOrigin = options.vendor ? new URL(options.vendor.origin).origin : null;
  const headersTimeout = new AbortController();
  const timer = setTimeout(
    () => headersTimeout.abort(new Error("timeout")),
    options.headersTimeoutMs ?? 15_000,
  );
  const signal = request.signal
    ? AbortSignal.any([request.signal, headersTimeout.signal])
    : headersTimeout.signal;

  try {
    for (let hop = 0; hop <= (options.maxRedirects ?? 3); hop += 1) {
      const dispatcher = dispatcherFor(url, options, vendorOrigin);
      if (!dispatcher) return { ok: false, reason: "not_allowed" };
      const headers: Record<string, string> = { accept: "audio/*, */*;q=0.5" };
      if (request.range) headers.range = request.range;
      if (request.range && request.ifRange) headers["if-range"] = request.ifRange;
      if (request.ifNoneMatch) headers["if-none-match"] = request.ifNoneMatch;
      if (options.vendor && url.origin === vendorOrigin) {
        headers.authorization = `Bearer ${await options.vendor.accessToken(signal)}`;
      }
      let response: Awaited<ReturnType<typeof undiciFetch>>;
      try {
        response = await doFetch(url, {
          method: request.method,
          headers,
          signal,
          redirect: "manual",
          dispatcher,
        });
      } catch (error) {
        if (request.signal?.aborted) throw request.signal.reason;
        if (isNonPublicAddressError(error)) {
          return { ok: false, reason: "not_public", origin: url.origin };
        }
        return { ok: false, reason: headersTimeout.signal.aborted ? "timeout" : "unreachable" };
      }
      if ([301, 302, 303, 307, 308].includes(response.status)) {
        const location = response.headers.get("location");
        await response.body?.cancel();
        if (!location) return { ok: false, reason: "refused", upstreamStatus: response.status };
        url = new URL(location, url);
        continue;
      }
      clearTimeout(timer);
      const passed: Record<string, string> = {};
      for (const name of PASSED_BACK) {
        const value = response.headers.get(name);
        if (value !== null) passed[name] = value;
      }
      if (response.status === 200 || response.status === 206 || response.status === 304) {
        const body =
          request.method === "HEAD" || response.status === 304 || !response.body
            ? null
            : Readable.fromWeb(response.body as unknown as NodeReadableStream<Uint8Array>);
        if (!body) await response.body?.cancel();
        return { ok: true, status: response.status, headers: passed, body };
      }
      await response.body?.cancel();
      if (response.status === 416) {
        return { ok: false, reason: "refused", upstreamStatus: 416, headers: passed };
      }
      if (response.status === 404 || response.status === 410) {
        return { ok: false, reason: "not_found", upstreamStatus: response.status };
      }
      return { ok: false, reason: "refused", upstreamStatus: response.status };
    }
    return { ok: false, reason: "refused" };
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Answers a recording request by streaming `recordingUrl`: for the recordings route, for a
 * call whose recording is the vendor's. `filename` names a download (`?download=1`).
 */
export async function sendRemoteRecording(
  request: FastifyRequest,
  reply: FastifyReply,
  recordingUrl: string,
  options: RemoteRecordingOptions & { disposition?: "inline" | "attachment"; filename?: string },
): Promise<FastifyReply> {
  const browserGone = new AbortController();
  const onClose = () => {
    if (!reply.raw.writableFinished) browserGone.abort(new Error("client closed"));
  };
  reply.raw.once("close", onClose);
  const header = (name: string) => {
    const value = request.headers[name];
    return Array.isArray(value) ? value[0] : value;
  };
  let answer: RemoteAnswer;
  try {
    answer = await openRemoteRecording(
      recordingUrl,
      {
        method: request.method === "HEAD" ? "HEAD" : "GET",
        range: header("range"),
        ifRange: header("if-range"),
        ifNoneMatch: header("if-none-match"),
        signal: browserGone.signal,
      },
      options,
    );
  } catch (error) {
    if (browserGone.signal.aborted) return reply;
    throw error;
  }
  const where = describeUrl(recordingUrl);
  if (!answer.ok) {
    switch (answer.reason) {
      case "not_allowed":
        request.log.warn({ recording: where }, "recording URL not allowed");
        return sendApiError(reply, 404, "recording_not_found");
      case "not_public":
        // The origin only: the refused hop may be a redirect's, whose path we never logged.
        request.log.warn({ recording: answer.origin }, "recording host has no public address");
        return sendApiError(reply, 404, "recording_not_found");
      case "not_found":
        return sendApiError(reply, 404, "recording_not_found");
      case "timeout":
        request.log.warn({ recording: where }, "recording upstream timed out");
        return sendApiError(reply, 504, "recording_upstream_timeout");
      case "unreachable":
        request.log.warn({ recording: where }, "recording upstream unreachable");
        return sendApiError(reply, 502, "recording_upstream_unreachable");
      default:
        if (answer.upstreamStatus === 416) {
          if (answer.headers?.["content-range"]) {
            reply.header("content-range", answer.headers["content-range"]);
          }
          return sendApiError(reply, 416, "range_not_satisfiable");
        }
        request.log.warn(
          { recording: where, upstreamStatus: answer.upstreamStatus },
          "recording upstream refused",
        );
        return sendApiError(reply, 502, "recording_upstream_refused");
    }
  }
  reply.code(answer.status);
  for (const [name, value] of Object.entries(answer.headers)) reply.header(name, value);
  if (answer.status !== 304) {
    if (!answer.headers["content-type"]) reply.header("content-type", "application/octet-stream");
    reply.header(
      "content-disposition",
      `${options.disposition ?? "inline"}${options.filename ? `; filename="${options.filename.replace(/["\\\r\n]/g, "")}"` : ""}`,
    );
  }
  reply
    .header("cache-control", "private, max-age=3600")
    .header("x-content-type-options", "nosniff");
  if (!answer.body) return reply.send();
  answer.body.on("error", (error) => {
    if (!browserGone.signal.aborted)
      request.log.warn({ recording: where, err: error }, "recording stream broke");
  });
  return reply.send(answer.body);
}
