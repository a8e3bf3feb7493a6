/** Percentiles of a sample of timings, in milliseconds. */
export type Timing = { p50: number; p95: number; max: number; runs: number };

export function summarize(samples: readonly number[]): Timing {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (fraction: number) =>
    sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)] ?? 0;
  const round = (value: number) => Math.round(value * 100) / 100;
  return {
    p50: round(at(0.5)),
    p95: round(at(0.95)),
    max: round(sorted.at(-1) ?? 0),
    runs: sorted.length,
  };
}

/** Runs before the timed ones: JIT, statement and page caches warm, as on a server in use. */
export const WARM_UP_RUNS = 10;

export async function timeRepeatedly(
  runs: number,
  task: () => Promise<unknown> | unknown,
): Promise<Timing> {
  for (let warmup = 0; warmup < WARM_UP_RUNS; warmup++) await task();
  const samples: number[] = [];
  for (let run = 0; run < runs; run++) {
    const started = performance.now();
    await task();
    samples.push(performance.now() - started);
  }
  return summarize(samples);
}
