/**
 * Deterministic randomness for synthetic recordings. Everything derives from the transaction id
 * through SHA-256 (stable across machines and Node versions), so the same call always sounds the
 * same and every byte of its file can be recomputed on its own.
 */
import { createHash } from "node:crypto";

/** Four 32-bit words from SHA-256 of `label` + `text`; `label` keeps uses of one id independent. */
export function seedWords(label: string, text: string): [number, number, number, number] {
  const digest = createHash("sha256").update(label).update("\u0000").update(text).digest();
  return [
    digest.readUInt32LE(0),
    digest.readUInt32LE(4),
    digest.readUInt32LE(8),
    digest.readUInt32LE(12),
  ];
}

/**
 * sfc32 (Chris Doty-Humphrey's Small Fast Counting generator): tiny, fast, good statistical
 * quality, and integer-only, so its output is identical everywhere.
 */
export function createRandom(seed: [number, number, number, number]) {
  let [a, b, c, d] = seed;
  const nextUint32 = (): number => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return t >>> 0;
  };
  // Warm-up: the first outputs of sfc32 still show the seed's structure.
  for (let i = 0; i < 12; i++) nextUint32();
  const next = (): number => nextUint32() / 4294967296;
  return {
    /** Uniform in [0, 1). */
    next,
    /** Uniform in [min, max). */
    between: (min: number, max: number): number => min + (max - min) * next(),
    /** Integer in [min, max], both included. */
    integer: (min: number, max: number): number => min + Math.floor((max - min + 1) * next()),
    chance: (probability: number): boolean => next() < probability,
  };
}
export type Random = ReturnType<typeof createRandom>;

/**
 * Stateless white noise in [-1, 1): a 32-bit integer hash of (stream, index). Being a pure
 * function of the sample index is what lets any byte range be generated without the samples
 * before it (a recursive generator or filter would need them).
 */
export function hashNoise(stream: number, index: number): number {
  // lowbias32 by Chris Wellons, over the index spread by the golden-ratio constant.
  let x = (Math.imul(index, 0x9e3779b1) ^ stream) | 0;
  x ^= x >>> 16;
  x = Math.imul(x, 0x7feb352d);
  x ^= x >>> 15;
  x = Math.imul(x, 0x846ca68b);
  x ^= x >>> 16;
  return (x | 0) / 2147483648;
}
