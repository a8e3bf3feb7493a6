/**
 * The app as `npm start` wires it (sign-in, the call API, the webhook receiver), over a fresh
 * temporary store holding the known calls, with a signed-in supervisor and the log captured.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { FastifyBaseLogger, FastifyInstance } from "fastify";
import pino from "pino";
import { buildApp } from "../app.ts";
import { createOmicallConnector } from "../connector/connector.ts";
import { writeCalls } from "../store/call-writer.ts";
import { openStore, type Store } from "../store/open-store.ts";
import { knownCalls } from "../test/known-calls.ts";
import { signedInInject } from "../test/signed-in.ts";

export const WEBHOOK_SECRET = "robustness-webhook-secret-0123456789";
export const WEBHOOK_URL = `/api/webhooks/omicall/${WEBHOOK_SECRET}`;
const WEBHOOK_BODY_LIMIT_KB = 64;

export type RobustApp = {
  app: FastifyInstance;
  store: Store;
  /** app.inject as a signed-in supervisor of the known calls' tenant. */
  inject: Awaited<ReturnType<typeof signedInInject>>;
  /** The server's log lines (JSON) so far. */
  logLines: string[];
  close: () => Promise<void>;
};

export async function startRobustApp({
  busyTimeoutMs,
  signInAttemptsPerMinute,
}: {
  busyTimeoutMs?: number;
  signInAttemptsPerMinute?: number;
} = {}): Promise<RobustApp> {
  const directory = mkdtempSync(join(tmpdir(), "robustness-"));
  const store = await openStore(join(directory, "calls.db"), { busyTimeoutMs });
  await writeCalls(store.db, knownCalls);
  const logLines: string[] = [];
  const logger = pino({ level: "info" }, { write: (line: string) => logLines.push(line) });
  const connector = createOmicallConnector({
    store,
    logger: logger as FastifyBaseLogger,
    environment: {
      OMICALL_WEBHOOK_SECRET: WEBHOOK_SECRET,
      OMICALL_WEBHOOK_BODY_LIMIT_KB: String(WEBHOOK_BODY_LIMIT_KB),
    },
    schedule: false,
  });
  const app = await buildApp({
    store,
    connector,
    logger: logger as FastifyBaseLogger,
    signInAttemptsPerMinute,
  });
  const inject = await signedInInject(app, store);
  return {
    app,
    store,
    inject,
    logLines,
    close: async () => {
      await app.close();
      await store.close();
      rmSync(directory, { recursive: true, force: true });
    },
  };
}

/** POSTs a webhook body (a string is sent as it is) with the right secret. */
export function postWebhook(app: FastifyInstance, body: unknown, contentType = "application/json") {
  return app.inject({
    method: "POST",
    url: WEBHOOK_URL,
    headers: { "content-type": contentType },
    payload: typeof body === "string" ? body : JSON.stringify(body),
  });
}

/** The vendor's error envelope, as every failure must be. */
export function isErrorEnvelope(body: unknown): boolean {
  if (typeof body !== "object" || body === null) return false;
  const envelope = body as Record<string, unknown>;
  return (
    envelope.status_code === -9999 &&
    typeof envelope.message === "string" &&
    envelope.payload === null &&
    (envelope.errors === undefined ||
      (Array.isArray(envelope.errors) &&
        envelope.errors.every(
          (error) =>
            typeof error?.parameter === "string" &&
            typeof (error as { message?: unknown }).message === "string",
        )))
  );
}
