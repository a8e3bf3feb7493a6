/**
 * `Server-Timing` on API answers: `app` is the server's whole time on the request (from the
 * moment Fastify has it, session check included, until the answer is sent; for a streamed body,
 * until its streaming starts), and routes add their own parts (`db`, the store's queries).
 * DevTools shows them beside the network time, and `npm run bench` reads them to split a
 * request's latency into the store, our code and the HTTP round trip.
 */
import type { FastifyInstance, FastifyRequest } from "fastify";

declare module "fastify" {
  interface FastifyRequest {
    /** performance.now() when the request arrived. */
    arrivedAt: number;
    /** The metrics routes added, already in header form. */
    serverTimings: string[] | null;
  }
}

const roundToMicroseconds = (milliseconds: number) => Math.round(milliseconds * 1000) / 1000;

export function installServerTiming(app: FastifyInstance): void {
  app.decorateRequest("arrivedAt", 0);
  app.decorateRequest("serverTimings", null);
  app.addHook("onRequest", async (request) => {
    request.arrivedAt = performance.now();
  });
  app.addHook("onSend", async (request, reply) => {
    if (!request.url.startsWith("/api/")) return;
    const total = `app;dur=${roundToMicroseconds(performance.now() - request.arrivedAt)}`;
    reply.header("server-timing", [...(request.serverTimings ?? []), total].join(", "));
  });
}

/** Runs `work` and records its time as the `name` part of the request's Server-Timing. */
export async function timed<T>(
  request: FastifyRequest,
  name: string,
  work: () => Promise<T>,
): Promise<T> {
  const started = performance.now();
  try {
    return await work();
  } finally {
    request.serverTimings ??= [];
    request.serverTimings.push(`${name};dur=${roundToMicroseconds(performance.now() - started)}`);
  }
}
