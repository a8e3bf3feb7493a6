/**
 * The app behind its session: a skeleton while `GET /api/session` answers, the sign-in page
 * without a session, the calls with one. Everything switches on the session query, so signing
 * in, signing out and an expired session never reload the page or touch its URL.
 */
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { Component, lazy, type ReactNode, Suspense, useEffect } from "react";
import { sessionQueries } from "@/features/auth/api/session-queries.ts";
import { authMessages } from "@/features/auth/messages.ts";
import { callQueries } from "@/features/calls/api/call-queries.ts";
import { useCallListQuery } from "@/features/calls/search/use-call-list-query.ts";
import { useCallsSearch } from "@/features/calls/search/use-calls-search.ts";
import { useMessages } from "@/lib/i18n/messages.ts";
import { AppShell } from "./app-shell.tsx";
import { LanguageSwitch, useDocumentLanguage } from "./language-switch.tsx";
import { appMessages } from "./messages.ts";

// Most visits come with a session: the first screen's budget goes to the table, and the sign-in
// page loads only when it is needed.
const SignInPage = lazy(() => import("@/features/auth/components/sign-in-page.tsx"));

export function SessionGate() {
  const session = useQuery(sessionQueries.current());
  useFirstScreenPrefetch(session.isPending);
  if (session.data) return <AppShell />;
  if (session.isPending) return <SessionSkeleton />;
  return <SignInScreen sessionProblem={session.error ?? undefined} />;
}

/**
 * While the session is checked, the first page of calls and the filter options are already
 * asked for, under the keys the table will use: most visits have a session, and the table then
 * finds its rows arriving instead of asking only once the shell has rendered (~200 ms later on
 * a slow machine). Without a session they answer 401, which shows the sign-in page anyway.
 */
function useFirstScreenPrefetch(sessionPending: boolean) {
  const queryClient = useQueryClient();
  const { search } = useCallsSearch();
  const listQuery = useCallListQuery(search);
  useEffect(() => {
    if (!sessionPending) return;
    void queryClient.prefetchQuery(callQueries.list(listQuery));
    void queryClient.prefetchQuery(callQueries.filterOptions());
    // Only while the session is pending, at start: later searches belong to the table.
  }, [sessionPending, queryClient, listQuery]);
}

function SignInScreen({ sessionProblem }: { sessionProblem: unknown }) {
  const { productName } = useMessages(appMessages);
  useDocumentLanguage();
  return (
    <LoadFailedBoundary>
      <Suspense fallback={<SessionSkeleton />}>
        <SignInPage
          productName={productName}
          aside={<LanguageSwitch tone="light" />}
          sessionProblem={sessionProblem}
        />
      </Suspense>
    </LoadFailedBoundary>
  );
}

/** The outline of the page while the session is checked. */
function SessionSkeleton() {
  const { checkingSession } = useMessages(authMessages);
  return (
    <div role="status" aria-label={checkingSession} className="flex h-dvh flex-col bg-slate-50">
      <div className="h-11 shrink-0 bg-slate-900" />
      <div className="flex animate-pulse flex-col gap-3 p-3">
        <div className="h-8 w-2/3 rounded-md bg-slate-200" />
        {[0, 1, 2, 3, 4, 5].map((row) => (
          <div key={row} className="h-6 rounded bg-slate-200/60" />
        ))}
      </div>
    </div>
  );
}

function LoadFailed() {
  const messages = useMessages(appMessages);
  return (
    <div role="alert" className="flex flex-col items-center gap-3 p-10 text-sm">
      <p>{messages.pageFailed}</p>
      <button
        type="button"
        onClick={() => window.location.reload()}
        className="rounded-md border border-slate-300 bg-white px-3 py-1.5 hover:bg-slate-50"
      >
        {messages.reload}
      </button>
    </div>
  );
}

/**
 * The sign-in page's code may fail to load (server down, or a deploy replaced it): say so and
 * offer a reload instead of a blank screen. The reload is the user's, so it cannot loop.
 */
class LoadFailedBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  override render() {
    return this.state.failed ? <LoadFailed /> : this.props.children;
  }
}
