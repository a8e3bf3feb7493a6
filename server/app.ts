/**
 * The dashboard server as a Fastify instance: the call API, recordings and the built SPA.
 * `buildApp` takes an open store so tests run it against their own SQLite file.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import fastifyStatic from "@fastify/static";
import Fastify, { type FastifyBaseLogger, type FastifyError } from "fastify";
import { callScopeOf, installAuthentication, viewerOf } from "./auth/authentication.ts";
import type { OmicallConnector } from "./connector/connector.ts";
import { sendApiError } from "./http/envelope.ts";
import { apiErrorHandler } from "./http/error-handler.ts";
import { installSecurityHeaders } from "./http/security-headers.ts";
import { installServerTiming } from "./http/server-timing.ts";
import { findRecordingSource } from "./recordings/find-recording-source.ts";
import { callRoutes } from "./routes/calls.ts";
import { exportRoutes } from "./routes/export.ts";
import { filterRoutes } from "./routes/filters.ts";
import { healthRoutes } from "./routes/health.ts";
import { recordingRoutes } from "./routes/recordings.ts";
import { sessionRoutes } from "./routes/session.ts";
import { webhookRoutes } from "./routes/webhooks.ts";
import type { Store } from "./store/open-store.ts";

export type AppOptions = {
  store: Store;
  /** The built SPA (vite build's dist/); the API works without it. */
  spaDirectory?: string;
  /** The OMICall connector: its webhook receiver and how vendor recordings are fetched. */
  connector?: OmicallConnector;
  /** A pino logger; tests run silent without one. */
  logger?: FastifyBaseLogger;
  /** Sign-in attempts per address per minute (tests of the limit lower it). */
  signInAttemptsPerMinute?: number;
  /** Behind a TLS-terminating proxy: trust its X-Forwarded-* (secure cookies, client address). */
  trustProxy?: boolean;
};

export async function buildApp(options: AppOptions) {
  const { store, spaDirectory, logger, connector } = options;
  const app = Fastify({
    ...(logger ? { loggerInstance: logger } : { logger: false }),
    // Query strings of a supervisor's filters stay small; anything huge is abuse or a bug.
    routerOptions: { maxParamLength: 1000 },
    bodyLimit: 1024 * 1024,
    trustProxy: options.trustProxy ?? false,
  });

  // Store faults (busy, full, read-only, corrupt) get their own envelope; see http/store-faults.ts.
  app.setErrorHandler<FastifyError>(apiErrorHandler);

  installServerTiming(app);
  await installSecurityHeaders(app);
  await installAuthentication(app, store);
  await app.register(sessionRoutes, {
    store,
    signInAttemptsPerMinute: options.signInAttemptsPerMinute,
  });
  await app.register(healthRoutes, { store });
  await app.register(callRoutes, { store });
  await app.register(exportRoutes, { store });
  await app.register(filterRoutes, { store });
  await app.register(recordingRoutes, {
    findRecording: (id, request) => findRecordingSource(store, id, callScopeOf(viewerOf(request))),
    remoteRecording: connector?.recordingOptions ?? {},
  });
  // Its own body parsers and error handler stay inside this plugin (no fastify-plugin).
  if (connector?.webhook) await app.register(webhookRoutes, { store, ...connector.webhook });

  const hasSpa = spaDirectory !== undefined && existsSync(join(spaDirectory, "index.html"));
  if (hasSpa) {
    await app.register(fastifyStatic, {
      root: spaDirectory,
      wildcard: false,
      // Hashed assets never change; index.html must be revalidated to pick up new builds.
      setHeaders: (reply, path) => {
        reply.header(
          "cache-control",
          path.includes(`${join("dist", "assets")}`)
            ? "public, max-age=31536000, immutable"
            : "no-cache",
        );
      },
    });
  }

  app.setNotFoundHandler((request, reply) => {
    const isApi = request.url.startsWith("/api/");
    if (!isApi && hasSpa && (request.method === "GET" || request.method === "HEAD")) {
      // Client-side routes (any deep link) get the SPA, which reads its state from the URL.
      return reply.header("cache-control", "no-cache").sendFile("index.html");
    }
    return sendApiError(reply, 404, isApi ? "resource_not_found" : "spa_not_built");
  });

  return app;
}
