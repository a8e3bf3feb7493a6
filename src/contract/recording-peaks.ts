/**
 * `GET /api/recordings/:transaction_id/peaks`: a recording's waveform, precomputed by the server
 * so the browser never decodes a whole recording to draw it. Per channel (agent, customer), the
 * largest absolute sample of each slice, in [0, 1] of full scale.
 */
import { z } from "zod";

export const RECORDING_CHANNEL_NAMES = ["agent", "customer"] as const;

export const recordingPeaksSchema = z.object({
  transaction_id: z.string(),
  /** Seconds. */
  duration: z.number().nonnegative(),
  sample_rate: z.number().int().positive(),
  peaks_per_second: z.number().positive(),
  channels: z.array(
    z.object({ name: z.enum(RECORDING_CHANNEL_NAMES), peaks: z.array(z.number().min(0).max(1)) }),
  ),
});
export type RecordingPeaks = z.infer<typeof recordingPeaksSchema>;
