import { describe, expect, it } from "vitest";
import {
  MAX_PEAKS_PER_CHANNEL,
  PeakAccumulator,
  peakLayout,
  syntheticRecordingPeaks,
  syntheticRecordingPeaksAsync,
} from "./peaks.ts";
import { createWavByteStream, wavByteLength } from "./synthetic-recording.ts";

/** Peaks measured the slow way: every sample of the rendered file. */
async function measuredPeaks(transactionId: string, seconds: number): Promise<number[][]> {
  const spec = { transactionId, seconds };
  const wav = Buffer.concat(await createWavByteStream(spec, 0, wavByteLength(spec) - 1).toArray());
  const accumulator = new PeakAccumulator(2, peakLayout(Math.round(seconds * 8000), 8000));
  accumulator.addInterleavedPcm16(
    new Int16Array(wav.buffer, wav.byteOffset + 44, (wav.length - 44) / 2),
  );
  return accumulator.peaks();
}

describe("peakLayout", () => {
  it("gives 50 peaks a second to calls that fit, fewer to long ones", () => {
    expect(peakLayout(60 * 8000, 8000)).toEqual({
      framesPerPeak: 160,
      peakCount: 3000,
      peaksPerSecond: 50,
    });
    expect(peakLayout(80 * 8000, 8000).peakCount).toBe(MAX_PEAKS_PER_CHANNEL);
    const fiveMinutes = peakLayout(300 * 8000, 8000);
    expect(fiveMinutes.framesPerPeak).toBe(600);
    expect(fiveMinutes.peakCount).toBe(4000);
    const hour = peakLayout(3600 * 8000, 8000);
    expect(hour.peakCount).toBeLessThanOrEqual(MAX_PEAKS_PER_CHANNEL);
    expect(hour.peakCount * hour.framesPerPeak).toBeGreaterThanOrEqual(3600 * 8000);
    // A length that does not divide evenly still covers its last frames.
    expect(peakLayout(8001, 8000).peakCount).toBe(51);
  });
});

describe("syntheticRecordingPeaks", () => {
  it("has the shape wavesurfer.js takes: one array per channel, with the duration", () => {
    const peaks = syntheticRecordingPeaks({ transactionId: "shape", seconds: 20 });
    expect(peaks).toMatchObject({
      transaction_id: "shape",
      duration: 20,
      sample_rate: 8000,
      peaks_per_second: 50,
    });
    expect(peaks.channels.map((channel) => channel.name)).toEqual(["agent", "customer"]);
    for (const channel of peaks.channels) {
      expect(channel.peaks).toHaveLength(1000);
      for (const value of channel.peaks) {
        expect(value).toBeGreaterThanOrEqual(0);
        expect(value).toBeLessThanOrEqual(1);
        expect(Math.round(value * 1000) / 1000).toBe(value);
      }
    }
  });

  it("shows speech as tall and silence as flat, agent first", () => {
    const [agent, customer] = syntheticRecordingPeaks({
      transactionId: "flat",
      seconds: 30,
    }).channels;
    for (const channel of [agent, customer]) {
      expect(channel?.peaks.filter((value) => value > 0.15).length).toBeGreaterThan(150);
      expect(channel?.peaks.filter((value) => value < 0.01).length).toBeGreaterThan(150);
    }
    const firstSpeech = (peaks: number[] = []) => peaks.findIndex((value) => value > 0.15);
    expect(firstSpeech(agent?.peaks)).toBeLessThan(firstSpeech(customer?.peaks));
  });

  it.each([
    ["agrees with the rendered samples", "3f2a9c1e-5b7d-4e8f-9a0b-1c2d3e4f5a6b", 40],
    ["agrees with the rendered samples at a coarser layout", "coarse", 200],
  ])("%s", async (_, transactionId, seconds) => {
    const computed = syntheticRecordingPeaks({ transactionId, seconds }).channels.map(
      (c) => c.peaks,
    );
    const measured = await measuredPeaks(transactionId, seconds);
    for (let channel = 0; channel < 2; channel++) {
      const ours = computed[channel] ?? [];
      const truth = measured[channel] ?? [];
      expect(ours).toHaveLength(truth.length);
      let totalError = 0;
      for (let i = 0; i < truth.length; i++) {
        const error = (ours[i] ?? 0) - (truth[i] ?? 0);
        // Never above the samples (but for the hiss level standing in for silence) and at most
        // a sliver below: the 8 kHz grid can catch a sharp crest better in another period.
        expect(error).toBeLessThanOrEqual(0.002);
        expect(error).toBeGreaterThanOrEqual(-0.04);
        totalError += Math.abs(error);
      }
      expect(totalError / truth.length).toBeLessThan(0.002);
    }
  });

  it("is the same computed in slices on the event loop", async () => {
    const spec = { transactionId: "slices", seconds: 400 };
    expect(await syntheticRecordingPeaksAsync(spec)).toEqual(syntheticRecordingPeaks(spec));
  });

  it("stays small for long calls", () => {
    const fiveMinutes = JSON.stringify(
      syntheticRecordingPeaks({ transactionId: "size", seconds: 300 }),
    );
    expect(fiveMinutes.length).toBeLessThan(60_000);
    const hour = syntheticRecordingPeaks({ transactionId: "size", seconds: 3600 });
    expect(hour.channels[0]?.peaks.length).toBeLessThanOrEqual(MAX_PEAKS_PER_CHANNEL);
    expect(hour.duration).toBe(3600);
  });
});
