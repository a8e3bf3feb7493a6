/** The 44-byte canonical RIFF/WAVE header of uncompressed PCM. */

export const WAV_HEADER_BYTES = 44;

export type PcmFormat = { sampleRate: number; channels: number; bitsPerSample: number };

/** RIFF sizes are 32-bit: this is the most sample data one plain WAV file can hold. */
export const MAX_WAV_DATA_BYTES = 0xffffffff - (WAV_HEADER_BYTES - 8);

export function pcmWavHeader(format: PcmFormat, dataBytes: number): Buffer {
  if (!Number.isInteger(dataBytes) || dataBytes < 0 || dataBytes > MAX_WAV_DATA_BYTES) {
    throw new RangeError(`a WAV file cannot hold ${dataBytes} bytes of samples`);
  }
  const blockAlign = format.channels * (format.bitsPerSample / 8);
  const header = Buffer.alloc(WAV_HEADER_BYTES);
  header.write("RIFF", 0, "ascii");
  header.writeUInt32LE(WAV_HEADER_BYTES - 8 + dataBytes, 4);
  header.write("WAVE", 8, "ascii");
  header.write("fmt ", 12, "ascii");
  header.writeUInt32LE(16, 16); // size of the PCM fmt chunk
  header.writeUInt16LE(1, 20); // format tag 1: integer PCM
  header.writeUInt16LE(format.channels, 22);
  header.writeUInt32LE(format.sampleRate, 24);
  header.writeUInt32LE(format.sampleRate * blockAlign, 28); // byte rate
  header.writeUInt16LE(blockAlign, 32);
  header.writeUInt16LE(format.bitsPerSample, 34);
  header.write("data", 36, "ascii");
  header.writeUInt32LE(dataBytes, 40);
  return header;
}
