/**
 * A local stand-in for OMICall's public API, following its documented shapes
 * (../shared/docs/omicall-api.md, the seed's envelopes): `/api/auth`, the v1 list and detail,
 * the v3 search (empty answers as HTTP 204), and recordings with byte ranges. It holds N calls
 * generated deterministically from a seed, and can misbehave on purpose: 429s, 5xx, the
 * vendor's rate-limit messages, expiring tokens, calls arriving in the middle of a sync.
 * It records what the vendor would refuse (pages over 50, ranges over 30 days) as
 * `violations`, so tests can assert the connector never asks for them.
 *
 * By hand: `npx tsx server/connector/fake-upstream.ts --calls 10000 [--port 9400] [--seed 1]
 * [--span-days 60] [--start 2025-01-01] [--rate-limit-every 20] [--error-every 50]
 * [--token-requests 500] [--v3 off]`, then run the printed `npm run sync` line.
 */
import { createHash } from "node:crypto";
import { pathToFileURL } from "node:url";
import Fastify, { type FastifyReply, type FastifyRequest } from "fastify";
import type { Call, CallLeg } from "@/contract/call.ts";
import seedDetail from "../../tests/fixtures/seed-detail-response.json" with { type: "json" };

const DAY_MS = 86_400_000;
const MAX_RANGE_MS = 30 * DAY_MS;
const MAX_PAGE_SIZE = 50;
const ENVELOPE = { instance_id: "stg", instance_version: "1.2.164", key_enabled: false };

export type FakeRoute = "auth" | "v3" | "v1-list" | "v1-detail" | "recording";

export type Fault =
  | { kind: "http-429"; retryAfterSeconds?: number }
  | { kind: "http-500" | "http-502" | "http-503" }
  | {
      kind:
        | "rate_limit_exceeded"
        | "limit_request_30_minute"
        | "token_expired"
        | "date_is_too_long";
    }
  | { kind: "delay"; ms: number };

export type FakeUpstreamOptions = {
  calls?: number;
  seed?: number;
  /** created_date of the first call (default 2025-01-01 00:00 in Vietnam). */
  startMs?: number;
  /** The calls are spread evenly over this many days. */
  spanDays?: number;
  apiKey?: string;
  tenantId?: string;
  /** Lifetime of an access token, ms (the vendor's: 24 h). */
  tokenTtlMs?: number;
  /** A token is refused as `token_expired` after this many requests (simulates expiry). */
  tokenRequests?: number;
  /** v1's order is not documented: newest first by default, the harder case for paging. */
  v1Order?: "asc" | "desc";
  /** The v3 answer's shape (not public): the v1 envelope or a plausible variant. */
  v3Shape?: "v1-envelope" | "data-array" | "camel-case";
  /** false: the v3 route does not exist (404), as on a deployment without it. */
  v3?: boolean;
  /** v3 ignores the requested sort and answers newest first (a misbehaving upstream). */
  v3IgnoresSort?: boolean;
  /** A broken upstream: every page number answers page 1's calls (has_next as asked). */
  ignoresPageNumbers?: boolean;
  /** `size` calls from index `from` share one created_date (ties across page boundaries). */
  burst?: { from: number; size: number };
  /** Bytes per second of the fake recordings (8 kHz 8-bit mono WAV). */
  recordingBytesPerSecond?: number;
  /** Periodic faults: every `every`-th request of a route gets `fault`. */
  periodicFaults?: { route: FakeRoute; every: number; fault: Fault }[];
  /** Recordings need a Bearer token (to check that one is sent to the vendor's host only). */
  recordingsNeedAuth?: boolean;
};

export type FakeRequestLog = {
  route: FakeRoute;
  status: number;
  page?: number;
  size?: number;
  fromMs?: number;
  toMs?: number;
  authorization?: string;
};

function rng(seed: number) {
  let state = seed >>> 0 || 1;
  return () => {
    // mulberry32
    state = (state + 0x6d2b79f5) | 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const template = seedDetail.payload as unknown as Call;
const legTemplate = seedDetail.call_stacks[0] as unknown as CallLeg;

const AGENTS = [
  { sip: "101", name: "Nguyễn Thị Lan", unsigned: "nguyen thi lan" },
  { sip: "102", name: "Trần Văn Hùng", unsigned: "tran van hung" },
  { sip: "103", name: "Lê Minh Anh", unsigned: "le minh anh" },
  { sip: "104", name: "Phạm Quốc Bảo", unsigned: "pham quoc bao" },
  { sip: "105", name: "Võ Thị Hồng", unsigned: "vo thi hong" },
];
const CUSTOMERS = ["Đặng Văn Tài", "Bùi Thị Mai", "Hoàng Đức Long", "Ngô Thu Trang", null];
const PROVIDERS = ["viettel", "mobifone", "vinaphone", "vietnamobile"];

export function fakeTransactionId(index: number): string {
  const hex = createHash("sha1").update(`fake-call-${index}`).digest("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${index.toString(16).padStart(12, "0")}`;
}

type FakeCall = { call: Call; legs: CallLeg[] };

function base64url(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString("base64url");
}

function wavHeader(dataBytes: number, sampleRate: number): Buffer {
  const header = Buffer.alloc(44);
  header.write("RIFF", 0, "ascii");
  header.writeUInt32LE(36 + dataBytes, 4);
  header.write("WAVEfmt ", 8, "ascii");
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20);
  header.writeUInt16LE(1, 22);
  header.writeUInt32LE(sampleRate, 24);
  header.writeUInt32LE(sampleRate, 28);
  header.writeUInt16LE(1, 32);
  header.writeUInt16LE(8, 34);
  header.write("data", 36, "ascii");
  header.writeUInt32LE(dataBytes, 40);
  return header;
}

/** A quiet 440 Hz tone, so a recording played by hand is audibly a recording. */
function recordingBytes(seconds: number, bytesPerSecond: number): Buffer {
  const dataBytes = Math.max(1, Math.round(seconds * bytesPerSecond));
  const data = Buffer.alloc(dataBytes);
  for (let index = 0; index < dataBytes; index += 1) {
    data[index] = 128 + Math.round(20 * Math.sin((2 * Math.PI * 440 * index) / bytesPerSecond));
  }
  return Buffer.concat([wavHeader(dataBytes, bytesPerSecond), data]);
}

function parseRange(header: string | undefined, size: number): [number, number] | "invalid" | null {
  if (!header) return null;
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!match) return null;
  const [, first, last] = match;
  let start: number;
  let end: number;
  if (first === "") {
    if (!last) return "invalid";
    start = Math.max(0, size - Number(last));
    end = size - 1;
  } else {
    start = Number(first);
    end = last === "" ? size - 1 : Math.min(Number(last), size - 1);
  }
  if (start >= size || start > end) return "invalid";
  return [start, end];
}

/** The v3 filter's date format is not public: accept unix ms, unix s and ISO dates. */
function readDate(value: unknown, fallback: number): number {
  if (value === undefined || value === null) return fallback;
  if (typeof value === "number") return value < 1e12 ? value * 1000 : value;
  if (typeof value === "string") return Date.parse(value);
  return Number.NaN;
}

export type FakeUpstream = Awaited<ReturnType<typeof startFakeUpstream>>;

export async function startFakeUpstream(options: FakeUpstreamOptions = {}, port = 0) {
  const apiKey = options.apiKey ?? "fake-api-key";
  const tenantId = options.tenantId ?? "6507f1c2a97b3e5d0012ffee";
  const startMs = options.startMs ?? Date.UTC(2024, 11, 31, 17, 0, 0);
  const spanMs = (options.spanDays ?? 90) * DAY_MS;
  const bytesPerSecond = options.recordingBytesPerSecond ?? 8000;
  const random = rng(options.seed ?? 1);
  const calls: FakeCall[] = [];
  const byId = new Map<string, FakeCall>();
  const requests: FakeRequestLog[] = [];
  const violations: string[] = [];
  const counters = new Map<FakeRoute, number>();
  const scripted = new Map<FakeRoute, Fault[]>();
  const tokens = new Map<string, { expiresAt: number; requestsLeft: number }>();
  let baseUrl = "";
  let sorted: { field: string; order: string; list: FakeCall[] } | null = null;

  function makeCall(index: number, createdMs: number): FakeCall {
    const agent = AGENTS[Math.floor(random() * AGENTS.length)] ?? AGENTS[0]!;
    const direction = random() < 0.6 ? "inbound" : random() < 0.9 ? "outbound" : "local";
    const answered = random() < 0.75;
    const talk = answered ? 20 + Math.floor(random() * 400) : 0;
    const ring = 3 + Math.floor(random() * 25);
    const duration = ring + talk;
    const endS = Math.floor(createdMs / 1000) - 1;
    const startS = endS - duration;
    const phone = `09${String(10_000_000 + Math.floor(random() * 89_999_999)).slice(0, 8)}`;
    const customer = CUSTOMERS[Math.floor(random() * CUSTOMERS.length)] ?? null;
    const id = fakeTransactionId(index);
    const recorded = answered && talk > 0;
    const call: Call = {
      ...structuredClone(template),
      transaction_id: id,
      tenant_id: tenantId,
      direction,
      source_number: direction === "inbound" ? phone : agent.sip,
      destination_number: direction === "inbound" ? "842499950291" : phone,
      bill_sec: talk,
      answer_sec: answered ? ring : 0,
      record_seconds: recorded ? talk : 0,
      duration,
      time_start_call: startS,
      time_end_call: endS,
      time_start_to_answer: answered ? startS + ring : null,
      created_date: createdMs,
      last_updated_date: createdMs + 500 + Math.floor(random() * 5000),
      recording_file: recorded ? `${id}.wav` : "",
      recording_file_url: recorded ? `${baseUrl}/recordings/${id}.wav` : "",
      sip_user: agent.sip,
      provider: PROVIDERS[Math.floor(random() * PROVIDERS.length)] ?? "viettel",
      phone_number: phone,
      customer: customer
        ? {
            full_name: customer,
            full_name_unsigned: customer
              .normalize("NFD")
              .replace(/\p{M}/gu, "")
              .replace(/đ/gi, "d")
              .toLowerCase(),
          }
        : null,
      user: [{ full_name: agent.name, full_name_unsigned: agent.unsigned, note: null, tag: null }],
      create_by: {
        id: `agent-${agent.sip}`,
        name: agent.name,
        contact_id: null,
        avatar: null,
        gender: null,
        uuid: null,
        type: "agent",
      },
      hangup_cause: answered ? "NORMAL_CLEARING" : "NO_ANSWER",
      hangup_cause_q850: answered ? 16 : 19,
      endby_name: answered ? "end_call_by_customer" : "end_call_by_timeout",
      tag: [],
      note: null,
    };
    const legs: CallLeg[] = [
      {
        ...legTemplate,
        index: 1,
        type: "criteria-script",
        from: phone,
        to: "script-1",
        phone_number: phone,
        at: startS,
        ringing_at: startS,
        answer_at: null,
        bye_at: startS + 1,
        is_answer: false,
      },
    ];
    const rungAgents = 1 + Math.floor(random() * 2);
    for (let leg = 0; leg < rungAgents; leg += 1) {
      const last = leg === rungAgents - 1;
      const target = AGENTS[(AGENTS.indexOf(agent) + rungAgents - 1 - leg) % AGENTS.length]!;
      legs.push({
        ...legTemplate,
        index: leg + 2,
        type: "ring-group",
        from: phone,
        to: `70759-${target.sip}`,
        phone_number: phone,
        at: startS + 1,
        ringing_at: startS + 1,
        answer_at: last && answered ? startS + ring : null,
        bye_at: last && answered ? endS : startS + ring,
        is_answer: last && answered,
      });
    }
    return { call, legs };
  }

  function generate(count: number) {
    const firstIndex = calls.length;
    for (let index = firstIndex; index < firstIndex + count; index += 1) {
      let createdMs = startMs + Math.floor((index * spanMs) / Math.max(1, count + firstIndex));
      const burst = options.burst;
      if (burst && index >= burst.from && index < burst.from + burst.size) {
        createdMs = startMs + Math.floor((burst.from * spanMs) / Math.max(1, count + firstIndex));
      }
      const entry = makeCall(index, createdMs);
      calls.push(entry);
      byId.set(entry.call.transaction_id, entry);
    }
    sorted = null;
  }

  function view(field: "created_date" | "time_start_call", order: "asc" | "desc") {
    if (sorted?.field !== field || sorted.order !== order) {
      const key = (entry: FakeCall) =>
        field === "created_date" ? entry.call.created_date : entry.call.time_start_call * 1000;
      const list = [...calls].sort((a, b) => (order === "asc" ? key(a) - key(b) : key(b) - key(a)));
      sorted = { field, order, list };
    }
    return sorted.list;
  }

  function select(
    fromMs: number,
    toMs: number,
    field: "created_date" | "time_start_call",
    order: "asc" | "desc",
  ) {
    return view(field, order).filter((entry) => {
      const time =
        field === "created_date" ? entry.call.created_date : entry.call.time_start_call * 1000;
      return time >= fromMs && time <= toMs;
    });
  }

  function nextFault(route: FakeRoute): Fault | null {
    const count = (counters.get(route) ?? 0) + 1;
    counters.set(route, count);
    const queue = scripted.get(route);
    if (queue && queue.length > 0) return queue.shift() ?? null;
    for (const periodic of options.periodicFaults ?? []) {
      if (periodic.route === route && count % periodic.every === 0) return periodic.fault;
    }
    return null;
  }

  /** Applies a fault; true when it has answered the request. */
  async function applyFault(fault: Fault | null, reply: FastifyReply, log: FakeRequestLog) {
    if (!fault) return false;
    switch (fault.kind) {
      case "delay":
        await new Promise((resolve) => setTimeout(resolve, fault.ms));
        return false;
      case "http-429":
        log.status = 429;
        // As a gateway in front of the API would answer: no envelope.
        reply.code(429).header("retry-after", String(fault.retryAfterSeconds ?? 0));
        reply.type("text/plain").send("Too Many Requests");
        return true;
      case "http-500":
      case "http-502":
      case "http-503":
        log.status = Number(fault.kind.slice(5));
        reply.code(log.status).type("text/html").send("<html><body>Bad gateway</body></html>");
        return true;
      default:
        log.status = fault.kind === "token_expired" ? 401 : 200;
        reply
          .code(log.status)
          .send({ ...ENVELOPE, status_code: -9999, message: fault.kind, payload: null });
        return true;
    }
  }

  function fail(reply: FastifyReply, log: FakeRequestLog, status: number, message: string) {
    log.status = status;
    return reply.code(status).send({ ...ENVELOPE, status_code: -9999, message, payload: null });
  }

  /** Checks a Bearer token; answers and returns false when it is not good. */
  function bearerOk(request: FastifyRequest, reply: FastifyReply, log: FakeRequestLog) {
    const header = request.headers.authorization ?? "";
    log.authorization = header;
    const token = /^Bearer (.+)$/.exec(header)?.[1];
    const known = token ? tokens.get(token) : undefined;
    if (!known) {
      fail(reply, log, 401, "api_key_is_required");
      return false;
    }
    if (Date.now() >= known.expiresAt || known.requestsLeft <= 0) {
      fail(reply, log, 401, "token_expired");
      return false;
    }
    known.requestsLeft -= 1;
    return true;
  }

  function checkPaging(page: number, size: number, fromMs: number, toMs: number, route: string) {
    if (!(size >= 1 && size <= MAX_PAGE_SIZE)) violations.push(`${route}: size ${size}`);
    if (!(page >= 1)) violations.push(`${route}: page ${page}`);
    if (toMs - fromMs > MAX_RANGE_MS)
      violations.push(`${route}: range of ${(toMs - fromMs) / DAY_MS} days`);
    return Math.min(MAX_PAGE_SIZE, Math.max(1, size || MAX_PAGE_SIZE));
  }

  function pageOf(list: FakeCall[], page: number, size: number) {
    const totalPages = Math.max(1, Math.ceil(list.length / size));
    const served = options.ignoresPageNumbers ? 1 : page;
    return {
      items: list.slice((served - 1) * size, served * size).map((entry) => entry.call),
      page_number: page,
      page_size: size,
      total_items: list.length,
      total_pages: totalPages,
      has_next: page < totalPages,
      next_page: Math.min(page + 1, totalPages),
      has_previous: page > 1,
      previous_page: Math.max(1, page - 1),
      extension: null,
    };
  }

  const camel = (key: string) =>
    key.replace(/_([a-z0-9])/g, (_, letter: string) => letter.toUpperCase());
  function camelCase(value: unknown): unknown {
    if (Array.isArray(value)) return value.map(camelCase);
    if (typeof value !== "object" || value === null) return value;
    return Object.fromEntries(
      Object.entries(value).map(([key, inner]) => [camel(key), camelCase(inner)]),
    );
  }

  const app = Fastify({ logger: false, keepAliveTimeout: 30_000, forceCloseConnections: true });

  app.get(
    "/api/auth",
    async (request: FastifyRequest<{ Querystring: { apiKey?: string } }>, reply) => {
      const log: FakeRequestLog = { route: "auth", status: 200 };
      requests.push(log);
      if (await applyFault(nextFault("auth"), reply, log)) return reply;
      if (request.query.apiKey !== apiKey) return fail(reply, log, 200, "api_key_invalid");
      const expiresAt = Date.now() + (options.tokenTtlMs ?? DAY_MS);
      const token = [
        base64url({ alg: "HS256", typ: "JWT" }),
        base64url({ sub: tenantId, exp: Math.floor(expiresAt / 1000), jti: tokens.size + 1 }),
        "fake-signature",
      ].join(".");
      tokens.set(token, {
        expiresAt,
        requestsLeft: options.tokenRequests ?? Number.POSITIVE_INFINITY,
      });
      return {
        ...ENVELOPE,
        payload: { access_token: token, token_type: "Bearer" },
        status_code: 9999,
      };
    },
  );

  app.get(
    "/api/call_transaction/list",
    async (request: FastifyRequest<{ Querystring: Record<string, string | undefined> }>, reply) => {
      const query = request.query;
      const page = Number(query.page ?? 1);
      const size = Number(query.size ?? 50);
      const fromMs = Number(query.from_date ?? 0);
      const toMs = Number(query.to_date ?? Date.now());
      const log: FakeRequestLog = { route: "v1-list", status: 200, page, size, fromMs, toMs };
      requests.push(log);
      if (await applyFault(nextFault("v1-list"), reply, log)) return reply;
      if (!bearerOk(request, reply, log)) return reply;
      if (toMs - fromMs > MAX_RANGE_MS) return fail(reply, log, 400, "date_is_too_long");
      const capped = checkPaging(page, size, fromMs, toMs, "v1 list");
      const list = select(fromMs, toMs, "created_date", options.v1Order ?? "desc");
      return { ...ENVELOPE, payload: pageOf(list, page, capped), status_code: 9999 };
    },
  );

  app.get(
    "/api/call_transaction/detail/:id",
    async (request: FastifyRequest<{ Params: { id: string } }>, reply) => {
      const log: FakeRequestLog = { route: "v1-detail", status: 200 };
      requests.push(log);
      if (await applyFault(nextFault("v1-detail"), reply, log)) return reply;
      if (!bearerOk(request, reply, log)) return reply;
      const entry = byId.get(request.params.id);
      if (!entry) return fail(reply, log, 404, "resource_not_found");
      return { ...ENVELOPE, payload: entry.call, call_stacks: entry.legs, status_code: 9999 };
    },
  );

  app.post(
    "/api/v3/call-transaction/search",
    async (
      request: FastifyRequest<{ Querystring: Record<string, string | undefined>; Body: unknown }>,
      reply,
    ) => {
      const page = Number(request.query.page ?? 1);
      const size = Number(request.query.size ?? 50);
      const body = (request.body ?? {}) as {
        filter?: { fromDate?: unknown; toDate?: unknown };
        sort?: { field?: unknown; isAsc?: unknown };
      };
      const fromMs = readDate(body.filter?.fromDate, 0);
      const toMs = readDate(body.filter?.toDate, Date.now());
      const log: FakeRequestLog = { route: "v3", status: 200, page, size, fromMs, toMs };
      requests.push(log);
      if (options.v3 === false) return fail(reply, log, 404, "resource_not_found");
      if (await applyFault(nextFault("v3"), reply, log)) return reply;
      if (request.headers["x-api-key"] !== apiKey) return fail(reply, log, 401, "api_key_invalid");
      if (!Number.isFinite(fromMs) || !Number.isFinite(toMs)) {
        return fail(reply, log, 400, "request_body_required");
      }
      if (toMs - fromMs > MAX_RANGE_MS) return fail(reply, log, 400, "date_is_too_long");
      const capped = checkPaging(page, size, fromMs, toMs, "v3 search");
      const field = body.sort?.field === "time_start_call" ? "time_start_call" : "created_date";
      const ascending = body.sort?.isAsc === true && !options.v3IgnoresSort;
      const list = select(fromMs, toMs, field, ascending ? "asc" : "desc");
      const paged = pageOf(list, page, capped);
      if (paged.items.length === 0) {
        log.status = 204;
        return reply.code(204).send();
      }
      switch (options.v3Shape ?? "v1-envelope") {
        case "data-array":
          return { status_code: 9999, payload: { data: paged.items, total: paged.total_items } };
        case "camel-case":
          return {
            statusCode: 9999,
            data: camelCase({
              items: paged.items,
              has_next: paged.has_next,
              total_items: paged.total_items,
            }),
          };
        default:
          return { ...ENVELOPE, payload: paged, status_code: 9999 };
      }
    },
  );

  const recordingCache = new Map<string, Buffer>();
  app.get(
    "/recordings/:file",
    async (request: FastifyRequest<{ Params: { file: string } }>, reply) => {
      const log: FakeRequestLog = {
        route: "recording",
        status: 200,
        authorization: request.headers.authorization ?? "",
      };
      requests.push(log);
      if (await applyFault(nextFault("recording"), reply, log)) return reply;
      if (options.recordingsNeedAuth && !bearerOk(request, reply, log)) return reply;
      const id = request.params.file.replace(/\.wav$/, "");
      const entry = byId.get(id);
      if (!entry || entry.call.record_seconds <= 0) {
        log.status = 404;
        return reply.code(404).type("text/plain").send("not found");
      }
      let bytes = recordingCache.get(id);
      if (!bytes) {
        bytes = recordingBytes(entry.call.record_seconds, bytesPerSecond);
        recordingCache.set(id, bytes);
      }
      const etag = `"${createHash("sha1").update(bytes).digest("hex").slice(0, 16)}"`;
      reply.header("accept-ranges", "bytes").header("etag", etag).type("audio/wav");
      const range = parseRange(request.headers.range, bytes.length);
      if (range === "invalid") {
        log.status = 416;
        return reply.code(416).header("content-range", `bytes */${bytes.length}`).send();
      }
      if (range) {
        log.status = 206;
        return reply
          .code(206)
          .header("content-range", `bytes ${range[0]}-${range[1]}/${bytes.length}`)
          .send(bytes.subarray(range[0], range[1] + 1));
      }
      return reply.send(bytes);
    },
  );

  const address = await app.listen({ host: "127.0.0.1", port });
  baseUrl = address;
  generate(options.calls ?? 1000);

  return {
    url: baseUrl,
    apiKey,
    tenantId,
    /** Every request, in order. */
    requests,
    /** Requests the real vendor would refuse. */
    violations,
    /** The generated calls (and their legs), ascending by created_date. */
    get calls(): readonly FakeCall[] {
      return calls;
    },
    callTimeRange(): { firstMs: number; lastMs: number } {
      const list = view("created_date", "asc");
      return {
        firstMs: list[0]?.call.created_date ?? startMs,
        lastMs: list.at(-1)?.call.created_date ?? startMs,
      };
    },
    /** The next requests of `route` get these faults, in order. */
    injectFaults(route: FakeRoute, faults: Fault[]) {
      scripted.set(route, [...(scripted.get(route) ?? []), ...faults]);
    },
    /** Every token issued so far is refused as `token_expired` from now on. */
    expireTokens() {
      for (const token of tokens.values()) token.expiresAt = 0;
    },
    /** New calls, created at `createdMs` (default: spread after the last one). */
    addCalls(count: number, createdMs?: number) {
      const lastMs = this.callTimeRange().lastMs;
      for (let offset = 0; offset < count; offset += 1) {
        const entry = makeCall(calls.length, createdMs ?? lastMs + (offset + 1) * 1000);
        calls.push(entry);
        byId.set(entry.call.transaction_id, entry);
      }
      sorted = null;
    },
    /** A newer version of a call (last_updated_date moves on), as after a note is edited. */
    updateCall(transactionId: string, patch: Partial<Call>) {
      const entry = byId.get(transactionId);
      if (!entry) throw new Error(`no fake call ${transactionId}`);
      entry.call = {
        ...entry.call,
        ...patch,
        last_updated_date: entry.call.last_updated_date + 1000,
      };
      sorted = null;
      return entry.call;
    },
    count(route: FakeRoute) {
      return requests.filter((request) => request.route === route).length;
    },
    close: () => app.close(),
  };
}

/** The end-of-call webhook the vendor sends for a call: the history record with state "cdr". */
export function cdrWebhookBody(call: Call, retry = 0): Call {
  return {
    ...call,
    state: "cdr",
    call_uuid: call.transaction_id,
    from_number: call.source_number,
    to_number: call.destination_number,
    hotline: call.sip_number,
    send_num_retry: retry,
  };
}

/** A live-call webhook (ringing, answered, hangup). */
export function liveWebhookBody(
  call: Pick<
    Call,
    "transaction_id" | "direction" | "source_number" | "destination_number" | "sip_number"
  >,
  state: "ringing" | "answered" | "hangup",
  dateTimeMs: number,
) {
  return {
    call_uuid: call.transaction_id,
    state,
    direction: call.direction,
    from_number: call.source_number,
    to_number: call.destination_number,
    hotline: call.sip_number,
    created_time: Math.floor(dateTimeMs / 1000),
    date_time: dateTimeMs,
  };
}

function flag(name: string): string | undefined {
  const index = process.argv.indexOf(`--${name}`);
  return index === -1 ? undefined : process.argv[index + 1];
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const periodicFaults: NonNullable<FakeUpstreamOptions["periodicFaults"]> = [];
  const rateLimitEvery = Number(flag("rate-limit-every") ?? 0);
  const errorEvery = Number(flag("error-every") ?? 0);
  for (const route of ["v3", "v1-list", "v1-detail"] as const) {
    if (rateLimitEvery > 0)
      periodicFaults.push({ route, every: rateLimitEvery, fault: { kind: "http-429" } });
    if (errorEvery > 0)
      periodicFaults.push({ route, every: errorEvery, fault: { kind: "http-503" } });
  }
  const spanDays = Number(flag("span-days") ?? 60);
  const fake = await startFakeUpstream(
    {
      calls: Number(flag("calls") ?? 1000),
      seed: Number(flag("seed") ?? 1),
      spanDays,
      // By default the calls end half a day ago, inside a default first sync (90 days back).
      startMs: flag("start")
        ? Date.parse(flag("start") as string)
        : Date.now() - (spanDays + 0.5) * DAY_MS,
      ...(flag("token-requests") ? { tokenRequests: Number(flag("token-requests")) } : {}),
      v3: flag("v3") !== "off",
      periodicFaults,
    },
    Number(flag("port") ?? 0),
  );
  const { firstMs, lastMs } = fake.callTimeRange();
  console.log(`fake OMICall at ${fake.url} with ${fake.calls.length} calls`);
  console.log(`  ${new Date(firstMs).toISOString()} .. ${new Date(lastMs).toISOString()}`);
  console.log(
    `  OMICALL_BASE_URL=${fake.url} OMICALL_API_KEY=${fake.apiKey} OMICALL_SYNC_SINCE=${firstMs} npm run sync`,
  );
  const stop = async () => {
    await fake.close();
    process.exit(0);
  };
  process.once("SIGINT", () => void stop());
  process.once("SIGTERM", () => void stop());
}
