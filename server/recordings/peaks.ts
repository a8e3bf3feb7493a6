/**
 * Waveform peaks, so the browser draws a recording without downloading and decoding it.
 *
 * Shape: what wavesurfer.js v8 takes as `peaks` (one array per channel; it draws |value|, so
 * max-absolute values in [0, 1] are enough) with `duration`. Values are relative to full scale,
 * not normalized per recording, so a quiet line looks quiet; the player can pass `normalize`.
 *
 * Resolution: 50 peaks a second (20 ms, about a tenth of a syllable), coarser for calls over
 * 80 s so a channel never exceeds MAX_PEAKS_PER_CHANNEL: a few times the device pixels of the
 * drawer's waveform even on a high-density screen, and under 50 KB of JSON for any call.
 * `peaks_per_second` is then fractional (an hour: 1.111); the player needs only the arrays and
 * `duration`.
 */

import { setImmediate as setImmediatePromise } from "node:timers/promises";
import type { RecordingPeaks } from "@/contract/recording-peaks.ts";
import {
  CHANNEL_NAMES,
  type ChannelScript,
  type ConversationScript,
  type EnvelopeShape,
  envelopeAt,
  envelopeShape,
  hissAt,
  type Syllable,
} from "./conversation-script.ts";
import { pitchAt, syllableValueAt, toPcm16 } from "./synthetic-audio.ts";
import { type SyntheticRecordingSpec, syntheticScript } from "./synthetic-recording.ts";

export const PEAKS_PER_SECOND = 50;
export const MAX_PEAKS_PER_CHANNEL = 4000;

/** The shape is the contract's: the SPA parses exactly what this computes. */
export type { RecordingPeaks };

export type PeakLayout = { framesPerPeak: number; peakCount: number; peaksPerSecond: number };

export function peakLayout(frameCount: number, sampleRate: number): PeakLayout {
  const framesPerPeak = Math.max(
    Math.round(sampleRate / PEAKS_PER_SECOND),
    Math.ceil(frameCount / MAX_PEAKS_PER_CHANNEL),
  );
  return {
    framesPerPeak,
    peakCount: Math.ceil(frameCount / framesPerPeak),
    peaksPerSecond: sampleRate / framesPerPeak,
  };
}

/** Three decimals: 1/1000 of full scale is below a pixel, and it keeps the JSON small. */
function round3(value: number): number {
  return Math.round(value * 1000) / 1000;
}

function clamp(value: number, low: number, high: number): number {
  return Math.min(high, Math.max(low, value));
}

/** |sample| of a channel at a frame of one of its syllables, exactly as the audio has it. */
function sampleMagnitude(
  channel: ChannelScript,
  syllable: Syllable,
  shape: EnvelopeShape,
  frame: number,
  sampleRate: number,
): number {
  // Hiss plus syllable, in the order renderChannel adds them: the same 16-bit sample.
  const value =
    hissAt(channel, frame) + syllableValueAt(channel, syllable, shape, frame, sampleRate);
  return Math.abs(toPcm16(value)) / 32768;
}

/**
 * Peaks of a synthetic recording read off its script instead of rendering every sample: each
 * value is the largest of the real samples, computed exactly as the audio has them, at the only
 * frames where a bucket's peak can be. The voice repeats its shape every pitch period, and its
 * envelope rises to the end of the attack and then only falls; so before that top, any frame is
 * outdone by the frame one period later, and after it by the frame one period earlier: the
 * loudest voiced sample lies within a period of the top. Consonant noise does not repeat, so
 * all its frames are looked at. For silence, the hiss level stands in.
 *
 * The only inexactness is the 8 kHz grid: which period's crest falls nearest a sample varies, so
 * a value can be up to ~0.02 (of full scale) below the bucket's true sample peak.
 *
 * Syllables go loudest first, and a syllable whose bound (amplitude × envelope, plus its noise
 * and the hiss) cannot beat a bucket's peak so far is skipped there: with a coarse layout (long
 * calls) a bucket holds many syllables and about half are skipped. The result is the same.
 *
 * A generator, yielding every few hundred syllables, so that the async caller can let other
 * requests run while an hour-long call (~0.3 s of work) is being measured.
 */
function* scriptPeakSteps(
  script: ConversationScript,
  layout: PeakLayout,
): Generator<void, number[][]> {
  const result: number[][] = [];
  for (const channel of script.channels) {
    const peaks = new Float64Array(layout.peakCount).fill(channel.hissLevel);
    const loudestFirst = channel.syllables.toSorted(
      (one, other) => other.amplitude + other.burstAmplitude - (one.amplitude + one.burstAmplitude),
    );
    for (const [index, syllable] of loudestFirst.entries()) {
      raiseSyllablePeaks(channel, syllable, script.sampleRate, layout.framesPerPeak, peaks);
      if (index % 500 === 499) yield;
    }
    result.push(Array.from(peaks, round3));
  }
  return result;
}

function raiseSyllablePeaks(
  channel: ChannelScript,
  syllable: Syllable,
  rate: number,
  framesPerPeak: number,
  peaks: Float64Array,
): void {
  const shape = envelopeShape(syllable, rate);
  // Half a 16-bit step of rounding, and the crest search's tiny shortfall.
  const slack = channel.hissLevel + 1e-4;
  const magnitudeAt = (x: number) =>
    sampleMagnitude(channel, syllable, shape, syllable.start + x, rate);
  const end = syllable.start + syllable.length;
  const lastBucket = Math.floor((end - 1) / framesPerPeak);
  for (let bucket = Math.floor(syllable.start / framesPerPeak); bucket <= lastBucket; bucket++) {
    let peak = peaks[bucket] ?? 0;
    // The part of the syllable in this bucket, as frames since the syllable's start.
    const from = Math.max(bucket * framesPerPeak, syllable.start) - syllable.start;
    const to = Math.min((bucket + 1) * framesPerPeak, end) - 1 - syllable.start;
    const top = clamp(shape.attack, from, to);
    const burstTo = Math.min(to, syllable.burstFrames - 1);
    const voiceBound = syllable.amplitude * envelopeAt(top, syllable.length, shape) + slack;
    // Within the consonant the voice has not passed its top.
    const burstTop = clamp(shape.attack, from, burstTo);
    const burstBound =
      from <= burstTo
        ? syllable.amplitude * envelopeAt(burstTop, syllable.length, shape) +
          syllable.burstAmplitude +
          slack
        : 0;
    if (voiceBound <= peak && burstBound <= peak) continue;
    // A little more than the period at the top: the pitch glides within the window.
    const period = Math.ceil(rate / (0.9 * pitchAt(syllable, top / syllable.length))) + 2;
    const voiceFrom = Math.max(from, top - period);
    const voiceTo = Math.min(to, top + period);
    if (voiceBound > peak) {
      for (let x = voiceFrom; x <= voiceTo; x++) peak = Math.max(peak, magnitudeAt(x));
    }
    if (burstBound > peak) {
      for (let x = from; x <= burstTo; x++) {
        if (x < voiceFrom || x > voiceTo) peak = Math.max(peak, magnitudeAt(x));
      }
    }
    peaks[bucket] = peak;
  }
}

/** Peaks of a script, all at once. */
export function scriptPeaks(script: ConversationScript, layout: PeakLayout): number[][] {
  const steps = scriptPeakSteps(script, layout);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

function recordingPeaks(
  spec: SyntheticRecordingSpec,
  frameCount: number,
  sampleRate: number,
  layout: PeakLayout,
  peaks: number[][],
): RecordingPeaks {
  return {
    transaction_id: spec.transactionId,
    duration: round3(frameCount / sampleRate),
    sample_rate: sampleRate,
    peaks_per_second: round3(layout.peaksPerSecond),
    channels: CHANNEL_NAMES.map((name, index) => ({ name, peaks: peaks[index] ?? [] })),
  };
}

export function syntheticRecordingPeaks(spec: SyntheticRecordingSpec): RecordingPeaks {
  const script = syntheticScript(spec);
  const layout = peakLayout(script.frameCount, script.sampleRate);
  return recordingPeaks(
    spec,
    script.frameCount,
    script.sampleRate,
    layout,
    scriptPeaks(script, layout),
  );
}

/** The same peaks, computed in slices that give way to other work on the event loop. */
export async function syntheticRecordingPeaksAsync(
  spec: SyntheticRecordingSpec,
): Promise<RecordingPeaks> {
  const script = syntheticScript(spec);
  const layout = peakLayout(script.frameCount, script.sampleRate);
  const steps = scriptPeakSteps(script, layout);
  for (;;) {
    const step = steps.next();
    if (step.done) {
      return recordingPeaks(spec, script.frameCount, script.sampleRate, layout, step.value);
    }
    await setImmediatePromise();
  }
}

/**
 * Peaks of decoded audio, fed interleaved 16-bit PCM a chunk at a time: for recordings that are
 * real audio (the vendor's, later), and to check the script-based peaks against real samples.
 */
export class PeakAccumulator {
  readonly #peaks: Float64Array[];
  readonly #channels: number;
  readonly #framesPerPeak: number;
  #frame = 0;

  constructor(channels: number, layout: PeakLayout) {
    this.#channels = channels;
    this.#framesPerPeak = layout.framesPerPeak;
    this.#peaks = Array.from({ length: channels }, () => new Float64Array(layout.peakCount));
  }

  addInterleavedPcm16(samples: Int16Array): void {
    const frames = Math.floor(samples.length / this.#channels);
    for (let channel = 0; channel < this.#channels; channel++) {
      const peaks = this.#peaks[channel]!;
      for (let i = 0; i < frames; i++) {
        const bucket = Math.floor((this.#frame + i) / this.#framesPerPeak);
        const value = Math.abs(samples[i * this.#channels + channel] ?? 0) / 32768;
        if (value > (peaks[bucket] ?? 0)) peaks[bucket] = value;
      }
    }
    this.#frame += frames;
  }

  peaks(): number[][] {
    return this.#peaks.map((channel) => Array.from(channel, round3));
  }
}
