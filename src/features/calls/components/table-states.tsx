/** What the table says when it has no rows to show, could not load, or is refreshing. */
import { RefreshCw, SearchX, TriangleAlert } from "lucide-react";
import { Button } from "@/components/ui/button.tsx";
import { ApiError, ResponseShapeError } from "@/lib/api-client.ts";
import { useMessages } from "@/lib/i18n/messages.ts";
import { callsMessages } from "../messages.ts";

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

type ErrorWords = { networkError: string; unexpectedResponse: string };

/** What went wrong, in words a supervisor can pass on to whoever runs the server. */
export function describeError(error: Error, words: ErrorWords): string {
  if (error instanceof ApiError && error.problems.length > 0) {
    return error.problems.map((problem) => problem.message).join("; ");
  }
  if (error instanceof ApiError) return `${error.code} (HTTP ${error.status})`;
  if (error instanceof ResponseShapeError) return words.unexpectedResponse;
  // fetch rejects with a TypeError when the network or the server is down.
  if (error instanceof TypeError) return words.networkError;
  return error.message;
}

export function LoadError({ error, onRetry }: { error: Error; onRetry: () => void }) {
  const messages = useMessages(callsMessages);
  return (
    <div role="alert" className="flex flex-col items-center gap-2 px-4 py-14 text-center">
      <TriangleAlert aria-hidden="true" className="size-8 text-red-600" />
      <p className="font-medium text-slate-800">{messages.errorTitle}</p>
      <p className="max-w-xl text-[13px] text-slate-600">
        {messages.errorBody(describeError(error, messages))}
      </p>
      <Button variant="primary" onClick={onRetry}>
        <RefreshCw aria-hidden="true" className="size-3.5" />
        {messages.retry}
      </Button>
    </div>
  );
}

/** A failed refresh over rows still on screen: say so, keep the rows, offer to try again. */
export function RefreshFailed({
  error,
  onRetry,
  retrying,
}: {
  error: Error;
  onRetry: () => void;
  retrying: boolean;
}) {
  const messages = useMessages(callsMessages);
  return (
    <div
      role="alert"
      className="flex shrink-0 items-center gap-3 border-b border-red-200 bg-red-50 px-3 py-1.5 text-[13px] text-red-900"
    >
      <TriangleAlert aria-hidden="true" className="size-4 shrink-0 text-red-600" />
      <p className="min-w-0 flex-1 truncate">
        {messages.refreshFailed}{" "}
        <span className="text-red-800/80">({describeError(error, messages)})</span>
      </p>
      <Button onClick={onRetry} disabled={retrying} className="h-7">
        <RefreshCw aria-hidden="true" className={retrying ? "size-3.5 animate-spin" : "size-3.5"} />
        {messages.retry}
      </Button>
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
