/**
 * The OMICall connector as the server uses it, built from the environment in one call: the
 * client (shared by the schedule and the recording streamer, so one token serves both), the
 * webhook's settings, the options for streaming vendor recordings, and the sync schedule.
 * Everything is optional: without OMICALL_BASE_URL there is no sync and recordings get no
 * credential; without OMICALL_WEBHOOK_SECRET there is no webhook route.
 */
import type { FastifyBaseLogger } from "fastify";
import type { Store } from "../store/open-store.ts";
import { type OmicallConfig, readOmicallConfig, readWebhookConfig } from "./config.ts";
import type { OmicallClient } from "./omicall-client.ts";
import type { RemoteRecordingOptions } from "./remote-recording.ts";
import { createOmicallClient, type SyncSchedule, startSyncSchedule } from "./schedule.ts";

export type OmicallConnector = {
  config: OmicallConfig | null;
  client: OmicallClient | null;
  /** Options for webhookRoutes (besides the store), or null: no webhook route. */
  webhook: { secret: string; bodyLimitBytes: number } | null;
  /** Options for sendRemoteRecording. */
  recordingOptions: RemoteRecordingOptions;
  schedule: SyncSchedule | null;
  /** Stops the schedule (aborting a sync in progress): call before closing the store. */
  stop: () => Promise<void>;
};

export function createOmicallConnector({
  store,
  logger,
  environment = process.env,
  schedule = true,
}: {
  store: Store;
  logger: FastifyBaseLogger;
  environment?: NodeJS.ProcessEnv;
  /** false: no schedule even when OMICALL_SYNC_INTERVAL_MINUTES is set (tests, one-off tools). */
  schedule?: boolean;
}): OmicallConnector {
  const config = readOmicallConfig(environment);
  const webhook = readWebhookConfig(environment);
  const client = config ? createOmicallClient(config, logger) : null;
  const recordingOptions: RemoteRecordingOptions = {
    ...(config && client
      ? { vendor: { origin: config.baseUrl, accessToken: (signal) => client.accessToken(signal) } }
      : {}),
    ...(config?.recordingHosts.length ? { allowedHosts: config.recordingHosts } : {}),
  };
  const running =
    schedule && config?.syncIntervalMinutes && client
      ? startSyncSchedule({ store, config, logger, client })
      : null;
  if (running) {
    logger.info(
      { every: `${config?.syncIntervalMinutes} min`, source: config?.baseUrl },
      "OMICall sync scheduled",
    );
  }
  return {
    config,
    client,
    webhook,
    recordingOptions,
    schedule: running,
    stop: async () => {
      await running?.stop();
    },
  };
}
