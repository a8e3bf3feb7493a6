/**
 * The call drawer beside the table when the URL names a call (`call=<transaction_id>`, and `t`
 * for where its recording starts). Its code (player, timeline: ~150 KB gzip) is not part of the
 * first screen: it is fetched once the first rows are on screen and the browser is idle, so the
 * first call opened does not wait for it either.
 */
import { useIsFetching, useQueryClient } from "@tanstack/react-query";
import { Component, lazy, type ReactNode, Suspense, useEffect } from "react";
import { callQueries } from "@/features/calls/api/call-queries.ts";
import { type StepDirection, stepOpenCall } from "@/features/calls/api/step-open-call.ts";
import { updateCallsSearch, useCallsSearch } from "@/features/calls/search/use-calls-search.ts";
import { useMessages } from "@/lib/i18n/messages.ts";
import { usePreferences } from "@/lib/i18n/preferences.tsx";
import { runWhenIdle } from "@/lib/run-when-idle.ts";
import { appMessages } from "./messages.ts";

const loadCallDrawer = () => import("@/features/call-detail/components/call-drawer.tsx");
const CallDrawer = lazy(loadCallDrawer);

let drawerPreload: Promise<unknown> | undefined;

function preloadCallDrawer() {
  drawerPreload ??= loadCallDrawer()
    .then((module) => module.preloadDrawerParts())
    .catch(() => {
      // Opening a call loads it again (and shows the failure if it fails again).
      drawerPreload = undefined;
    });
}

/** Once no page of calls is loading (the first rows are on screen), fetch the drawer's code. */
function usePreloadAfterFirstRows() {
  const listsLoading = useIsFetching({ queryKey: callQueries.lists() });
  useEffect(() => {
    if (listsLoading === 0 && !drawerPreload) runWhenIdle(preloadCallDrawer);
  }, [listsLoading]);
}

function closeCall() {
  updateCallsSearch((search) => ({ ...search, call: undefined, t: undefined }));
}

export function CallDrawerSlot() {
  const { search } = useCallsSearch();
  const { timeZone } = usePreferences();
  const queryClient = useQueryClient();
  const isOpen = search.call !== undefined;
  usePreloadAfterFirstRows();
  // Esc closes the drawer from the table too (the drawer handles it when focus is inside it).
  useEffect(() => {
    if (!isOpen) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== "Escape" || event.defaultPrevented) return;
      const target = event.target instanceof HTMLElement ? event.target : null;
      if (target?.closest("input, textarea, select, [data-radix-popper-content-wrapper]")) return;
      if (document.querySelector("[data-radix-popper-content-wrapper]")) return;
      closeCall();
    };
    document.addEventListener("keydown", onKeyDown);
    return () => document.removeEventListener("keydown", onKeyDown);
  }, [isOpen]);
  if (search.call === undefined) return null;
  return (
    // Beside the table on a laptop (which stays usable); over it on narrow screens.
    <div className="absolute inset-0 z-30 flex min-h-0 flex-col bg-white lg:static lg:w-[45%] lg:min-w-[26rem] lg:shrink-0 lg:border-l lg:border-slate-300 lg:shadow-[-4px_0_12px_-6px_rgb(15_23_42/0.25)]">
      <DrawerErrorBoundary resetKey={search.call}>
        <Suspense fallback={<DrawerLoading />}>
          <CallDrawer
            transactionId={search.call}
            initialTime={search.t}
            onClose={closeCall}
            onNavigate={(direction: StepDirection) =>
              void stepOpenCall(queryClient, timeZone, direction)
            }
          />
        </Suspense>
      </DrawerErrorBoundary>
    </div>
  );
}

function DrawerLoading() {
  const messages = useMessages(appMessages);
  return (
    <p role="status" className="p-4 text-[13px] text-slate-500">
      {messages.drawerLoading}
    </p>
  );
}

function DrawerFailed() {
  const messages = useMessages(appMessages);
  return (
    <div role="alert" className="flex flex-col items-start gap-2 p-4 text-[13px]">
      <p>{messages.drawerFailed}</p>
      <button
        type="button"
        onClick={closeCall}
        className="rounded-md border border-slate-300 px-2.5 py-1 hover:bg-slate-50"
      >
        {messages.close}
      </button>
    </div>
  );
}

/**
 * A drawer that fails to load (a stale chunk after a deploy) must not take the table down; the
 * next call opened tries again. The drawer itself stays mounted from call to call.
 */
class DrawerErrorBoundary extends Component<
  { resetKey: string; children: ReactNode },
  { failedKey: string | undefined }
> {
  override state: { failedKey: string | undefined } = { failedKey: undefined };
  static getDerivedStateFromError() {
    // Which call failed is recorded in componentDidCatch; until then, any call.
    return { failedKey: "" };
  }
  override componentDidCatch() {
    this.setState({ failedKey: this.props.resetKey });
  }
  override render() {
    const { failedKey } = this.state;
    const failed = failedKey === "" || failedKey === this.props.resetKey;
    return failed ? <DrawerFailed /> : this.props.children;
  }
}
