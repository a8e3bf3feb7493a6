import { describe, expect, it } from "vitest";
import { AGENT, buildConversationScript, CUSTOMER } from "./conversation-script.ts";
import {
  createWavByteStream,
  type SyntheticRecordingSpec,
  syntheticRecordingEtag,
  wavByteLength,
} from "./synthetic-recording.ts";

async function wavBytes(
  spec: SyntheticRecordingSpec,
  start = 0,
  endInclusive = wavByteLength(spec) - 1,
  chunkFrames?: number,
): Promise<Buffer> {
  const stream = createWavByteStream(spec, start, endInclusive, chunkFrames ? { chunkFrames } : {});
  return Buffer.concat(await stream.toArray());
}

/** RMS in dBFS of each 100 ms window of one channel of a whole WAV file. */
function windowLevels(wav: Buffer, channel: number): number[] {
  const samples = new Int16Array(wav.buffer, wav.byteOffset + 44, (wav.length - 44) / 2);
  const window = 800;
  const levels: number[] = [];
  for (let start = 0; start + window <= samples.length / 2; start += window) {
    let sum = 0;
    for (let i = start; i < start + window; i++) {
      const value = (samples[i * 2 + channel] ?? 0) / 32768;
      sum += value * value;
    }
    levels.push(10 * Math.log10(sum / window + 1e-12));
  }
  return levels;
}

const CALL = { transactionId: "9b2f6c1e-4d3a-4f5b-8e7d-0a1b2c3d4e5f", seconds: 20 };

describe("the synthetic recording's WAV file", () => {
  it("has a valid 44-byte PCM header: RIFF sizes and fmt fields", async () => {
    const wav = await wavBytes(CALL);
    const dataBytes = 20 * 8000 * 4;
    expect(wav.toString("ascii", 0, 4)).toBe("RIFF");
    expect(wav.readUInt32LE(4)).toBe(wav.length - 8);
    expect(wav.toString("ascii", 8, 12)).toBe("WAVE");
    expect(wav.toString("ascii", 12, 16)).toBe("fmt ");
    expect(wav.readUInt32LE(16)).toBe(16);
    expect(wav.readUInt16LE(20)).toBe(1); // integer PCM
    expect(wav.readUInt16LE(22)).toBe(2); // agent, customer
    expect(wav.readUInt32LE(24)).toBe(8000);
    expect(wav.readUInt32LE(28)).toBe(8000 * 4); // byte rate
    expect(wav.readUInt16LE(32)).toBe(4); // block align
    expect(wav.readUInt16LE(34)).toBe(16);
    expect(wav.toString("ascii", 36, 40)).toBe("data");
    expect(wav.readUInt32LE(40)).toBe(dataBytes);
  });

  it("is exactly seconds × 8000 × 4 + 44 bytes long", async () => {
    expect((await wavBytes(CALL)).length).toBe(20 * 8000 * 4 + 44);
    expect(wavByteLength({ transactionId: "x", seconds: 3600 })).toBe(3600 * 32000 + 44);
    // Vendor lengths are whole seconds, but a fraction rounds to the nearest frame.
    expect(wavByteLength({ transactionId: "x", seconds: 1.5 })).toBe(12000 * 4 + 44);
  });

  it("refuses lengths no recording can have", () => {
    for (const seconds of [0, -5, Number.NaN, Number.POSITIVE_INFINITY, 0.00001, 200_000]) {
      expect(() => wavByteLength({ transactionId: "x", seconds })).toThrow(RangeError);
    }
  });

  it("gives the same bytes for the same call, however it is chunked", async () => {
    const whole = await wavBytes(CALL);
    expect((await wavBytes({ ...CALL })).equals(whole)).toBe(true);
    expect((await wavBytes(CALL, 0, whole.length - 1, 777)).equals(whole)).toBe(true);
    expect((await wavBytes(CALL, 0, 3999, 1)).equals(whole.subarray(0, 4000))).toBe(true);
    // The script itself is rebuilt identically (the stream caches it, so check it directly).
    expect(buildConversationScript(CALL.transactionId, 160_000, 8000)).toEqual(
      buildConversationScript(CALL.transactionId, 160_000, 8000),
    );
    expect(syntheticRecordingEtag(CALL)).toBe(syntheticRecordingEtag({ ...CALL }));
  });

  it("gives byte ranges that concatenate to the whole file", async () => {
    const whole = await wavBytes(CALL);
    // Cuts inside the header, at its end, mid-sample, mid-frame, across chunks, at the end.
    const cuts = [0, 1, 22, 43, 44, 45, 47, 48, 1001, 65_580, 65_581, 200_003, whole.length];
    const pieces: Buffer[] = [];
    for (let i = 0; i + 1 < cuts.length; i++) {
      const start = cuts[i]!;
      const end = cuts[i + 1]! - 1;
      const piece = await wavBytes(CALL, start, end);
      expect(piece.length).toBe(end - start + 1);
      pieces.push(piece);
    }
    expect(Buffer.concat(pieces).equals(whole)).toBe(true);
    expect(await wavBytes(CALL, whole.length - 1, whole.length - 1)).toEqual(
      whole.subarray(whole.length - 1),
    );
  });

  it("sounds different for different calls", async () => {
    const one = await wavBytes(CALL);
    const other = await wavBytes({
      ...CALL,
      transactionId: "9b2f6c1e-4d3a-4f5b-8e7d-0a1b2c3d4e60",
    });
    expect(one.subarray(0, 44).equals(other.subarray(0, 44))).toBe(true);
    let differing = 0;
    for (let i = 44; i < one.length; i += 2)
      if (one.readInt16LE(i) !== other.readInt16LE(i)) differing++;
    expect(differing / ((one.length - 44) / 2)).toBeGreaterThan(0.9);
    expect(syntheticRecordingEtag(CALL)).not.toBe(
      syntheticRecordingEtag({ ...CALL, transactionId: "9b2f6c1e-4d3a-4f5b-8e7d-0a1b2c3d4e60" }),
    );
    expect(syntheticRecordingEtag(CALL)).not.toBe(syntheticRecordingEtag({ ...CALL, seconds: 21 }));
  });

  it("rejects ranges outside the file", () => {
    const size = wavByteLength(CALL);
    expect(() => createWavByteStream(CALL, 10, 9)).toThrow(RangeError);
    expect(() => createWavByteStream(CALL, 0, size)).toThrow(RangeError);
    expect(() => createWavByteStream(CALL, -1, 5)).toThrow(RangeError);
    expect(() => createWavByteStream(CALL, 0.5, 5)).toThrow(RangeError);
  });

  it("serves a range deep inside an hour-long call without rendering what comes before", async () => {
    const hour = { transactionId: "long-call", seconds: 3600 };
    const start = wavByteLength(hour) - 1_000_000;
    const began = performance.now();
    const piece = await wavBytes(hour, start, start + 99_999);
    expect(piece.length).toBe(100_000);
    // Rendering the hour up to there would take seconds.
    expect(performance.now() - began).toBeLessThan(1000);
  });
});

describe("what the synthetic recording sounds like", () => {
  const ids = ["call-1", "3f2a9c1e-5b7d-4e8f-9a0b-1c2d3e4f5a6b", "X_9.z-", "42"];

  it.each(ids)(
    "%s: each channel has speech and quiet stretches, and the agent speaks first",
    async (transactionId) => {
      const wav = await wavBytes({ transactionId, seconds: 60 });
      const agent = windowLevels(wav, AGENT);
      const customer = windowLevels(wav, CUSTOMER);
      for (const levels of [agent, customer]) {
        const loud = levels.filter((level) => level > -32).length;
        const quiet = levels.filter((level) => level < -45).length;
        expect(loud / levels.length).toBeGreaterThan(0.2);
        expect(quiet / levels.length).toBeGreaterThan(0.2);
        // Line noise in the silences: quiet, never digital silence.
        expect(Math.min(...levels)).toBeGreaterThan(-70);
      }
      // The recording opens on line noise, then the agent's greeting, then the customer.
      expect(agent[0]).toBeLessThan(-45);
      const firstLoud = (levels: number[]) => levels.findIndex((level) => level > -32);
      expect(firstLoud(agent)).toBeGreaterThan(0);
      expect(firstLoud(agent)).toBeLessThan(10);
      expect(firstLoud(customer)).toBeGreaterThan(firstLoud(agent) + 10);
    },
  );

  it.each(ids)(
    "%s: speakers take turns, at different pitches, with silence at the end",
    (transactionId) => {
      const script = buildConversationScript(transactionId, 60 * 8000, 8000);
      const [agent, customer] = script.channels;
      const median = (values: number[]) =>
        values.toSorted((a, b) => a - b)[values.length >> 1] ?? 0;
      const pitch = (syllables: typeof agent.syllables) => median(syllables.map((s) => s.pitchHz));
      expect(Math.abs(pitch(agent.syllables) - pitch(customer.syllables))).toBeGreaterThan(15);
      // Turns: count changes of speaker among syllables of normal loudness (not back-channel).
      const all = [
        ...agent.syllables.map((s) => ({ ...s, who: AGENT })),
        ...customer.syllables.map((s) => ({ ...s, who: CUSTOMER })),
      ]
        .filter((s) => s.amplitude > 0.25)
        .sort((a, b) => a.start - b.start);
      const changes = all.filter((s, i) => i > 0 && s.who !== all[i - 1]?.who).length;
      expect(changes).toBeGreaterThanOrEqual(6);
      for (const channel of script.channels) {
        for (let i = 1; i < channel.syllables.length; i++) {
          const previous = channel.syllables[i - 1]!;
          expect(channel.syllables[i]!.start).toBeGreaterThanOrEqual(
            previous.start + previous.length,
          );
        }
        const last = channel.syllables.at(-1)!;
        expect(last.start + last.length).toBeLessThanOrEqual(script.frameCount - 0.3 * 8000);
      }
    },
  );

  it("never clips", async () => {
    const wav = await wavBytes({ transactionId: "loud?", seconds: 120 });
    let peak = 0;
    for (let i = 44; i < wav.length; i += 2) peak = Math.max(peak, Math.abs(wav.readInt16LE(i)));
    expect(peak).toBeLessThan(32767 * 0.8);
  });

  it("makes even very short recordings: the greeting, cut short", async () => {
    for (const seconds of [0.25, 1, 3]) {
      const wav = await wavBytes({ transactionId: "short", seconds });
      expect(wav.length).toBe(Math.round(seconds * 8000) * 4 + 44);
    }
    const script = buildConversationScript("short", 3 * 8000, 8000);
    expect(script.channels[AGENT].syllables.length).toBeGreaterThan(0);
  });
});
