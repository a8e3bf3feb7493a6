/**
 * The WAV file of a demo call, which has no real audio: two channels (0 agent, 1 customer) of
 * 16-bit PCM at the 8 kHz telephony rate, synthesized from the call's transaction id and length.
 *
 * Any byte range can be produced on its own, a chunk at a time: the 44-byte header is computed,
 * and the samples of a span depend only on the conversation script (~40 KB per minute of call)
 * and the frame index. A one-hour call is served to a seeking <audio> element with flat memory,
 * and the same input gives the same bytes for every range (the ETag promises it).
 */
import { createHash } from "node:crypto";
import { endianness } from "node:os";
import { Readable } from "node:stream";
import { setImmediate as setImmediatePromise } from "node:timers/promises";
import { LruCache } from "../lib/lru-cache.ts";
import { buildConversationScript, type ConversationScript } from "./conversation-script.ts";
import { renderInterleavedPcm16 } from "./synthetic-audio.ts";
import { MAX_WAV_DATA_BYTES, pcmWavHeader, WAV_HEADER_BYTES } from "./wav-header.ts";

export type SyntheticRecordingSpec = { transactionId: string; seconds: number };

export const SYNTHETIC_SAMPLE_RATE = 8000;
export const SYNTHETIC_CHANNELS = 2;
const BITS_PER_SAMPLE = 16;
export const BYTES_PER_FRAME = SYNTHETIC_CHANNELS * (BITS_PER_SAMPLE / 8);
const FORMAT = {
  sampleRate: SYNTHETIC_SAMPLE_RATE,
  channels: SYNTHETIC_CHANNELS,
  bitsPerSample: BITS_PER_SAMPLE,
};
/** Bump when the generator changes what it outputs: it is part of the ETag. */
export const SYNTHESIS_VERSION = 1;
/** 64 KiB of samples per chunk: large enough to stream fast, small enough to keep memory flat. */
export const DEFAULT_CHUNK_FRAMES = 16_384;

/** Frames of a recording of `seconds`; throws for lengths no WAV file (or call) can have. */
export function syntheticFrameCount(spec: SyntheticRecordingSpec): number {
  const frames = Math.round(spec.seconds * SYNTHETIC_SAMPLE_RATE);
  if (
    !Number.isFinite(spec.seconds) ||
    frames < 1 ||
    frames * BYTES_PER_FRAME > MAX_WAV_DATA_BYTES
  ) {
    throw new RangeError(`cannot synthesize a recording of ${spec.seconds} seconds`);
  }
  return frames;
}

export function wavByteLength(spec: SyntheticRecordingSpec): number {
  return WAV_HEADER_BYTES + syntheticFrameCount(spec) * BYTES_PER_FRAME;
}

/** A strong ETag: the bytes are a pure function of the generator version, id and length. */
export function syntheticRecordingEtag(spec: SyntheticRecordingSpec): string {
  const frames = syntheticFrameCount(spec);
  const digest = createHash("sha256")
    .update(
      `${SYNTHESIS_VERSION}\u0000${SYNTHETIC_SAMPLE_RATE}\u0000${frames}\u0000${spec.transactionId}`,
    )
    .digest("base64url")
    .slice(0, 22);
  return `"syn${SYNTHESIS_VERSION}-${digest}"`;
}

/**
 * Scripts of recently played calls: a player seeking through one call sends a burst of range
 * requests, and rebuilding the script for each would be wasted work (2 ms, 7 ms for an hour).
 * Sixteen is plenty for the calls being listened to at once; at ~2.5 MB for an hour-long call,
 * the worst case stays around 40 MB.
 */
const scripts = new LruCache<string, ConversationScript>(16);

export function syntheticScript(spec: SyntheticRecordingSpec): ConversationScript {
  const frames = syntheticFrameCount(spec);
  return scripts.getOrCreate(`${frames}\u0000${spec.transactionId}`, () =>
    buildConversationScript(spec.transactionId, frames, SYNTHETIC_SAMPLE_RATE),
  );
}

const isBigEndian = endianness() === "BE";

/**
 * Bytes [start, endInclusive] of the file, in chunks of at most `chunkFrames` frames. Between
 * chunks it gives way to the event loop: while a fast client's socket keeps accepting data, the
 * stream would otherwise render chunk after chunk on process.nextTick and hold up every other
 * request until the socket's buffer fills (megabytes, tens of milliseconds of rendering).
 */
async function* wavByteChunks(
  spec: SyntheticRecordingSpec,
  start: number,
  endInclusive: number,
  chunkFrames: number,
): AsyncGenerator<Buffer> {
  if (start < WAV_HEADER_BYTES) {
    const header = pcmWavHeader(FORMAT, syntheticFrameCount(spec) * BYTES_PER_FRAME);
    yield header.subarray(start, Math.min(endInclusive + 1, WAV_HEADER_BYTES));
  }
  if (endInclusive < WAV_HEADER_BYTES) return;
  const script = syntheticScript(spec);
  // Byte offsets within the sample data; whole frames are rendered, partial ones trimmed.
  const dataStart = Math.max(start, WAV_HEADER_BYTES) - WAV_HEADER_BYTES;
  const dataEnd = endInclusive + 1 - WAV_HEADER_BYTES;
  const lastFrame = Math.ceil(dataEnd / BYTES_PER_FRAME);
  const scratch = new Float64Array(chunkFrames);
  const firstFrame = Math.floor(dataStart / BYTES_PER_FRAME);
  for (let frame = firstFrame; frame < lastFrame; frame += chunkFrames) {
    if (frame !== firstFrame) await setImmediatePromise();
    const frames = Math.min(chunkFrames, lastFrame - frame);
    // A fresh buffer per chunk: the consumer may still hold the previous one.
    const chunk = Buffer.allocUnsafe(frames * BYTES_PER_FRAME);
    renderInterleavedPcm16(
      script,
      frame,
      new Int16Array(chunk.buffer, chunk.byteOffset, frames * SYNTHETIC_CHANNELS),
      scratch,
    );
    if (isBigEndian) chunk.swap16();
    const chunkStart = frame * BYTES_PER_FRAME;
    yield chunk.subarray(
      Math.max(dataStart - chunkStart, 0),
      Math.min(dataEnd - chunkStart, chunk.length),
    );
  }
}

/**
 * A stream of bytes [start, endInclusive] of the recording's WAV file. Chunks are computed only
 * when the consumer reads, so a slow client holds back the work instead of buffering it, and a
 * client that goes away stops it (the stream is destroyed, and so the generator).
 */
export function createWavByteStream(
  spec: SyntheticRecordingSpec,
  start: number,
  endInclusive: number,
  options: { chunkFrames?: number } = {},
): Readable {
  const size = wavByteLength(spec);
  if (
    !Number.isInteger(start) ||
    !Number.isInteger(endInclusive) ||
    start < 0 ||
    start > endInclusive ||
    endInclusive >= size
  ) {
    throw new RangeError(
      `bytes ${start}-${endInclusive} are not within the ${size}-byte recording`,
    );
  }
  const chunkFrames = options.chunkFrames ?? DEFAULT_CHUNK_FRAMES;
  if (!Number.isInteger(chunkFrames) || chunkFrames < 1) {
    throw new RangeError(`chunkFrames must be a positive integer, got ${chunkFrames}`);
  }
  return Readable.from(wavByteChunks(spec, start, endInclusive, chunkFrames), {
    objectMode: false,
  });
}
