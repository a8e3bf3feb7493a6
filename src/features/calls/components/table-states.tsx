/**
 * What the table says when it has no rows to show, could not load (an error, offline, cancelled),
 * is refreshing or slow. (What it could not read of an answer: `read-notice.tsx`.)
 */
import { CircleAlert, RefreshCw, SearchX, TriangleAlert } from "lucide-react";
import { Button } from "@/components/ui/button.tsx";
import { ApiError } from "@/lib/api-client.ts";
import { faultWords, useDescribeFault } from "@/lib/describe-fault.ts";
import { useMessages } from "@/lib/i18n/messages.ts";
import { callsMessages } from "../messages.ts";
import { faultMessages } from "./fault-messages.ts";

export function EmptyResult({
  pastLastPage,
  onLastPage,
  onWiden,
  onReset,
}: {
  /** The result has rows, but not on this page (a stale link): the number of pages. */
  pastLastPage?: number;
  onLastPage: () => void;
  /** Undefined when the range is already all time. */
  onWiden?: () => void;
  /** Undefined when no filter is set. */
  onReset?: () => void;
}) {
  const messages = useMessages(callsMessages);
  return (
    <div className="flex flex-col items-center gap-2 px-4 py-14 text-center">
      <SearchX aria-hidden="true" className="size-8 text-slate-400" />
      {pastLastPage !== undefined ? (
        <>
          <p className="font-medium text-slate-800">{messages.beyondLastPage(pastLastPage)}</p>
          <Button variant="primary" onClick={onLastPage}>
            {messages.goToLastPage}
          </Button>
        </>
      ) : (
        <>
          <p className="font-medium text-slate-800">{messages.emptyTitle}</p>
          <p className="text-[13px] text-slate-600">{messages.emptyBody}</p>
          <div className="mt-1 flex gap-2">
            {onWiden && (
              <Button variant="primary" onClick={onWiden}>
                {messages.widenRange}
              </Button>
            )}
            {onReset && <Button onClick={onReset}>{messages.resetAll}</Button>}
          </div>
        </>
      )}
    </div>
  );
}

/**
 * Why the page has no fresh rows: the request failed, the browser is offline, the supervisor
 * stopped it, or it is taking long (and still going on).
 */
export type LoadProblem =
  | { kind: "error"; error: Error }
  | { kind: "offline" }
  | { kind: "stopped" }
  | { kind: "slow" };

function useProblemWords(problem: LoadProblem) {
  const messages = useMessages(callsMessages);
  const faults = useMessages(faultMessages);
  const { slow } = useMessages(faultWords);
  const describeFault = useDescribeFault();
  switch (problem.kind) {
    case "error": {
      const detail = describeFault(problem.error);
      return {
        title: messages.errorTitle,
        // "The server said: …" only when it did say something.
        body:
          problem.error instanceof ApiError
            ? messages.errorBody(detail)
            : `${detail.charAt(0).toUpperCase()}${detail.slice(1)}.`,
        banner: `${messages.refreshFailed} (${detail})`,
      };
    }
    case "offline":
      return {
        title: faults.offlineTitle,
        body: faults.offlineBody,
        banner: faults.offlineKeeping,
      };
    case "stopped":
      return { title: faults.stopped, body: "", banner: faults.stopped };
    case "slow":
      return { title: slow, body: "", banner: slow };
  }
}

// Icons the first screen already carries: a fault must not cost bytes on every visit.
const PROBLEM_ICONS = {
  error: TriangleAlert,
  offline: TriangleAlert,
  stopped: CircleAlert,
  slow: CircleAlert,
};

function RetryButton({ onRetry, retrying }: { onRetry: () => void; retrying?: boolean }) {
  const messages = useMessages(callsMessages);
  return (
    <Button variant="primary" onClick={onRetry} disabled={retrying} className="h-7">
      <RefreshCw aria-hidden="true" className={retrying ? "size-3.5 animate-spin" : "size-3.5"} />
      {messages.retry}
    </Button>
  );
}

/** In place of the rows when none can be shown. */
export function LoadError({ problem, onRetry }: { problem: LoadProblem; onRetry: () => void }) {
  const words = useProblemWords(problem);
  const Icon = PROBLEM_ICONS[problem.kind];
  return (
    <div role="alert" className="flex flex-col items-center gap-2 px-4 py-14 text-center">
      <Icon aria-hidden="true" className="size-8 text-red-600" />
      <p className="font-medium text-slate-800">{words.title}</p>
      {words.body && <p className="max-w-xl text-[13px] text-slate-600">{words.body}</p>}
      <RetryButton onRetry={onRetry} />
    </div>
  );
}

/**
 * Over the rows still on screen (or the skeleton, while slow): what went wrong or is taking
 * long, with Retry; a slow request can also be stopped.
 */
export function LoadProblemBanner({
  problem,
  onRetry,
  onCancel,
  retrying,
}: {
  problem: LoadProblem;
  onRetry: () => void;
  onCancel: () => void;
  retrying: boolean;
}) {
  const words = useProblemWords(problem);
  const faults = useMessages(faultMessages);
  const Icon = PROBLEM_ICONS[problem.kind];
  const slow = problem.kind === "slow";
  return (
    <div
      // Slow is news, not a failure: a status; the others are alerts.
      role={slow ? "status" : "alert"}
      className={
        slow
          ? "flex shrink-0 items-center gap-3 border-b border-amber-200 bg-amber-50 px-3 py-1.5 text-[13px] text-amber-950"
          : "flex shrink-0 items-center gap-3 border-b border-red-200 bg-red-50 px-3 py-1.5 text-[13px] text-red-900"
      }
    >
      <Icon aria-hidden="true" className="size-4 shrink-0" />
      <p className="min-w-0 flex-1">{words.banner}</p>
      {slow && (
        <Button onClick={onCancel} className="h-7">
          {faults.cancel}
        </Button>
      )}
      <RetryButton onRetry={onRetry} retrying={retrying && !slow} />
    </div>
  );
}

/**
 * Says what is loading: a polite status for screen readers, and a thin moving bar over the
 * header while a page loads behind the rows already on screen.
 */
export function LoadingStatus({ loading, refreshing }: { loading: boolean; refreshing: boolean }) {
  const messages = useMessages(callsMessages);
  return (
    <>
      <p role="status" className="sr-only">
        {loading ? messages.loading : refreshing ? messages.refreshing : ""}
      </p>
      {refreshing && (
        <div
          aria-hidden="true"
          className="pointer-events-none sticky top-0 left-0 z-20 -mb-0.5 h-0.5 w-full overflow-hidden bg-sky-100"
        >
          <div className="calls-progress h-full w-1/3 bg-sky-600" />
        </div>
      )}
    </>
  );
}
