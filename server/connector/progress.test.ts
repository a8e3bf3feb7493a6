import { describe, expect, it } from "vitest";
import { createProgressReporter, isInteractive } from "./progress.ts";
import type { SyncProgress } from "./sync.ts";

function event(kind: SyncProgress["kind"], fetched: number, message?: string): SyncProgress {
  return {
    kind,
    totals: {
      fetched,
      fetchedInRun: fetched,
      written: fetched,
      unchanged: 0,
      skippedAsOlder: 0,
      rejected: 0,
      legsFetched: fetched,
      legsMissing: 0,
      pages: Math.ceil(fetched / 50),
    },
    elapsedMs: 2000,
    windowFromMs: Date.UTC(2025, 0, 1),
    windowToMs: Date.UTC(2025, 0, 31),
    runFromMs: Date.UTC(2025, 0, 1),
    runUntilMs: Date.UTC(2025, 2, 1),
    page: 3,
    resumed: false,
    ...(message ? { message } : {}),
  };
}

describe("createProgressReporter", () => {
  it("rewrites one line on a terminal: calls so far, rate, window", () => {
    let text = "";
    const reporter = createProgressReporter({ write: (chunk) => (text += chunk), isTTY: true });
    reporter.onProgress(event("page", 100));
    reporter.onProgress(event("page", 150));
    expect(text).toBe(
      "\r\x1b[2K100 calls · 50 calls/s · window 2025-01-01 00:00 → 2025-01-31 00:00 UTC · page 3" +
        "\r\x1b[2K150 calls · 75 calls/s · window 2025-01-01 00:00 → 2025-01-31 00:00 UTC · page 3",
    );
    reporter.note("a note");
    expect(text.endsWith("\r\x1b[2Ka note\n")).toBe(true);
  });

  it("prints plain lines in CI, at most one per interval between windows", () => {
    const lines: string[] = [];
    let clock = 0;
    const reporter = createProgressReporter(
      { write: (chunk) => lines.push(chunk), isTTY: false },
      { plainIntervalMs: 5000, now: () => clock },
    );
    reporter.onProgress(event("run-start", 0));
    clock = 6000;
    reporter.onProgress(event("page", 50));
    reporter.onProgress(event("page", 100));
    reporter.onProgress(event("window-done", 150));
    reporter.onProgress(event("window-done", 150));
    reporter.onProgress(event("warning", 150, "odd answer"));
    expect(lines.every((line) => line.endsWith("\n") && !line.includes("\r"))).toBe(true);
    expect(lines).toHaveLength(4);
    expect(lines[1]).toContain("50 calls");
    expect(lines[2]).toContain("window done: 150 calls");
    expect(lines[3]).toBe("warning: odd answer\n");
  });

  it("draws the live line only on a terminal outside CI", () => {
    expect(isInteractive({ isTTY: true }, {})).toBe(true);
    expect(isInteractive({ isTTY: true }, { CI: "true" })).toBe(false);
    expect(isInteractive({ isTTY: false }, {})).toBe(false);
  });
});
