/**
 * What the first screen downloads: a real production build (Vite's JS API, the project's own
 * config) into a scratch folder, then the entry's chunk and every chunk it imports statically,
 * read from the build manifest. Dynamic imports (the drawer, the player, the charts, the open
 * popovers) load later and are not counted. Sizes are gzip at level 9, as a server that
 * precompresses its assets would send them.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import type { Manifest, Rollup } from "vite";
import { build } from "vite";

export const GZIP_LEVEL = 9;

export type ChunkSize = { file: string; bytes: number; gzipBytes: number };

export type FirstScreen = {
  /** The entry's JavaScript and its static imports, largest first. */
  chunks: ChunkSize[];
  totalGzipBytes: number;
  /** Every emitted JavaScript chunk's source modules, by output file. */
  modulesByFile: ReadonlyMap<string, readonly string[]>;
};

export async function buildFirstScreen(outDir: string): Promise<FirstScreen> {
  // Vitest runs with NODE_ENV=test, which would make Vite build React's development code.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = "production";
  let output: Rollup.RollupOutput | Rollup.RollupOutput[] | Rollup.RollupWatcher;
  try {
    output = await build({
      configFile: join(import.meta.dirname, "../../vite.config.ts"),
      mode: "production",
      logLevel: "warn",
      build: { outDir, emptyOutDir: true, manifest: true, sourcemap: false },
    });
  } finally {
    process.env.NODE_ENV = nodeEnv;
  }
  if (!("output" in output)) throw new Error("expected one build output");

  const manifest = JSON.parse(
    readFileSync(join(outDir, ".vite/manifest.json"), "utf8"),
  ) as Manifest;
  const entry = Object.entries(manifest).find(([, chunk]) => chunk.isEntry);
  if (!entry) throw new Error("the manifest names no entry");
  const seen = new Set<string>();
  const visit = (key: string) => {
    if (seen.has(key)) return;
    seen.add(key);
    for (const imported of manifest[key]?.imports ?? []) visit(imported);
  };
  visit(entry[0]);

  const chunks = [...seen]
    .map((key) => manifest[key]!.file)
    .filter((file) => file.endsWith(".js"))
    .map((file) => {
      const code = readFileSync(join(outDir, file));
      return {
        file,
        bytes: code.length,
        gzipBytes: gzipSync(code, { level: GZIP_LEVEL }).length,
      };
    })
    .sort((a, b) => b.gzipBytes - a.gzipBytes);

  const modulesByFile = new Map(
    output.output.flatMap((item) =>
      item.type === "chunk" ? [[item.fileName, item.moduleIds] as const] : [],
    ),
  );
  return {
    chunks,
    totalGzipBytes: chunks.reduce((sum, chunk) => sum + chunk.gzipBytes, 0),
    modulesByFile,
  };
}
