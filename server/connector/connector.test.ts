import type { FastifyBaseLogger } from "fastify";
import pino from "pino";
import { afterEach, describe, expect, it } from "vitest";
import { openTemporaryStore } from "../test/call-builder.ts";
import { createOmicallConnector } from "./connector.ts";

const logger = pino({ level: "silent" }) as FastifyBaseLogger;
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

describe("createOmicallConnector", () => {
  it("is all off without configuration", async () => {
    const { store, cleanup } = await openTemporaryStore();
    cleanups.push(cleanup);
    const connector = createOmicallConnector({ store, logger, environment: {} });
    expect(connector).toMatchObject({ config: null, client: null, webhook: null, schedule: null });
    expect(connector.recordingOptions.vendor).toBeUndefined();
    await connector.stop();
  });

  it("builds the client, the webhook settings, the recording options and the schedule", async () => {
    const { store, cleanup } = await openTemporaryStore();
    cleanups.push(cleanup);
    const connector = createOmicallConnector({
      store,
      logger,
      environment: {
        OMICALL_BASE_URL: "http://127.0.0.1:9",
        OMICALL_API_KEY: "key",
        OMICALL_WEBHOOK_SECRET: "0123456789abcdef0123",
        OMICALL_SYNC_INTERVAL_MINUTES: "15",
        OMICALL_RECORDING_HOSTS: "cdn.omicall.example, Records.Example",
      },
    });
    cleanups.push(connector.stop);
    expect(connector.client?.baseUrl).toBe("http://127.0.0.1:9");
    expect(connector.webhook).toEqual({ secret: "0123456789abcdef0123", bodyLimitBytes: 262_144 });
    expect(connector.recordingOptions.vendor?.origin).toBe("http://127.0.0.1:9");
    expect(connector.recordingOptions.allowedHosts).toEqual([
      "cdn.omicall.example",
      "records.example",
    ]);
    expect(connector.schedule).not.toBeNull();
  });
});
