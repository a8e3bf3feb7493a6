/**
 * Runs `task` when the browser has nothing else to do (at the latest after `timeoutMs`): for
 * code worth having before it is asked for, fetched without competing with what is on screen.
 */
export function runWhenIdle(task: () => void, timeoutMs = 3000): void {
  if (typeof window.requestIdleCallback === "function") {
    window.requestIdleCallback(() => task(), { timeout: timeoutMs });
  } else {
    setTimeout(task, 0);
  }
}
