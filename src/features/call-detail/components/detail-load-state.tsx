/**
 * What the drawer says while a call loads, when it cannot load, and when a refresh of a call
 * already on screen fails: the same kinds of fault as the table (server down, an error status,
 * an answer that is not JSON, offline, slow), each with Retry where asking again can help. A
 * call already shown stays shown: a failed refresh (the window regaining focus, a sync landing)
 * must not take away a recording being listened to.
 */
import type { UseQueryResult } from "@tanstack/react-query";
import { Button } from "@/components/ui/button.tsx";
import { ApiError } from "@/lib/api-client.ts";
import { useAskAgain } from "@/lib/ask-again.ts";
import { faultWords, useDescribeFault } from "@/lib/describe-fault.ts";
import { useMessages } from "@/lib/i18n/messages.ts";
import { useOnline, useTakesLongerThan } from "@/lib/use-network-state.ts";
import { callDetailQueries } from "../api/call-detail-queries.ts";
import { callDetailMessages } from "../messages.ts";

type DetailQuery = Pick<UseQueryResult<unknown>, "data" | "error" | "isFetching" | "refetch">;

/** The call is not there to show: why, or that it is still coming. */
export function DetailUnavailable({
  detail,
  transactionId,
  onClose,
}: {
  detail: DetailQuery;
  transactionId: string;
  onClose: () => void;
}) {
  const messages = useMessages(callDetailMessages);
  const faults = useMessages(faultWords);
  const describeFault = useDescribeFault();
  const online = useOnline();
  const slow = useTakesLongerThan(detail.isFetching, transactionId);
  const { askAgain } = useAskAgain(detail, callDetailQueries.detail(transactionId).queryKey);

  if (detail.error) {
    const notFound = detail.error instanceof ApiError && detail.error.status === 404;
    return (
      <div role="alert" className="space-y-2">
        <p>{notFound ? messages.notFound : messages.failed(describeFault(detail.error))}</p>
        <div className="flex gap-2">
          {!notFound && <Button onClick={askAgain}>{messages.retry}</Button>}
          <Button onClick={onClose}>{messages.close}</Button>
        </div>
      </div>
    );
  }
  return (
    <div className="space-y-3">
      {!online ? (
        <p role="status" className="text-amber-900">
          {messages.offlineWaiting}
        </p>
      ) : (
        slow && (
          <div role="status" className="flex items-center gap-3 text-amber-900">
            <p className="flex-1">{faults.slow}</p>
            <Button onClick={askAgain}>{messages.retry}</Button>
          </div>
        )
      )}
      <DetailSkeleton />
    </div>
  );
}

/** Over a call already shown: offline, or its refresh failed (with Retry). */
export function RefreshProblem({ detail }: { detail: DetailQuery }) {
  const messages = useMessages(callDetailMessages);
  const describeFault = useDescribeFault();
  const online = useOnline();
  const notice = "mb-3 flex items-center gap-3 rounded-md border px-3 py-1.5";
  if (!online) {
    return (
      <p role="status" className={`${notice} border-amber-200 bg-amber-50 text-amber-950`}>
        {messages.offlineKeeping}
      </p>
    );
  }
  if (!detail.error) return null;
  return (
    <div role="alert" className={`${notice} border-red-200 bg-red-50 text-red-900`}>
      <p className="min-w-0 flex-1">{messages.refreshFailed(describeFault(detail.error))}</p>
      <Button onClick={() => void detail.refetch()} className="h-7">
        {messages.retry}
      </Button>
    </div>
  );
}

function DetailSkeleton() {
  const messages = useMessages(callDetailMessages);
  return (
    <div role="status" className="space-y-3">
      <span className="sr-only">{messages.loading}</span>
      <div aria-hidden="true" className="h-12 animate-pulse rounded-md bg-slate-100" />
      <div aria-hidden="true" className="h-24 animate-pulse rounded-md bg-slate-100" />
      <div aria-hidden="true" className="h-32 animate-pulse rounded-md bg-slate-100" />
    </div>
  );
}
