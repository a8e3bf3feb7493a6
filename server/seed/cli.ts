/**
 * `npm run seed -- --calls N [--seed S] [--database PATH]`: fills a call store with demo calls,
 * printing progress, then the time taken, the rate and the size of the file.
 */
import { existsSync, statSync } from "node:fs";
import { openStore } from "../store/open-store.ts";
import { parseSeedArguments, SEED_USAGE, SeedArgumentError } from "./seed-arguments.ts";
import { DEFAULT_DEMO_SEED, seedDemoCalls } from "./seed-demo-calls.ts";

const count = (value: number) => Math.round(value).toLocaleString("en-US");

function fileSize(path: string): string {
  const bytes = [path, `${path}-wal`]
    .filter((file) => existsSync(file))
    .reduce((sum, file) => sum + statSync(file).size, 0);
  const units = ["B", "kB", "MB", "GB", "TB"];
  let size = bytes;
  let unit = 0;
  while (size >= 1000 && unit < units.length - 1) {
    size /= 1000;
    unit += 1;
  }
  return `${size.toFixed(unit === 0 ? 0 : 2)} ${units[unit]}`;
}

/** A terminal gets one line rewritten in place; a log or pipe gets a plain line now and then. */
function progressPrinter(total: number, started: number) {
  const interactive = process.stdout.isTTY === true;
  const every = interactive ? 250 : 2_000;
  let lastPrinted = 0;
  return (written: number) => {
    const elapsed = performance.now() - started;
    if (written < total && elapsed - lastPrinted < every) return;
    lastPrinted = elapsed;
    const rate = written / Math.max(elapsed / 1000, 0.001);
    const line = `${count(written)} / ${count(total)} calls (${Math.floor((100 * written) / total)}%), ${count(rate)} calls/s`;
    if (interactive) {
      process.stdout.write(`\r${line}${written === total ? "\n" : ""}`);
    } else {
      console.log(line);
    }
  };
}

async function main(): Promise<number> {
  let parsed: ReturnType<typeof parseSeedArguments>;
  try {
    parsed = parseSeedArguments(process.argv.slice(2), process.env);
  } catch (error) {
    if (!(error instanceof SeedArgumentError)) throw error;
    console.error(`seed: ${error.message}\n\n${SEED_USAGE}`);
    return 2;
  }
  if (parsed.kind === "help") {
    console.log(SEED_USAGE);
    return 0;
  }

  const seed = parsed.seed ?? DEFAULT_DEMO_SEED;
  const store = await openStore(parsed.database);
  console.log(`Seeding ${count(parsed.calls)} demo calls (seed ${seed}) into ${store.path}`);
  const started = performance.now();
  let result: Awaited<ReturnType<typeof seedDemoCalls>>;
  try {
    result = await seedDemoCalls(store, {
      calls: parsed.calls,
      seed,
      now: parsed.now,
      onProgress: progressPrinter(parsed.calls, started),
    });
  } finally {
    await store.close();
  }
  const seconds = (performance.now() - started) / 1000;
  console.log(
    `Done: ${count(result.calls)} calls in ${seconds.toFixed(1)} s ` +
      `(${count(result.calls / seconds)} calls/s); ${store.path} is ${fileSize(store.path)}.`,
  );
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error("seed: failed:", error instanceof Error ? (error.stack ?? error.message) : error);
    process.exitCode = 1;
  },
);
