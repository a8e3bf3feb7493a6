/**
 * What the HTTP layer needs of a recording, whatever its source: its size, an ETag, a way to
 * stream any byte range, and its waveform peaks. A remote (vendor) kind would fetch its size
 * and ranges from the vendor's URL and compute peaks once from the decoded stream.
 */
import type { Readable } from "node:stream";
import { type RecordingPeaks, syntheticRecordingPeaksAsync } from "./peaks.ts";
import type { RecordingSource } from "./recording-source.ts";
import {
  createWavByteStream,
  syntheticRecordingEtag,
  wavByteLength,
} from "./synthetic-recording.ts";

export type RecordingAsset = {
  contentType: string;
  fileExtension: string;
  byteLength: number;
  /** Strong: the same ETag always means the same bytes. */
  etag: string;
  createByteStream(start: number, endInclusive: number): Readable;
  /** Identifies the peaks' content, for HTTP caching and the server's peaks cache. */
  peaksEtag: string;
  computePeaks(): Promise<RecordingPeaks>;
};

/** Changes when the peaks' layout or the way they are computed changes. */
const PEAKS_VERSION = 1;

/** A recording whose bytes we generate or hold; remote ones are streamed by the route itself. */
type LocalRecordingSource = Exclude<RecordingSource, { kind: "remote" }>;

export function openRecordingAsset(source: LocalRecordingSource): RecordingAsset {
  switch (source.kind) {
    case "synthetic": {
      const spec = { transactionId: source.transactionId, seconds: source.seconds };
      const etag = syntheticRecordingEtag(spec);
      return {
        contentType: "audio/wav",
        fileExtension: "wav",
        byteLength: wavByteLength(spec),
        etag,
        createByteStream: (start, endInclusive) => createWavByteStream(spec, start, endInclusive),
        peaksEtag: `${etag.slice(0, -1)}-peaks${PEAKS_VERSION}"`,
        computePeaks: () => syntheticRecordingPeaksAsync(spec),
      };
    }
    default: {
      const unknown: never = source.kind;
      throw new Error(`unknown recording source kind ${String(unknown)}`);
    }
  }
}
