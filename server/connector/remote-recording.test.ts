import Fastify, { type FastifyInstance, type FastifyRequest } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FakeUpstream, startFakeUpstream } from "./fake-upstream.ts";
import { OmicallClient } from "./omicall-client.ts";
import {
  describeUrl,
  type RemoteRecordingOptions,
  sendRemoteRecording,
} from "./remote-recording.ts";

let vendor: FakeUpstream;
let foreign: FakeUpstream;
let redirector: FastifyInstance;
let redirectorUrl: string;
let app: FastifyInstance;
let recordingId: string;
let recordingBytes: number;
let options: RemoteRecordingOptions;

beforeAll(async () => {
  // The vendor wants its Bearer token for recordings; the foreign host must never get it.
  vendor = await startFakeUpstream({ calls: 20, recordingsNeedAuth: true });
  foreign = await startFakeUpstream({ calls: 20 });
  const client = new OmicallClient({ baseUrl: vendor.url, apiKey: vendor.apiKey });
  const recorded = vendor.calls.find((entry) => entry.call.record_seconds > 0)!.call;
  recordingId = recorded.transaction_id;
  recordingBytes = 44 + recorded.record_seconds * 8000;

  redirector = Fastify();
  redirector.get(
    "/to-foreign/:id",
    async (request: FastifyRequest<{ Params: { id: string } }>, reply) =>
      reply.redirect(`${foreign.url}/recordings/${request.params.id}.wav`, 302),
  );
  redirectorUrl = await redirector.listen({ host: "127.0.0.1", port: 0 });

  options = {
    vendor: { origin: vendor.url, accessToken: (signal) => client.accessToken(signal) },
  };
  app = Fastify();
  // What the recordings route does for a call whose recording is the vendor's.
  app.route({
    method: ["GET", "HEAD"],
    url: "/play",
    handler: (request: FastifyRequest<{ Querystring: { url: string } }>, reply) =>
      sendRemoteRecording(request, reply, request.query.url, { ...options, filename: "call.wav" }),
  });
  app.get("/play-restricted", (request: FastifyRequest<{ Querystring: { url: string } }>, reply) =>
    sendRemoteRecording(request, reply, request.query.url, {
      ...options,
      allowedHosts: ["recordings.omicall.example"],
    }),
  );
});

afterAll(async () => {
  await app.close();
  await redirector.close();
  await vendor.close();
  await foreign.close();
});

const play = (url: string, headers: Record<string, string> = {}, method: "GET" | "HEAD" = "GET") =>
  app.inject({ method, url: `/play?url=${encodeURIComponent(url)}`, headers });

describe("sendRemoteRecording", () => {
  it("streams the whole recording with the upstream's type and length", async () => {
    const response = await play(`${vendor.url}/recordings/${recordingId}.wav`);
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toBe("audio/wav");
    expect(Number(response.headers["content-length"])).toBe(recordingBytes);
    expect(response.rawPayload.length).toBe(recordingBytes);
    expect(response.rawPayload.subarray(0, 4).toString()).toBe("RIFF");
    expect(response.headers["accept-ranges"]).toBe("bytes");
    expect(response.headers["content-disposition"]).toBe('inline; filename="call.wav"');
  });

  it("passes a Range through and the upstream's 206 and Content-Range back", async () => {
    const response = await play(`${vendor.url}/recordings/${recordingId}.wav`, {
      range: "bytes=100-1099",
    });
    expect(response.statusCode).toBe(206);
    expect(response.headers["content-range"]).toBe(`bytes 100-1099/${recordingBytes}`);
    expect(response.headers["content-length"]).toBe("1000");
    expect(response.rawPayload.length).toBe(1000);
    const suffix = await play(`${vendor.url}/recordings/${recordingId}.wav`, {
      range: "bytes=-10",
    });
    expect(suffix.statusCode).toBe(206);
    expect(suffix.rawPayload.length).toBe(10);
  });

  it("answers 416 with the upstream's Content-Range to a range past the end", async () => {
    const response = await play(`${vendor.url}/recordings/${recordingId}.wav`, {
      range: `bytes=${recordingBytes + 10}-`,
    });
    expect(response.statusCode).toBe(416);
    expect(response.headers["content-range"]).toBe(`bytes */${recordingBytes}`);
  });

  it("answers HEAD with the headers only", async () => {
    const response = await play(`${vendor.url}/recordings/${recordingId}.wav`, {}, "HEAD");
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toBe("audio/wav");
    expect(Number(response.headers["content-length"])).toBe(recordingBytes);
    expect(response.rawPayload.length).toBe(0);
  });

  it("sends the Bearer token to the vendor's host only, never the API key", async () => {
    await play(`${vendor.url}/recordings/${recordingId}.wav`);
    const toVendor = vendor.requests.filter((request) => request.route === "recording");
    expect(toVendor.every((request) => request.authorization?.startsWith("Bearer "))).toBe(true);
    const foreignId = foreign.calls.find((entry) => entry.call.record_seconds > 0)!.call
      .transaction_id;
    const direct = await play(`${foreign.url}/recordings/${foreignId}.wav`);
    expect(direct.statusCode).toBe(200);
    const toForeign = foreign.requests.filter((request) => request.route === "recording");
    expect(toForeign.map((request) => request.authorization)).toEqual([""]);
    for (const request of [...toVendor, ...toForeign]) {
      expect(request.authorization).not.toContain(vendor.apiKey);
    }
  });

  it("drops the credential when a redirect leaves the vendor's host", async () => {
    const foreignId = foreign.calls.find((entry) => entry.call.record_seconds > 0)!.call
      .transaction_id;
    const before = foreign.requests.length;
    const withRedirect = Fastify();
    withRedirect.get("/play", (request: FastifyRequest<{ Querystring: { url: string } }>, reply) =>
      sendRemoteRecording(request, reply, request.query.url, {
        vendor: { origin: redirectorUrl, accessToken: async () => "vendor-token" },
      }),
    );
    const response = await withRedirect.inject({
      method: "GET",
      url: `/play?url=${encodeURIComponent(`${redirectorUrl}/to-foreign/${foreignId}`)}`,
    });
    await withRedirect.close();
    expect(response.statusCode).toBe(200);
    expect(foreign.requests.slice(before).map((request) => request.authorization)).toEqual([""]);
  });

  it("refuses URLs that are not http(s), carry credentials, or are off the allowed hosts", async () => {
    for (const url of [
      "file:///etc/passwd",
      "ftp://example.org/a.wav",
      "http://user:pw@127.0.0.1/x",
      "not a url",
    ]) {
      const response = await play(url);
      expect(response.statusCode, url).toBe(404);
    }
    const restricted = await app.inject({
      method: "GET",
      url: `/play-restricted?url=${encodeURIComponent(`${foreign.url}/recordings/x.wav`)}`,
    });
    expect(restricted.statusCode).toBe(404);
  });

  it("maps the upstream's failures: 404 stays 404, others are 502, no answer is 502", async () => {
    expect((await play(`${vendor.url}/recordings/unknown.wav`)).statusCode).toBe(404);
    vendor.injectFaults("recording", [{ kind: "http-503" }]);
    const refused = await play(`${vendor.url}/recordings/${recordingId}.wav`);
    expect(refused.statusCode).toBe(502);
    expect(refused.json()).toMatchObject({ message: "recording_upstream_refused" });
    const closed = await play("http://127.0.0.1:9/recording.wav");
    expect(closed.statusCode).toBe(502);
  });

  it("describes URLs for logs without their query (signed URLs carry tokens there)", () => {
    expect(describeUrl("https://cdn.example/r/a.mp3?X-Amz-Signature=abc")).toBe(
      "https://cdn.example/r/a.mp3",
    );
  });
});
