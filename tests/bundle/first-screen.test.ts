/**
 * Issue 7's bundle budget: the first screen's JavaScript stays within 150 KB gzip, and the code a
 * supervisor needs only after opening a call (the drawer, the charts, the player) is not in it.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildFirstScreen, type FirstScreen, GZIP_LEVEL } from "./first-screen.ts";

const BUDGET_GZIP_BYTES = 150 * 1024;

/** Module ids of code that must arrive lazily, by what it is. */
const LAZY_ONLY = {
  recharts: /\/node_modules\/recharts\//,
  "wavesurfer.js": /\/node_modules\/wavesurfer\.js\//,
  "the call drawer": /\/src\/features\/call-detail\//,
};

let outDir: string;
let firstScreen: FirstScreen;

beforeAll(async () => {
  outDir = mkdtempSync(join(tmpdir(), "first-screen-"));
  firstScreen = await buildFirstScreen(outDir);
  const kilobytes = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
  console.log(
    [
      `first screen: ${firstScreen.totalGzipBytes} bytes gzip (level ${GZIP_LEVEL}), ${kilobytes(firstScreen.totalGzipBytes)} of ${kilobytes(BUDGET_GZIP_BYTES)}`,
      ...firstScreen.chunks.map(
        (chunk) => `  ${chunk.file}: ${chunk.gzipBytes} bytes gzip (${chunk.bytes} raw)`,
      ),
    ].join("\n"),
  );
}, 180_000);

afterAll(() => {
  if (outDir) rmSync(outDir, { recursive: true, force: true });
});

describe("the first screen's JavaScript", () => {
  it(`fits in ${BUDGET_GZIP_BYTES} bytes gzip`, () => {
    expect(firstScreen.chunks.length).toBeGreaterThan(0);
    expect(firstScreen.totalGzipBytes).toBeLessThanOrEqual(BUDGET_GZIP_BYTES);
  });

  it.each(Object.entries(LAZY_ONLY))("leaves %s to a chunk loaded later", (_name, pattern) => {
    const firstScreenFiles = new Set(firstScreen.chunks.map((chunk) => chunk.file));
    const holders = [...firstScreen.modulesByFile]
      .filter(([, modules]) => modules.some((id) => pattern.test(id)))
      .map(([file]) => file);
    // It is in the build (so the check means something), only outside the first screen.
    expect(holders.length).toBeGreaterThan(0);
    expect(holders.filter((file) => firstScreenFiles.has(file))).toEqual([]);
  });
});
