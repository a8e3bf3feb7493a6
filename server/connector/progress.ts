/**
 * Shows a sync's progress: on a terminal one line rewritten in place (calls so far, rate, the
 * window being fetched); in CI or when piped, plain lines a log keeps readably (a line per
 * window, and one at most every few seconds in between).
 */
import type { SyncProgress, SyncSummary } from "./sync.ts";

export type ProgressOutput = {
  write: (text: string) => void;
  isTTY: boolean;
  columns?: number;
};

const numberFormat = new Intl.NumberFormat("en-US");
const count = (value: number) => numberFormat.format(value);

function day(ms: number): string {
  return new Date(ms).toISOString().slice(0, 16).replace("T", " ");
}

export function rateOf(calls: number, elapsedMs: number): number {
  return elapsedMs > 0 ? (calls * 1000) / elapsedMs : 0;
}

/** Whether to draw a live line: a terminal that is not CI. */
export function isInteractive(
  stream: { isTTY?: boolean } = process.stdout,
  environment: NodeJS.ProcessEnv = process.env,
): boolean {
  return Boolean(stream.isTTY) && !environment.CI;
}

export function describeProgress(progress: SyncProgress): string {
  const { totals } = progress;
  const rate = rateOf(totals.fetched, progress.elapsedMs);
  const parts = [
    `${count(totals.fetchedInRun)} calls`,
    `${count(Math.round(rate))} calls/s`,
    `window ${day(progress.windowFromMs)} → ${day(progress.windowToMs)} UTC`,
    `page ${progress.page}`,
  ];
  if (totals.rejected > 0) parts.push(`${count(totals.rejected)} rejected`);
  if (totals.legsMissing > 0) parts.push(`${count(totals.legsMissing)} without legs`);
  return parts.join(" · ");
}

export function describeSummary(summary: SyncSummary): string {
  const seconds = summary.elapsedMs / 1000;
  return [
    `synced ${count(summary.fetched)} calls in ${seconds.toFixed(1)} s `,
    `(${count(Math.round(rateOf(summary.fetched, summary.elapsedMs)))} calls/s)`,
    `: ${count(summary.written)} written, ${count(summary.unchanged)} unchanged`,
    summary.skippedAsOlder ? `, ${count(summary.skippedAsOlder)} older than stored` : "",
    summary.rejected ? `, ${count(summary.rejected)} rejected by the contract` : "",
    `; legs for ${count(summary.legsFetched)}`,
    summary.legsMissing ? ` (${count(summary.legsMissing)} calls without legs yet)` : "",
    `; ${count(summary.requests)} requests, ${count(summary.retries)} retries`,
    `; ${summary.apiVersion}; up to ${day(summary.syncedUntilMs)} UTC`,
    summary.resumed ? "; resumed an interrupted sync" : "",
  ].join("");
}

/** A progress reporter for a sync; `finish` clears the live line. */
export function createProgressReporter(
  output: ProgressOutput = {
    write: (text) => process.stdout.write(text),
    isTTY: isInteractive(),
    columns: process.stdout.columns,
  },
  { plainIntervalMs = 5000, now = Date.now } = {},
) {
  let lastPlain = 0;
  let lastPlainCount = -1;
  let liveLineShown = false;

  const clearLine = () => {
    if (liveLineShown) output.write("\r\x1b[2K");
    liveLineShown = false;
  };
  const line = (text: string) => {
    clearLine();
    output.write(`${text}\n`);
  };

  return {
    onProgress(progress: SyncProgress) {
      switch (progress.kind) {
        case "run-start":
          line(
            `${progress.resumed ? "resuming" : "syncing"} calls from ${day(progress.runFromMs)} to ${day(progress.runUntilMs)} UTC`,
          );
          return;
        case "warning":
          line(`warning: ${progress.message ?? ""}`);
          return;
        case "window-done":
          // Plain output: a line per window that brought calls (empty months stay quiet).
          if (!output.isTTY && progress.totals.fetchedInRun !== lastPlainCount) {
            lastPlain = now();
            lastPlainCount = progress.totals.fetchedInRun;
            line(`window done: ${describeProgress(progress)}`);
          }
          return;
        case "run-done":
          line(`done: ${describeProgress(progress)}`);
          return;
        default:
          if (output.isTTY) {
            const text = describeProgress(progress);
            const width = Math.max(20, (output.columns || 100) - 1);
            output.write(`\r\x1b[2K${text.length > width ? `${text.slice(0, width - 1)}…` : text}`);
            liveLineShown = true;
          } else if (now() - lastPlain >= plainIntervalMs) {
            lastPlain = now();
            lastPlainCount = progress.totals.fetchedInRun;
            line(describeProgress(progress));
          }
      }
    },
    /** A line outside the progress (a retry notice, an error) without garbling the live line. */
    note(text: string) {
      line(text);
    },
    finish() {
      clearLine();
    },
  };
}
