/**
 * The model behind a synthetic recording: who says which syllable when, how loud, at what pitch.
 * The audio (synthetic-audio.ts) and the waveform peaks (peaks.ts) are both computed from this
 * script, so they agree, and neither needs the samples before the ones it is asked for.
 *
 * The call it sketches: a moment of line noise, the agent's greeting, then alternating turns of
 * one to three phrases, with short back-channel "dạ"/"vâng" from the listener, an occasional
 * hold while the agent looks something up, and the agent's goodbye answered by the customer.
 * Vietnamese is tonal, so each syllable carries one of six pitch contours.
 */
import { createRandom, hashNoise, type Random, seedWords } from "./seeded-random.ts";

export const AGENT = 0;
export const CUSTOMER = 1;
export type ChannelIndex = typeof AGENT | typeof CUSTOMER;
export { RECORDING_CHANNEL_NAMES as CHANNEL_NAMES } from "@/contract/recording-peaks.ts";

export type Syllable = {
  /** First frame, inclusive. Syllables of one channel never overlap and are in time order. */
  start: number;
  length: number;
  /** Peak of the voiced part (full scale 1). */
  amplitude: number;
  /** F0 at the syllable's start; the tone bends it: f0(u) = pitchHz·(1 + a·u + b·u²), u ∈ [0, 1]. */
  pitchHz: number;
  glideLinear: number;
  glideQuadratic: number;
  /** Index into the channel's timbres (one per vowel). */
  vowel: number;
  /** A consonant: high-passed noise over the first frames of the syllable. */
  burstFrames: number;
  burstAmplitude: number;
};

/**
 * The waveform of one vowel over one pitch period: Σ w_k·sin(kφ), weights scaled so that its
 * largest magnitude is 1. The harmonics start in phase, so the shape repeats every period
 * whatever the pitch does: a syllable's amplitude is its true peak, and peaks.ts relies on it.
 */
export type Timbre = { weights: Float64Array };

export type ChannelScript = {
  /** One per vowel. */
  timbres: readonly Timbre[];
  /** Level of the line's hiss (uniform noise), full scale 1. */
  hissLevel: number;
  hissStream: number;
  burstStream: number;
  syllables: readonly Syllable[];
};

export type ConversationScript = {
  sampleRate: number;
  frameCount: number;
  channels: readonly [ChannelScript, ChannelScript];
};

/** Rise and fall times of a syllable's loudness: short enough for 5-6 syllables a second. */
const ATTACK_SECONDS = 0.025;
const RELEASE_SECONDS = 0.05;
/** Loudness left at the end of the sustain: a syllable fades a little before it is released. */
const SUSTAIN_END_LEVEL = 0.85;

export function envelopeShape(syllable: Syllable, sampleRate: number) {
  const attack = Math.max(
    1,
    Math.min(Math.round(ATTACK_SECONDS * sampleRate), Math.floor(syllable.length / 3)),
  );
  const release = Math.max(
    1,
    Math.min(Math.round(RELEASE_SECONDS * sampleRate), Math.floor(syllable.length / 2)),
  );
  return { attack, release, sustainEnd: Math.max(attack, syllable.length - release) };
}
export type EnvelopeShape = ReturnType<typeof envelopeShape>;

/**
 * Loudness at frame `x` of a syllable: raised-cosine attack, a slowly falling sustain, a
 * raised-cosine release. It rises to 1 at the end of the attack and never rises again, which
 * tells peaks.ts where in any span the loudest voiced sample can be.
 */
export function envelopeAt(x: number, length: number, shape: EnvelopeShape): number {
  const { attack, release, sustainEnd } = shape;
  if (x < 0 || x >= length) return 0;
  if (x < attack) return 0.5 - 0.5 * Math.cos((Math.PI * x) / attack);
  if (x < sustainEnd) return 1 - ((1 - SUSTAIN_END_LEVEL) * (x - attack)) / (sustainEnd - attack);
  return SUSTAIN_END_LEVEL * (0.5 + 0.5 * Math.cos((Math.PI * (x - sustainEnd)) / release));
}

/** Vietnamese tones as pitch contours (level, slope, curvature) and a duration factor. */
const TONES = [
  { name: "ngang", level: 1.0, a: -0.03, b: 0, duration: 1.0, weight: 0.3 },
  { name: "huyền", level: 0.9, a: -0.14, b: 0, duration: 1.05, weight: 0.2 },
  { name: "sắc", level: 1.04, a: 0.02, b: 0.2, duration: 0.95, weight: 0.17 },
  { name: "hỏi", level: 0.95, a: -0.3, b: 0.35, duration: 1.05, weight: 0.1 },
  { name: "ngã", level: 1.0, a: -0.1, b: 0.32, duration: 1.0, weight: 0.08 },
  { name: "nặng", level: 0.92, a: -0.25, b: 0, duration: 0.75, weight: 0.15 },
] as const;
/** Highest pitch a contour reaches relative to the speaker's F0: level, declination, jitter, glide. */
const MAX_PITCH_FACTOR = 1.04 * 1.06 * 1.03 * 1.22;

/** First two formants (Hz) of a, i, u, e, o, ơ: what makes a vowel sound like itself. */
const VOWEL_FORMANTS = [
  [730, 1090],
  [270, 2290],
  [300, 870],
  [530, 1840],
  [570, 840],
  [500, 1400],
] as const;

/** Telephony passes 300-3400 Hz; harmonics above the band are not synthesized at all. */
const BAND_LOW_HZ = 300;
const BAND_HIGH_HZ = 3400;
const MAX_HARMONICS = 24;

function resonance(frequency: number, center: number, bandwidth: number): number {
  const offset = (frequency - center) / bandwidth;
  return 1 / (1 + offset * offset);
}

/**
 * Harmonic weights of one vowel for one speaker: a -6 dB/octave voiced source shaped by the two
 * formants and a fixed third, then by the telephone band. Computed at the speaker's own F0 (not
 * per syllable) so a recording has just twelve timbres to build.
 */
function vowelTimbre(f0: number, formants: readonly [number, number]): Timbre {
  const count = Math.max(
    1,
    Math.min(MAX_HARMONICS, Math.floor(BAND_HIGH_HZ / (f0 * MAX_PITCH_FACTOR))),
  );
  const weights = new Float64Array(count);
  for (let k = 1; k <= count; k++) {
    const f = k * f0;
    const tract =
      1 +
      6 * resonance(f, formants[0], 90) +
      4 * resonance(f, formants[1], 120) +
      2 * resonance(f, 2500, 200);
    const band = (f * f) / (f * f + BAND_LOW_HZ * BAND_LOW_HZ);
    weights[k - 1] = (tract * band) / k;
  }
  // Scale so the waveform's peak is 1, found on a grid fine enough for the highest harmonic.
  const steps = 2880;
  let crest = 0;
  for (let i = 0; i < steps; i++) {
    crest = Math.max(crest, Math.abs(harmonicSum(weights, (2 * Math.PI * i) / steps)));
  }
  for (let k = 0; k < count; k++) weights[k] = (weights[k] ?? 0) / crest;
  return { weights };
}

/** Σ w_k·sin(kφ), by the Chebyshev recurrence: two trig calls whatever the number of harmonics. */
export function harmonicSum(weights: Float64Array, phase: number): number {
  const twoCos = 2 * Math.cos(phase);
  let previous = 0;
  let current = Math.sin(phase);
  let sum = 0;
  for (let k = 0; k < weights.length; k++) {
    sum += (weights[k] ?? 0) * current;
    const next = twoCos * current - previous;
    previous = current;
    current = next;
  }
  return sum;
}

type Speaker = {
  f0: number;
  secondsPerSyllable: number;
  loudness: number;
  channel: ChannelScript & { syllables: Syllable[] };
};

function pickTone(random: Random) {
  let roll = random.next();
  for (const tone of TONES) {
    roll -= tone.weight;
    if (roll < 0) return tone;
  }
  return TONES[0];
}

function createSpeaker(
  random: Random,
  f0: number,
  loudness: number,
  hissLevel: number,
  streams: readonly [number, number],
): Speaker {
  return {
    f0,
    secondsPerSyllable: 1 / random.between(4.6, 6),
    loudness,
    channel: {
      timbres: VOWEL_FORMANTS.map((formants) => vowelTimbre(f0, formants)),
      hissLevel,
      hissStream: streams[0],
      burstStream: streams[1],
      syllables: [],
    },
  };
}

/** Appends one phrase; returns the time its last syllable ends (its start if none fitted). */
function speakPhrase(
  random: Random,
  speaker: Speaker,
  sampleRate: number,
  startSeconds: number,
  syllableCount: number,
  limitSeconds: number,
  loudness = 1,
): number {
  const { syllables } = speaker.channel;
  let t = startSeconds;
  let end = startSeconds;
  for (let i = 0; i < syllableCount; i++) {
    const position = syllableCount > 1 ? i / (syllableCount - 1) : 0;
    const tone = pickTone(random);
    const isLast = i === syllableCount - 1;
    // Phrase-final lengthening: the last syllable of a phrase is drawn out.
    const seconds =
      speaker.secondsPerSyllable * random.between(0.7, 1.3) * tone.duration * (isLast ? 1.4 : 1);
    const previous = syllables.at(-1);
    const start = Math.max(
      Math.round(t * sampleRate),
      previous ? previous.start + previous.length : 0,
    );
    const stop = Math.min(
      start + Math.round(seconds * sampleRate),
      Math.floor(limitSeconds * sampleRate),
    );
    // A syllable cut to a stub sounds like a glitch; end the phrase instead.
    if (stop - start < 0.06 * sampleRate) break;
    const amplitude = speaker.loudness * loudness * random.between(0.75, 1) * (1 - 0.25 * position);
    const hasBurst = random.chance(0.55);
    syllables.push({
      start,
      length: stop - start,
      amplitude,
      // Declination: pitch drifts down over a phrase.
      pitchHz: speaker.f0 * tone.level * (1.06 - 0.12 * position) * random.between(0.97, 1.03),
      glideLinear: tone.a,
      glideQuadratic: tone.b,
      vowel: random.integer(0, VOWEL_FORMANTS.length - 1),
      burstFrames: hasBurst ? Math.round(random.between(0.015, 0.045) * sampleRate) : 0,
      burstAmplitude: hasBurst ? amplitude * random.between(0.15, 0.3) : 0,
    });
    end = stop / sampleRate;
    // Syllables often run into each other; sometimes there is a short break between words.
    t = end + (random.chance(0.35) ? 0 : random.between(0.01, 0.06));
  }
  return end;
}

/** Builds the script of a recording of `frameCount` frames; the same id always gives the same one. */
export function buildConversationScript(
  transactionId: string,
  frameCount: number,
  sampleRate: number,
): ConversationScript {
  const random = createRandom(seedWords("synthetic-recording/script", transactionId));
  const noiseSeeds = seedWords("synthetic-recording/noise", transactionId);

  // Contact-center agents are mostly women here; customers are anyone.
  const agentF0 = random.chance(0.7) ? random.between(195, 235) : random.between(105, 135);
  let customerF0 = random.chance(0.5) ? random.between(180, 225) : random.between(95, 130);
  // Two voices of one pitch would be hard to tell apart, by ear and on the waveform.
  if (Math.abs(customerF0 - agentF0) < 20)
    customerF0 = customerF0 < agentF0 ? agentF0 - 25 : agentF0 + 25;
  // The agent's headset is close and clean; the customer's mobile is quieter and noisier.
  const agent = createSpeaker(random, agentF0, random.between(0.42, 0.5), 0.0025, [
    noiseSeeds[0] | 0,
    noiseSeeds[1] | 0,
  ]);
  const customer = createSpeaker(random, customerF0, random.between(0.3, 0.45), 0.004, [
    noiseSeeds[2] | 0,
    noiseSeeds[3] | 0,
  ]);
  const speakers = [agent, customer] as const;

  const seconds = frameCount / sampleRate;
  const hardLimit = seconds - Math.min(0.4, seconds * 0.08);
  const closingSeconds = seconds >= 12 ? 2.6 : 0;
  const bodyLimit = hardLimit - closingSeconds;
  const speak = (speaker: Speaker, start: number, count: number, limit: number, loudness = 1) =>
    speakPhrase(random, speaker, sampleRate, start, count, limit, loudness);

  // The recording starts as the line connects: a moment of noise, then the agent's greeting
  // ("Alo, tổng đài … xin chào" … "em có thể hỗ trợ gì cho anh/chị ạ").
  let t = Math.min(random.between(0.25, 0.7), seconds * 0.08);
  t = speak(agent, t, random.integer(6, 9), hardLimit);
  t = speak(agent, t + random.between(0.2, 0.4), random.integer(6, 10), bodyLimit);

  let speakerIndex: ChannelIndex = CUSTOMER;
  let gap = random.between(0.25, 0.9);
  while (true) {
    const speaker = speakers[speakerIndex];
    const listener = speakers[speakerIndex === AGENT ? CUSTOMER : AGENT];
    t += gap;
    if (t >= bodyLimit - 0.3) break;
    const phrases = random.chance(0.5) ? 1 : random.chance(0.7) ? 2 : 3;
    let spoke = false;
    for (let phrase = 0; phrase < phrases; phrase++) {
      if (phrase > 0) {
        const pause = random.between(0.2, 0.55);
        // A listener's "dạ", "vâng" in the speaker's pause.
        if (random.chance(0.4)) {
          speak(
            listener,
            t + 0.05,
            random.integer(1, 2),
            Math.min(t + pause + 0.3, bodyLimit),
            0.6,
          );
        }
        t += pause;
      }
      const end = speak(speaker, t, random.integer(3, 14), bodyLimit);
      if (end === t) break;
      spoke = true;
      t = end;
    }
    if (!spoke) break;
    // Now and then the agent puts the customer on hold to look something up, then goes on.
    if (speakerIndex === AGENT && random.chance(0.08) && t + 12 < bodyLimit) {
      gap = random.between(3, 7);
      continue;
    }
    speakerIndex = speakerIndex === AGENT ? CUSTOMER : AGENT;
    gap = random.between(0.25, 0.9);
  }

  if (closingSeconds > 0) {
    // "Cảm ơn anh/chị đã gọi, chào anh/chị ạ" — "Ừ, chào em".
    t = speak(agent, t + random.between(0.3, 0.5), random.integer(6, 8), hardLimit);
    speak(customer, t + random.between(0.2, 0.4), random.integer(2, 3), hardLimit);
  }

  return { sampleRate, frameCount, channels: [agent.channel, customer.channel] };
}

/** Line hiss of one channel at one frame; a pure function of the frame index. */
export function hissAt(channel: ChannelScript, frame: number): number {
  return channel.hissLevel * hashNoise(channel.hissStream, frame);
}

/**
 * A consonant's noise at one frame: the difference of two white-noise samples, a first-order
 * high-pass that sounds like "s"/"t" rather than rumble, still a pure function of the index.
 */
export function burstNoiseAt(channel: ChannelScript, frame: number): number {
  return 0.5 * (hashNoise(channel.burstStream, frame) - hashNoise(channel.burstStream, frame - 1));
}
