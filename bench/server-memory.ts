/**
 * The server process's resident memory (VmRSS from /proc), sampled while it serves, so the
 * figure is the peak of the run rather than whatever it was at the end.
 */
import { readFileSync } from "node:fs";

export type ResidentMemory = { peakMegabytes: number; lastMegabytes: number; samples: number };

function readResidentMegabytes(pid: number): number | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    const kilobytes = /VmRSS:\s+(\d+)/.exec(status)?.[1];
    return kilobytes === undefined ? undefined : Math.round(Number(kilobytes) / 1024);
  } catch {
    return undefined; // the process has exited
  }
}

export function sampleResidentMemory(pid: number, everyMs = 250): { stop: () => ResidentMemory } {
  const figures: ResidentMemory = { peakMegabytes: 0, lastMegabytes: 0, samples: 0 };
  const sample = () => {
    const megabytes = readResidentMegabytes(pid);
    if (megabytes === undefined) return;
    figures.peakMegabytes = Math.max(figures.peakMegabytes, megabytes);
    figures.lastMegabytes = megabytes;
    figures.samples++;
  };
  sample();
  const timer = setInterval(sample, everyMs);
  let stopped = false;
  return {
    stop: () => {
      if (!stopped) {
        stopped = true;
        clearInterval(timer);
        sample();
      }
      return { ...figures };
    },
  };
}
