/**
 * The seeder's worker thread: generates demo calls and prepares them for the store (JSON, terms,
 * projections), batch by batch, while the main thread writes the previous batch. Seeding is
 * half JavaScript and half SQLite; on two cores the halves overlap.
 *
 * It stays at most `ahead` batches ahead of the writer, so memory stays flat however many calls
 * are asked for: the main thread posts a message for each batch it takes.
 */
import { parentPort, workerData } from "node:worker_threads";
import { type PreparedCalls, transferablesOf } from "../store/call-writer.ts";
import { preparedDemoCallBatches } from "./prepared-batches.ts";

export type SeedWorkerData = {
  /** Marks the worker as ours: nothing else starts this module by accident. */
  kind: "demo-seed";
  calls: number;
  seed: number;
  /** Unix milliseconds (a Date does not cross threads as one). */
  now: number;
  batchSize: number;
  ahead: number;
};

export type SeedWorkerMessage = { kind: "batch"; prepared: PreparedCalls } | { kind: "done" };

async function run(port: NonNullable<typeof parentPort>, data: SeedWorkerData) {
  let credits = data.ahead;
  let wake: (() => void) | null = null;
  port.on("message", () => {
    credits += 1;
    wake?.();
  });
  const options = { count: data.calls, seed: data.seed, now: new Date(data.now) };
  for (const prepared of preparedDemoCallBatches(options, data.batchSize)) {
    while (credits === 0) {
      await new Promise<void>((resolve) => {
        wake = resolve;
      });
      wake = null;
    }
    credits -= 1;
    port.postMessage(
      { kind: "batch", prepared } satisfies SeedWorkerMessage,
      transferablesOf(prepared),
    );
  }
  port.postMessage({ kind: "done" } satisfies SeedWorkerMessage);
}

const data = workerData as SeedWorkerData | null;
if (parentPort && data?.kind === "demo-seed") await run(parentPort, data);
