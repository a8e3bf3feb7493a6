import type { LookupFunction } from "node:net";
import { Writable } from "node:stream";
import Fastify, { type FastifyInstance, type FastifyRequest } from "fastify";
import { Response, fetch as undiciFetch } from "undici";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FakeUpstream, startFakeUpstream } from "./fake-upstream.ts";
import { OmicallClient } from "./omicall-client.ts";
import {
  describeUrl,
  openRemoteRecording,
  type RemoteRecordingOptions,
  sendRemoteRecording,
} from "./remote-recording.ts";

/** The fakes listen here: a loopback address, which only a trusted host may have. */
const FAKE_HOST = "127.0.0.1";

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
  redirectorUrl = await redirector.listen({ host: FAKE_HOST, port: 0 });

  // These tests mean to fetch the fakes: their host is listed, as an operator would list a
  // recording store on a private network.
  options = {
    vendor: { origin: vendor.url, accessToken: (signal) => client.accessToken(signal) },
    allowedHosts: [FAKE_HOST],
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

/** A call of the foreign fake's that has a recording. */
const foreignRecordingId = () =>
  foreign.calls.find((entry) => entry.call.record_seconds > 0)!.call.transaction_id;
const foreignRecordingRequests = () =>
  foreign.requests.filter((request) => request.route === "recording").length;

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
    const foreignId = foreignRecordingId();
    const direct = await play(`${foreign.url}/recordings/${foreignId}.wav`);
    expect(direct.statusCode).toBe(200);
    const toForeign = foreign.requests.filter((request) => request.route === "recording");
    expect(toForeign.map((request) => request.authorization)).toEqual([""]);
    for (const request of [...toVendor, ...toForeign]) {
      expect(request.authorization).not.toContain(vendor.apiKey);
    }
  });

  it("drops the credential when a redirect leaves the vendor's host", async () => {
    const foreignId = foreignRecordingId();
    const before = foreign.requests.length;
    const withRedirect = Fastify();
    withRedirect.get("/play", (request: FastifyRequest<{ Querystring: { url: string } }>, reply) =>
      sendRemoteRecording(request, reply, request.query.url, {
        vendor: { origin: redirectorUrl, accessToken: async () => "vendor-token" },
        allowedHosts: [FAKE_HOST],
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

/** A DNS that knows these names only. */
function fakeDns(answers: Record<string, string>): LookupFunction {
  return (hostname, lookupOptions, callback) => {
    const address = answers[hostname];
    if (!address) {
      callback(
        Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: "ENOTFOUND" }),
        "",
      );
      return;
    }
    const family = address.includes(":") ? 6 : 4;
    if (lookupOptions.all) callback(null, [{ address, family }]);
    else callback(null, address, family);
  };
}

const HEAD = { method: "HEAD" } as const;

describe("hosts that are not trusted: public addresses only", () => {
  it("refuses literal loopback, private, link-local, CGNAT and IPv6 addresses without connecting", async () => {
    const port = new URL(foreign.url).port;
    const path = `/recordings/${foreignRecordingId()}.wav`;
    const before = foreignRecordingRequests();
    for (const host of [
      // Each of these reaches the foreign fake, were it connected to.
      `127.0.0.1:${port}`,
      `127.1:${port}`,
      `2130706433:${port}`,
      `0.0.0.0:${port}`,
      `[::ffff:127.0.0.1]:${port}`,
      `[::1]:${port}`,
      // And these would be somebody's internal network.
      "10.1.2.3",
      "172.16.0.1",
      "192.168.1.1",
      "100.64.0.1",
      "169.254.169.254",
      "[::ffff:169.254.169.254]",
      "224.0.0.1",
      "255.255.255.255",
      "[::]",
      "[fd00::1]",
      "[fe80::1]",
      "[ff02::1]",
      "[64:ff9b::a00:1]",
    ]) {
      const answer = await openRemoteRecording(`http://${host}${path}`, HEAD, {
        headersTimeoutMs: 2000,
      });
      expect(answer, host).toMatchObject({ ok: false, reason: "not_public" });
    }
    expect(foreignRecordingRequests()).toBe(before);
  });

  it("answers a refused recording 404, as a not-allowed one, logging its origin only", async () => {
    const lines: string[] = [];
    const logged = Fastify({
      logger: {
        level: "warn",
        stream: new Writable({
          write(chunk, _encoding, done) {
            lines.push(String(chunk));
            done();
          },
        }),
      },
    });
    logged.get("/play", (request: FastifyRequest<{ Querystring: { url: string } }>, reply) =>
      sendRemoteRecording(request, reply, request.query.url, { vendor: options.vendor! }),
    );
    const before = foreignRecordingRequests();
    const url = `${foreign.url}/recordings/${foreignRecordingId()}.wav?X-Amz-Signature=s3cr3t`;
    const response = await logged.inject({ url: `/play?url=${encodeURIComponent(url)}` });
    await logged.close();
    expect(response.statusCode).toBe(404);
    expect(response.json()).toMatchObject({ message: "recording_not_found" });
    expect(foreignRecordingRequests()).toBe(before);
    const warnings = lines.filter((line) => line.includes("no public address"));
    expect(warnings).toHaveLength(1);
    expect(JSON.parse(warnings[0]!)).toMatchObject({ recording: foreign.url });
    expect(lines.join("")).not.toMatch(/s3cr3t|\/recordings\//);
  });

  it("refuses a hostname that resolves to loopback: localhost, or one a DNS answers 127.0.0.1 for", async () => {
    const port = new URL(foreign.url).port;
    const path = `/recordings/${foreignRecordingId()}.wav`;
    const before = foreignRecordingRequests();
    const lookup = fakeDns({ "recordings.example.com": "127.0.0.1", "v6.example.com": "::1" });
    for (const host of ["recordings.example.com", "v6.example.com"]) {
      const answer = await openRemoteRecording(`http://${host}:${port}${path}`, HEAD, { lookup });
      expect(answer, host).toMatchObject({
        ok: false,
        reason: "not_public",
        origin: `http://${host}:${port}`,
      });
    }
    // The real resolver for localhost too.
    expect(await openRemoteRecording(`http://localhost:${port}${path}`, HEAD)).toMatchObject({
      reason: "not_public",
    });
    expect(foreignRecordingRequests()).toBe(before);
  });

  it("refuses a redirect from a public host to a private one", async () => {
    const port = new URL(foreign.url).port;
    const path = `/recordings/${foreignRecordingId()}.wav`;
    const before = foreignRecordingRequests();
    for (const target of [`${foreign.url}${path}`, `http://localhost:${port}${path}`]) {
      const hops: string[] = [];
      // A public CDN that redirects; every other hop goes out for real.
      const publicCdn: typeof undiciFetch = async (input, init) => {
        const url = new URL(String(input));
        hops.push(url.origin);
        if (url.hostname === "cdn.recordings.example.com") {
          return new Response(null, { status: 302, headers: { location: target } });
        }
        return undiciFetch(input, init);
      };
      const answer = await openRemoteRecording(
        `https://cdn.recordings.example.com/r/${foreignRecordingId()}.wav`,
        HEAD,
        { fetch: publicCdn },
      );
      expect(answer, target).toMatchObject({
        ok: false,
        reason: "not_public",
        origin: new URL(target).origin,
      });
      expect(hops).toEqual(["https://cdn.recordings.example.com", new URL(target).origin]);
    }
    expect(foreignRecordingRequests()).toBe(before);
  });

  it("refuses a redirect from the vendor's origin to a private host that is not listed", async () => {
    const before = foreignRecordingRequests();
    const answer = await openRemoteRecording(
      `${redirectorUrl}/to-foreign/${foreignRecordingId()}`,
      HEAD,
      { vendor: { origin: redirectorUrl, accessToken: async () => "vendor-token" } },
    );
    expect(answer).toMatchObject({ ok: false, reason: "not_public", origin: foreign.url });
    expect(foreignRecordingRequests()).toBe(before);
  });

  it("fetches a listed host on loopback, and the vendor's origin, at any address", async () => {
    const before = foreignRecordingRequests();
    const listed = await openRemoteRecording(
      `${foreign.url}/recordings/${foreignRecordingId()}.wav`,
      HEAD,
      { allowedHosts: [FAKE_HOST] },
    );
    expect(listed).toMatchObject({ ok: true, status: 200 });
    expect(foreignRecordingRequests()).toBe(before + 1);
    const fromVendor = await openRemoteRecording(
      `${vendor.url}/recordings/${recordingId}.wav`,
      HEAD,
      { vendor: options.vendor! },
    );
    expect(fromVendor).toMatchObject({ ok: true, status: 200 });
  });
});
