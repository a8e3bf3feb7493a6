/**
 * The browser half of `npm run bench`: Debian's Chromium (playwright-core) signed in to the real
 * server, timed with the SPA's own Performance API marks (src/lib/perf-marks.ts), collected by a
 * PerformanceObserver installed before the app starts. Every time is page time: from the moment
 * the page starts the change (performance.now()) to the mark of the result on screen.
 *
 * Changes go through the URL as the app's own controls do (pushState + popstate, which the app
 * follows for Back/Forward), so the figures do not depend on the interface's language.
 */
import type { Browser, CDPSession, Page } from "playwright-core";
import { PERF_MARKS, type PerfMarkName } from "@/lib/perf-marks.ts";
import { launchChromium } from "../tests/browser/support/chromium.ts";
import type { RunningServer } from "../tests/browser/support/dashboard-server.ts";
import { signedInContext } from "../tests/browser/support/sign-in.ts";
import { summarize, type Timing } from "./stats.ts";

export type BrowserFigures = {
  /** Navigation start → first rows mark, per fresh page (the first with a cold HTTP cache). */
  firstRows: Timing & { coldMs: number };
  /** URL filter change → the new rows' mark (each filter distinct, so never from the cache). */
  filterToRows: Timing;
  /** Next page, already prefetched by the app → its rows' mark. */
  nextPageToRows: Timing;
  /** Open a call → both the waveform and the leg timeline drawn (coldMs: the first in the page). */
  drawerReady: Timing & { coldMs: number };
  /** A 500-row page scrolled from top to bottom, a step per frame. */
  bigPageScroll: { rows: number; steps: number; longTasks: number; longestTaskMs: number };
  /** JS heap after a GC, in MB: on the first page, after 100 and after 200 more pages. */
  heapMegabytes: { start: number; after100Pages: number; after200Pages: number };
};

declare global {
  interface Window {
    __bench: {
      marks: { name: string; startTime: number; detail: unknown }[];
      longTasks: { startTime: number; duration: number }[];
    };
  }
}

/** Runs in the page before the app: keeps every mark and long task, even after clearMarks. */
function observePerformance() {
  window.__bench = { marks: [], longTasks: [] };
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      const { name, startTime } = entry;
      window.__bench.marks.push({ name, startTime, detail: (entry as PerformanceMark).detail });
    }
  }).observe({ type: "mark", buffered: true });
  new PerformanceObserver((list) => {
    for (const { startTime, duration } of list.getEntries()) {
      window.__bench.longTasks.push({ startTime, duration });
    }
  }).observe({ type: "longtask", buffered: true });
}

/** Page time of the first `name` mark after `after`. */
async function markAfter(page: Page, name: PerfMarkName, after: number): Promise<number> {
  const handle = await page.waitForFunction(
    ([wanted, since]) =>
      window.__bench.marks.find((mark) => mark.name === wanted && mark.startTime > since)
        ?.startTime,
    [name, after] as const,
    { timeout: 30_000, polling: "raf" },
  );
  return (await handle.jsonValue()) as number;
}

/** Moves the app to `search` as its links and Back/Forward do; returns the page time it started. */
function navigateInApp(page: Page, search: string): Promise<number> {
  return page.evaluate((target) => {
    const started = performance.now();
    window.history.pushState(null, "", target);
    window.dispatchEvent(new PopStateEvent("popstate"));
    return started;
  }, search);
}

async function heapMegabytes(cdp: CDPSession): Promise<number> {
  await cdp.send("HeapProfiler.collectGarbage");
  const { usedSize } = await cdp.send("Runtime.getHeapUsage");
  return Math.round((usedSize / 1048576) * 10) / 10;
}

const LIST_PATH = "/api/call_transaction/list";

export type BrowserBenchOptions = {
  server: RunningServer;
  runs: number;
  /** Distinct filters to cycle through (search strings), each used once per run. */
  filterSearches: readonly string[];
  /** Calls with a recording, to open in the drawer. */
  callIds: readonly string[];
  /** Pages to walk for the heap figure (issue 7: 200). */
  pagesForHeap?: number;
};

export async function measureBrowser(options: BrowserBenchOptions): Promise<BrowserFigures> {
  const { server, runs, filterSearches, callIds, pagesForHeap = 200 } = options;
  const filterNames = [
    ...new Set(filterSearches.flatMap((search) => [...new URLSearchParams(search).keys()])),
  ];
  const browser: Browser = await launchChromium();
  try {
    const context = await signedInContext(browser, server, {
      viewport: { width: 1440, height: 900 },
    });
    await context.addInitScript(observePerformance);

    // Navigation → first rows, on fresh pages (the first one also fetches the code).
    const firstRows: number[] = [];
    for (let run = 0; run < Math.max(2, Math.min(runs, 10)); run++) {
      const page = await context.newPage();
      await page.goto("/");
      firstRows.push(await markAfter(page, PERF_MARKS.rowsRendered, 0));
      await page.close();
    }

    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    // Which unfiltered pages the app has fetched (itself, ahead of time), from the start.
    const fetchedPages = new Set<number>();
    page.on("requestfinished", (request) => {
      const url = new URL(request.url());
      if (url.pathname !== LIST_PATH || filterNames.some((name) => url.searchParams.has(name))) {
        return;
      }
      fetchedPages.add(Number(url.searchParams.get("page") ?? "1"));
    });
    await page.goto("/");
    await markAfter(page, PERF_MARKS.rowsRendered, 0);

    const filterToRows: number[] = [];
    for (let run = 0; run < runs; run++) {
      const search = filterSearches[run % filterSearches.length]!;
      const started = await navigateInApp(page, search);
      filterToRows.push((await markAfter(page, PERF_MARKS.rowsRendered, started)) - started);
    }

    // Page n is on screen and the app has fetched page n + 1 ahead: then step forward.
    const nextPageToRows: number[] = [];
    let shown = await navigateInApp(page, "/");
    await markAfter(page, PERF_MARKS.rowsRendered, shown).catch(() => undefined);
    for (let current = 1; current <= runs; current++) {
      await waitUntil(() => fetchedPages.has(current + 1));
      // The answer has arrived; give the app a moment to read it into its cache.
      await page.waitForTimeout(50);
      shown = await navigateInApp(page, `/?page=${current + 1}`);
      nextPageToRows.push((await markAfter(page, PERF_MARKS.rowsRendered, shown)) - shown);
    }

    // The drawer: the waveform and the leg timeline both drawn.
    const drawerReady: number[] = [];
    await navigateInApp(page, "/");
    for (let run = 0; run <= runs; run++) {
      const id = callIds[run % callIds.length]!;
      const started = await navigateInApp(page, `/?call=${encodeURIComponent(id)}`);
      const [waveform, timeline] = await Promise.all([
        markAfter(page, PERF_MARKS.waveformDrawn, started),
        markAfter(page, PERF_MARKS.timelineDrawn, started),
      ]);
      drawerReady.push(Math.max(waveform, timeline) - started);
      await navigateInApp(page, "/");
    }

    const bigPageScroll = await scrollBigPage(page);

    // Paging through 200 pages (of the whole history: the default window may hold fewer): the
    // query cache must not keep them all.
    const back = await navigateInApp(page, "/?range=all");
    await markAfter(page, PERF_MARKS.rowsRendered, back);
    await page.evaluate(() => {
      window.__bench.marks.length = 0;
    });
    const heapStart = await heapMegabytes(cdp);
    let after100Pages = 0;
    for (let pageNumber = 2; pageNumber <= pagesForHeap + 1; pageNumber++) {
      const started = await navigateInApp(page, `/?range=all&page=${pageNumber}`);
      await markAfter(page, PERF_MARKS.rowsRendered, started);
      if (pageNumber % 20 === 0) {
        await page.evaluate(() => {
          window.__bench.marks.length = 0;
        });
      }
      if (pageNumber === Math.floor(pagesForHeap / 2) + 1) after100Pages = await heapMegabytes(cdp);
    }
    const after200Pages = await heapMegabytes(cdp);

    return {
      firstRows: { ...summarize(firstRows.slice(1)), coldMs: round(firstRows[0]!) },
      filterToRows: summarize(filterToRows),
      nextPageToRows: summarize(nextPageToRows),
      drawerReady: { ...summarize(drawerReady.slice(1)), coldMs: round(drawerReady[0]!) },
      bigPageScroll,
      heapMegabytes: { start: heapStart, after100Pages, after200Pages },
    };
  } finally {
    await browser.close();
  }
}

/** 500 rows on one page, scrolled a step per animation frame; long tasks counted meanwhile. */
async function scrollBigPage(page: Page): Promise<BrowserFigures["bigPageScroll"]> {
  const started = await navigateInApp(page, "/?size=500");
  const rendered = await page.waitForFunction(
    (since) =>
      window.__bench.marks.find(
        (mark) =>
          mark.name === "calls:rows-rendered" &&
          mark.startTime > since &&
          ((mark.detail as { rows?: number } | null)?.rows ?? 0) > 100,
      )?.detail,
    started,
    { timeout: 30_000 },
  );
  const { rows } = (await rendered.jsonValue()) as { rows: number };
  const scrolled = await page.evaluate(async () => {
    const table = document.querySelector("table");
    let scroller: HTMLElement | null = table?.parentElement ?? null;
    while (scroller && scroller.scrollHeight <= scroller.clientHeight + 1) {
      scroller = scroller.parentElement;
    }
    if (!scroller) throw new Error("no scrolling container around the table");
    // (No named helpers in here: tsx would wrap them in a __name() the page does not have.)
    await new Promise((resolve) => requestAnimationFrame(resolve));
    const since = performance.now();
    const step = Math.round(scroller.clientHeight / 3);
    let steps = 0;
    while (scroller.scrollTop + scroller.clientHeight < scroller.scrollHeight - 1) {
      scroller.scrollTop += step;
      steps++;
      await new Promise((resolve) => requestAnimationFrame(resolve));
    }
    // Let a long task at the very end reach the observer.
    await new Promise((resolve) => setTimeout(resolve, 200));
    const tasks = window.__bench.longTasks.filter((task) => task.startTime >= since);
    return {
      steps,
      longTasks: tasks.length,
      longestTaskMs: Math.round(Math.max(0, ...tasks.map((task) => task.duration))),
    };
  });
  return { rows, ...scrolled };
}

async function waitUntil(condition: () => boolean, timeoutMs = 30_000): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!condition()) {
    if (performance.now() > deadline) throw new Error("timed out waiting for a prefetch");
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
