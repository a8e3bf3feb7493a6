/**
 * Performance API marks at the moments a supervisor waits for: a page of rows on screen, the
 * drawer's waveform and leg timeline drawn. `npm run bench` reads them in Chromium (a
 * PerformanceObserver sees every mark); DevTools' performance panel shows them too. Each name
 * keeps only its latest mark in the buffer, so a long session does not pile them up.
 */
import { type RefObject, useEffect } from "react";

export const PERF_MARKS = {
  rowsRendered: "calls:rows-rendered",
  waveformDrawn: "call-detail:waveform-drawn",
  timelineDrawn: "call-detail:timeline-drawn",
} as const;

export type PerfMarkName = (typeof PERF_MARKS)[keyof typeof PERF_MARKS];

export function markPerf(name: PerfMarkName, detail?: Record<string, unknown>): void {
  if (typeof performance === "undefined" || typeof performance.mark !== "function") return;
  performance.clearMarks(name);
  performance.mark(name, { detail });
}

/**
 * Marks `name` after the commit that put a new set of rows on screen (not on re-renders of the
 * same rows, nor while the previous page stays up during a load); the detail says which rows.
 */
export function useMarkRowsRendered(name: PerfMarkName, rows: readonly { id: string }[]): void {
  const first = rows[0]?.id;
  const last = rows.at(-1)?.id;
  const count = rows.length;
  useEffect(() => {
    if (count > 0) markPerf(name, { rows: count, first, last });
  }, [name, count, first, last]);
}

/**
 * Marks `name` once the element under `ref` holds something matching `selector` (a chart draws
 * after measuring its box, so its first commit is empty); again for each new mount.
 */
export function useMarkWhenDrawn(
  name: PerfMarkName,
  ref: RefObject<Element | null>,
  selector: string,
): void {
  useEffect(() => {
    const root = ref.current;
    if (!root) return;
    if (root.querySelector(selector)) {
      markPerf(name);
      return;
    }
    const observer = new MutationObserver(() => {
      if (!root.querySelector(selector)) return;
      observer.disconnect();
      markPerf(name);
    });
    observer.observe(root, { childList: true, subtree: true });
    return () => observer.disconnect();
  }, [name, ref, selector]);
}
