/**
 * Samples of a synthetic recording, computed from its script for any span of frames. Each sample
 * is a pure function of (script, channel, frame): line hiss, plus the one syllable of that channel
 * sounding at that frame (a consonant's noise burst and a voiced, tone-bent harmonic sum under a
 * syllable-long envelope). So a span's samples are the same whichever request asks for them, and
 * peaks.ts can compute single samples exactly as the audio has them.
 */
import {
  burstNoiseAt,
  type ChannelScript,
  type ConversationScript,
  type EnvelopeShape,
  envelopeAt,
  envelopeShape,
  harmonicSum,
  hissAt,
  type Syllable,
} from "./conversation-script.ts";

/** Index of the first syllable that ends after `frame` (syllables are ordered and disjoint). */
export function firstSyllableEndingAfter(syllables: readonly Syllable[], frame: number): number {
  let low = 0;
  let high = syllables.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    const syllable = syllables[middle]!;
    if (syllable.start + syllable.length <= frame) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * Phase of the voice `x` frames into a syllable: the integral of its gliding pitch
 * f0(u) = pitchHz·(1 + a·u + b·u²), in closed form, so it is exact at any frame on its own.
 */
export function syllablePhase(syllable: Syllable, x: number, sampleRate: number): number {
  const u = x / syllable.length;
  const cycles = (syllable.pitchHz * syllable.length) / sampleRate;
  const { glideLinear: a, glideQuadratic: b } = syllable;
  return 2 * Math.PI * cycles * u * (1 + u * (a / 2 + (u * b) / 3));
}

/** Pitch (Hz) of the voice at `u` ∈ [0, 1] through a syllable: the tone's contour. */
export function pitchAt(syllable: Syllable, u: number): number {
  return syllable.pitchHz * (1 + u * (syllable.glideLinear + u * syllable.glideQuadratic));
}

/** A syllable's sound (voice and consonant noise) at one of its frames. */
export function syllableValueAt(
  channel: ChannelScript,
  syllable: Syllable,
  shape: EnvelopeShape,
  frame: number,
  sampleRate: number,
): number {
  const x = frame - syllable.start;
  const timbre = channel.timbres[syllable.vowel]!;
  let value =
    syllable.amplitude *
    envelopeAt(x, syllable.length, shape) *
    harmonicSum(timbre.weights, syllablePhase(syllable, x, sampleRate));
  if (x < syllable.burstFrames) {
    const burstEnvelope = Math.sin((Math.PI * x) / syllable.burstFrames);
    value += syllable.burstAmplitude * burstEnvelope * burstNoiseAt(channel, frame);
  }
  return value;
}

/** Full scale ±1 to a 16-bit sample. */
export function toPcm16(value: number): number {
  return Math.min(32767, Math.max(-32768, Math.round(value * 32767)));
}

/** Fills `out` with one channel's samples (full scale ±1) for frames firstFrame… */
export function renderChannel(
  script: ConversationScript,
  channelIndex: number,
  firstFrame: number,
  out: Float64Array,
): void {
  const channel = script.channels[channelIndex];
  if (!channel) throw new RangeError(`no channel ${channelIndex}`);
  for (let i = 0; i < out.length; i++) out[i] = hissAt(channel, firstFrame + i);
  const endFrame = firstFrame + out.length;
  const { syllables } = channel;
  for (let i = firstSyllableEndingAfter(syllables, firstFrame); i < syllables.length; i++) {
    const syllable = syllables[i]!;
    if (syllable.start >= endFrame) break;
    const shape = envelopeShape(syllable, script.sampleRate);
    const from = Math.max(syllable.start, firstFrame);
    const to = Math.min(syllable.start + syllable.length, endFrame);
    for (let frame = from; frame < to; frame++) {
      const offset = frame - firstFrame;
      // Hiss first, then the syllable: peaks.ts adds them in the same order, for the same bits.
      out[offset] =
        (out[offset] ?? 0) + syllableValueAt(channel, syllable, shape, frame, script.sampleRate);
    }
  }
}

/**
 * Interleaved 16-bit samples (agent, customer, agent, …) of frames [firstFrame, firstFrame +
 * frameCount). `scratch` holds one channel's floats and is reused across calls by streams.
 */
export function renderInterleavedPcm16(
  script: ConversationScript,
  firstFrame: number,
  out: Int16Array,
  scratch: Float64Array,
): void {
  const channels = script.channels.length;
  const frameCount = out.length / channels;
  const samples = scratch.subarray(0, frameCount);
  for (let channel = 0; channel < channels; channel++) {
    renderChannel(script, channel, firstFrame, samples);
    for (let i = 0; i < frameCount; i++) {
      out[i * channels + channel] = toPcm16(samples[i] ?? 0);
    }
  }
}
