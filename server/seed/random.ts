/**
 * Seeded randomness for the demo data. Everything the generator draws comes from here, so one
 * seed always yields the same calls, on any machine (32-bit integer arithmetic only; no
 * Math.random, no locale or time-zone dependent calls).
 */

/** splitmix32: spreads a small seed (1, 2, 3…) over all 32 bits before it seeds sfc32. */
function splitmix32(state: number): [next: number, output: number] {
  const next = (state + 0x9e3779b9) | 0;
  let z = next;
  z = Math.imul(z ^ (z >>> 16), 0x21f0aaad);
  z = Math.imul(z ^ (z >>> 15), 0x735a2d97);
  return [next, (z ^ (z >>> 15)) >>> 0];
}

/** A value and how often it comes up relative to the others. */
export type Weighted<T> = readonly [value: T, weight: number];

/** Cumulative weights, built once, so a weighted draw is a short scan and no allocation. */
export type WeightedTable<T> = { values: readonly T[]; cumulative: Float64Array; total: number };

export function weightedTable<T>(entries: readonly Weighted<T>[]): WeightedTable<T> {
  const cumulative = new Float64Array(entries.length);
  let total = 0;
  entries.forEach(([, weight], index) => {
    if (!(weight >= 0)) throw new Error(`A weight must be zero or more (got ${weight})`);
    total += weight;
    cumulative[index] = total;
  });
  if (!(total > 0)) throw new Error("A weighted table needs a positive total weight");
  return { values: entries.map(([value]) => value), cumulative, total };
}

/** sfc32 (Chris Doty-Humphrey's Small Fast Chaotic generator): fast and statistically sound. */
export class Random {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  /** `stream` gives independent sequences from one seed (directory, times, calls…). */
  constructor(seed: number, stream = 0) {
    let state = (seed ^ Math.imul(stream + 1, 0x85ebca6b)) | 0;
    const words: number[] = [];
    for (let index = 0; index < 4; index += 1) {
      const [next, output] = splitmix32(state);
      state = next;
      words.push(output);
    }
    [this.a, this.b, this.c, this.d] = words as [number, number, number, number];
    for (let warmUp = 0; warmUp < 12; warmUp += 1) this.uint32();
  }

  uint32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** Uniform in [0, 1). */
  float(): number {
    return this.uint32() / 4294967296;
  }

  /** Uniform integer in [min, max], both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.float() * (max - min + 1));
  }

  /** Uniform in [min, max). */
  between(min: number, max: number): number {
    return min + this.float() * (max - min);
  }

  chance(probability: number): boolean {
    return this.float() < probability;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error("Cannot pick from an empty list");
    return items[Math.floor(this.float() * items.length)]!;
  }

  weighted<T>(table: WeightedTable<T>): T {
    const target = this.float() * table.total;
    const { cumulative, values } = table;
    for (let index = 0; index < cumulative.length; index += 1) {
      if (target < cumulative[index]!) return values[index]!;
    }
    return values[values.length - 1]!;
  }

  /** Box–Muller; one of the pair is dropped, which costs little and keeps no hidden state. */
  normal(): number {
    const u = 1 - this.float();
    const v = this.float();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  /** Durations of human behaviour (talk, ringing) are right-skewed: most short, a few long. */
  logNormal(median: number, sigma: number): number {
    return median * Math.exp(sigma * this.normal());
  }

  exponential(mean: number): number {
    return -mean * Math.log(1 - this.float());
  }

  /** `count` distinct items in random order (a partial Fisher–Yates shuffle of a copy). */
  sample<T>(items: readonly T[], count: number): T[] {
    const copy = items.slice();
    const taken = Math.min(count, copy.length);
    for (let index = 0; index < taken; index += 1) {
      const swap = index + Math.floor(this.float() * (copy.length - index));
      [copy[index], copy[swap]] = [copy[swap]!, copy[index]!];
    }
    return copy.slice(0, taken);
  }

  hex(length: number): string {
    let text = "";
    while (text.length < length) text += this.uint32().toString(16).padStart(8, "0");
    return text.slice(0, length);
  }
}

/** murmur3's finalizer: a cheap, well-mixed 32-bit hash step. */
function mix32(value: number): number {
  let h = value;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

const HEX_BYTES = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, "0"));

function hex32(value: number): string {
  return (
    HEX_BYTES[value >>> 24]! +
    HEX_BYTES[(value >>> 16) & 0xff]! +
    HEX_BYTES[(value >>> 8) & 0xff]! +
    HEX_BYTES[value & 0xff]!
  );
}

/**
 * A UUID-v4-looking id that depends only on (seed, index, salt): the n-th demo call keeps its
 * transaction_id whatever the count or `now`, so re-seeding upserts instead of duplicating.
 */
export function stableUuid(seed: number, index: number, salt = 0): string {
  const base = mix32(seed ^ mix32(index ^ mix32(salt + 0x27d4eb2f)));
  const w0 = mix32(base ^ 0x9e3779b9);
  const w1 = mix32(w0 ^ index);
  const w2 = mix32(w1 ^ 0x7f4a7c15);
  const w3 = mix32(w2 ^ seed);
  const h0 = hex32(w0);
  const h1 = hex32(((w1 & 0xffff0fff) | 0x00004000) >>> 0);
  const h2 = hex32(((w2 & 0x3fffffff) | 0x80000000) >>> 0);
  const h3 = hex32(w3);
  return `${h0}-${h1.slice(0, 4)}-${h1.slice(4)}-${h2.slice(0, 4)}-${h2.slice(4)}${h3}`;
}

/**
 * A MongoDB-ObjectId-looking id (24 hex digits), as the vendor uses for agents, tags and
 * campaigns: 4 bytes of a creation time, then random bytes.
 */
export function objectId(random: Random, createdAtSeconds: number): string {
  return hex32(createdAtSeconds >>> 0) + random.hex(16);
}
