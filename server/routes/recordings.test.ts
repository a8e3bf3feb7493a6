import Fastify, { type FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiErrorEnvelopeSchema } from "@/contract/call.ts";
import {
  createWavByteStream,
  syntheticRecordingEtag,
  wavByteLength,
} from "../recordings/synthetic-recording.ts";
import { type RecordingSource, recordingRoutes } from "./recordings.ts";

const ID = "7d5c1b2a-0f3e-4a6b-9c8d-1e2f3a4b5c6d";
const SPEC = { transactionId: ID, seconds: 12 };
const SIZE = 12 * 8000 * 4 + 44;
const sources: Record<string, RecordingSource> = {
  [ID]: { kind: "synthetic", ...SPEC },
  "other-call": { kind: "synthetic", transactionId: "other-call", seconds: 12 },
};

let app: FastifyInstance;
const lookedUp: string[] = [];
let wholeFile: Buffer;

beforeAll(async () => {
  app = Fastify();
  await app.register(recordingRoutes, {
    findRecording: async (transactionId) => {
      lookedUp.push(transactionId);
      return sources[transactionId] ?? null;
    },
  });
  wholeFile = Buffer.concat(await createWavByteStream(SPEC, 0, SIZE - 1).toArray());
});

afterAll(async () => {
  await app.close();
});

function get(url: string, headers: Record<string, string> = {}) {
  return app.inject({ method: "GET", url, headers });
}

function expectError(
  response: { statusCode: number; json: () => unknown },
  status: number,
  code: string,
) {
  expect(response.statusCode).toBe(status);
  const envelope = apiErrorEnvelopeSchema.parse(response.json());
  expect(envelope.message).toBe(code);
}

describe("GET /api/recordings/:transaction_id", () => {
  it("sends the whole WAV file with its caching and range headers", async () => {
    const response = await get(`/api/recordings/${ID}`);
    expect(response.statusCode).toBe(200);
    expect(response.headers).toMatchObject({
      "content-type": "audio/wav",
      "accept-ranges": "bytes",
      "content-length": String(SIZE),
      "cache-control": "private, max-age=3600",
      etag: syntheticRecordingEtag(SPEC),
      "content-disposition": `inline; filename="${ID}.wav"`,
    });
    expect(response.headers["content-range"]).toBeUndefined();
    expect(response.rawPayload.equals(wholeFile)).toBe(true);
    expect(wavByteLength(SPEC)).toBe(SIZE);
  });

  it("offers the file as a download on ?download=1", async () => {
    const response = await app.inject({ method: "HEAD", url: `/api/recordings/${ID}?download=1` });
    expect(response.headers["content-disposition"]).toBe(`attachment; filename="${ID}.wav"`);
  });

  it("has a strong ETag that is stable for a call and differs between calls", async () => {
    const first = (await app.inject({ method: "HEAD", url: `/api/recordings/${ID}` })).headers.etag;
    const again = (await app.inject({ method: "HEAD", url: `/api/recordings/${ID}` })).headers.etag;
    const other = (await app.inject({ method: "HEAD", url: "/api/recordings/other-call" })).headers
      .etag;
    expect(first).toMatch(/^"[^"]+"$/);
    expect(again).toBe(first);
    expect(other).not.toBe(first);
  });

  it.each([
    ["bytes=0-99", 0, 99],
    ["bytes=44-1043", 44, 1043],
    ["bytes=1000-", 1000, SIZE - 1],
    ["bytes=-500", SIZE - 500, SIZE - 1],
    ["bytes=300000-999999999", 300_000, SIZE - 1],
  ])("answers Range %s with 206 and those bytes", async (range, start, end) => {
    const response = await get(`/api/recordings/${ID}`, { range });
    expect(response.statusCode).toBe(206);
    expect(response.headers["content-range"]).toBe(`bytes ${start}-${end}/${SIZE}`);
    expect(response.headers["content-length"]).toBe(String(end - start + 1));
    expect(response.headers["content-type"]).toBe("audio/wav");
    expect(response.headers.etag).toBe(syntheticRecordingEtag(SPEC));
    expect(response.rawPayload.equals(wholeFile.subarray(start, end + 1))).toBe(true);
  });

  it("answers an unsatisfiable range with 416 and the size", async () => {
    for (const range of [`bytes=${SIZE}-`, `bytes=${SIZE + 10}-${SIZE + 20}`, "bytes=-0"]) {
      const response = await get(`/api/recordings/${ID}`, { range });
      expectError(response, 416, "range_not_satisfiable");
      expect(response.headers["content-range"]).toBe(`bytes */${SIZE}`);
    }
  });

  it("ignores invalid and multiple ranges and sends the whole file", async () => {
    for (const range of ["bytes=10-5", "pages=1-2", "bytes=0-1,10-20", "nonsense"]) {
      const response = await get(`/api/recordings/${ID}`, { range });
      expect(response.statusCode).toBe(200);
      expect(response.rawPayload.length).toBe(SIZE);
    }
  });

  it("honours If-Range only when it names the current ETag", async () => {
    const etag = syntheticRecordingEtag(SPEC);
    const matching = await get(`/api/recordings/${ID}`, { range: "bytes=0-9", "if-range": etag });
    expect(matching.statusCode).toBe(206);
    for (const ifRange of ['"stale"', `W/${etag}`, "Wed, 21 Oct 2015 07:28:00 GMT"]) {
      const stale = await get(`/api/recordings/${ID}`, { range: "bytes=0-9", "if-range": ifRange });
      expect(stale.statusCode).toBe(200);
      expect(stale.rawPayload.length).toBe(SIZE);
    }
  });

  it("answers 304 to a matching If-None-Match", async () => {
    const etag = syntheticRecordingEtag(SPEC);
    for (const ifNoneMatch of [etag, `"x", W/${etag}`, "*"]) {
      const response = await get(`/api/recordings/${ID}`, { "if-none-match": ifNoneMatch });
      expect(response.statusCode).toBe(304);
      expect(response.headers.etag).toBe(etag);
      expect(response.rawPayload.length).toBe(0);
    }
    const changed = await get(`/api/recordings/${ID}`, {
      "if-none-match": '"older"',
      range: "bytes=0-3",
    });
    expect(changed.statusCode).toBe(206);
  });

  it("answers HEAD with the GET's headers and no body", async () => {
    const whole = await app.inject({ method: "HEAD", url: `/api/recordings/${ID}` });
    expect(whole.statusCode).toBe(200);
    expect(whole.headers["content-length"]).toBe(String(SIZE));
    expect(whole.headers["accept-ranges"]).toBe("bytes");
    expect(whole.headers["content-type"]).toBe("audio/wav");
    expect(whole.rawPayload.length).toBe(0);
    const part = await app.inject({
      method: "HEAD",
      url: `/api/recordings/${ID}`,
      headers: { range: "bytes=100-199" },
    });
    expect(part.statusCode).toBe(206);
    expect(part.headers["content-range"]).toBe(`bytes 100-199/${SIZE}`);
    expect(part.headers["content-length"]).toBe("100");
    expect(part.rawPayload.length).toBe(0);
  });

  it("answers 404 when the call has no recording", async () => {
    expectError(await get("/api/recordings/no-such-call"), 404, "recording_not_found");
    const head = await app.inject({ method: "HEAD", url: "/api/recordings/no-such-call" });
    expect(head.statusCode).toBe(404);
    expect(head.rawPayload.length).toBe(0);
  });

  it("answers 400 to a malformed id without looking it up", async () => {
    lookedUp.length = 0;
    for (const id of ["a".repeat(65), "a%20b", "a%2Fb", "%22quoted%22", "caf%C3%A9", "a;b"]) {
      expectError(await get(`/api/recordings/${id}`), 400, "invalid_transaction_id");
    }
    expect(lookedUp).toEqual([]);
    expect(
      (await app.inject({ method: "HEAD", url: `/api/recordings/${"a".repeat(64)}` })).statusCode,
    ).toBe(404);
  });
});

describe("GET /api/recordings/:transaction_id/peaks", () => {
  it("sends the peaks of both channels with the duration", async () => {
    const response = await get(`/api/recordings/${ID}/peaks`);
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toBe("application/json; charset=utf-8");
    expect(response.headers["cache-control"]).toBe("private, max-age=86400");
    const body = response.json();
    expect(body).toMatchObject({
      transaction_id: ID,
      duration: 12,
      sample_rate: 8000,
      peaks_per_second: 50,
    });
    expect(body.channels.map((channel: { name: string }) => channel.name)).toEqual([
      "agent",
      "customer",
    ]);
    for (const channel of body.channels) expect(channel.peaks).toHaveLength(600);
  });

  it("serves repeated requests the same body, and 304 on a matching ETag", async () => {
    const first = await get(`/api/recordings/${ID}/peaks`);
    const second = await get(`/api/recordings/${ID}/peaks`);
    expect(second.body).toBe(first.body);
    const etag = String(first.headers.etag);
    expect(etag).not.toBe(syntheticRecordingEtag(SPEC));
    expect((await get(`/api/recordings/${ID}/peaks`, { "if-none-match": etag })).statusCode).toBe(
      304,
    );
  });

  it("answers 404 and 400 like the audio", async () => {
    expectError(await get("/api/recordings/no-such-call/peaks"), 404, "recording_not_found");
    expectError(await get("/api/recordings/bad%20id/peaks"), 400, "invalid_transaction_id");
  });
});
