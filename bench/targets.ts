/**
 * Issue 7's targets beside the measured figures, each judged pass or miss, for the printed
 * table and the JSON. Where the issue says "median of the runs" the p50 is judged; where it
 * names p95, the p95.
 */
import type { BrowserFigures } from "./browser.ts";
import type { ResidentMemory } from "./server-memory.ts";
import type { Timing } from "./stats.ts";

export type ListRow = {
  mix: string;
  /** The round trip, as the bench's keep-alive client saw it. */
  http: Timing;
  /** The server's own time (Server-Timing `app`) and its store's part of it (`db`). */
  serverApp: Timing;
  serverDb: Timing;
  /** The same two statements run directly on SQLite in the bench's process, right after each request. */
  sql: Timing;
  ratio: number;
  total: number;
};

export type Figure = {
  figure: string;
  value: number;
  unit: string;
  target: string;
  result: "pass" | "miss" | "info";
};

export type JudgedResults = {
  list: readonly ListRow[];
  detail: Timing;
  browser?: BrowserFigures;
  serverMemory: ResidentMemory;
};

/** The heap is flat when the second hundred pages add at most this much (GC noise). */
export function heapIsFlat(heap: BrowserFigures["heapMegabytes"]): boolean {
  const growth = heap.after200Pages - heap.after100Pages;
  return growth <= Math.max(2, heap.after100Pages * 0.1);
}

export function judgeFigures(results: JudgedResults): Figure[] {
  const figures: Figure[] = [];
  const atMost = (figure: string, value: number, unit: string, limit: number) =>
    figures.push({
      figure,
      value,
      unit,
      target: `≤ ${limit} ${unit}`,
      result: value <= limit ? "pass" : "miss",
    });

  for (const row of results.list) {
    atMost(`list ${row.mix}: HTTP p95`, row.http.p95, "ms", 25);
    atMost(`list ${row.mix}: HTTP/SQL p50`, row.ratio, "×", 1.5);
    // Not a target: what of the round trip is our code (the rest is the socket and the client).
    figures.push({
      figure: `list ${row.mix}: server's own time over SQL (p50)`,
      value: Math.round((row.serverApp.p50 / Math.max(row.sql.p50, 0.01)) * 100) / 100,
      unit: "×",
      target: "(the round trip's share that is the server's)",
      result: "info",
    });
  }
  atMost("detail: HTTP p95", results.detail.p95, "ms", 5);

  const browser = results.browser;
  if (browser) {
    atMost("navigation → first rows (p50, warm cache)", browser.firstRows.p50, "ms", 1000);
    atMost("navigation → first rows (cold cache)", browser.firstRows.coldMs, "ms", 1000);
    atMost("filter change → rows p95", browser.filterToRows.p95, "ms", 200);
    atMost("next page (prefetched) → rows p95", browser.nextPageToRows.p95, "ms", 50);
    atMost("open call → waveform + timeline (p50)", browser.drawerReady.p50, "ms", 300);
    // The first call opened in a page: the drawer's code was fetched ahead, when idle.
    atMost(
      "open call → waveform + timeline (first in the page)",
      browser.drawerReady.coldMs,
      "ms",
      300,
    );
    atMost(
      `${browser.bigPageScroll.rows}-row page scrolled: long tasks`,
      browser.bigPageScroll.longTasks,
      "",
      0,
    );
    const heap = browser.heapMegabytes;
    figures.push({
      figure: `JS heap after GC: ${heap.start} → ${heap.after100Pages} → ${heap.after200Pages} MB (0/100/200 pages)`,
      value: Math.round((heap.after200Pages - heap.after100Pages) * 10) / 10,
      unit: "MB",
      target: "flat: pages 100→200 add ≤ max(2 MB, 10%)",
      result: heapIsFlat(heap) ? "pass" : "miss",
    });
  }
  atMost("server RSS while serving (peak)", results.serverMemory.peakMegabytes, "MB", 300);
  return figures;
}
