/**
 * The calls page: filter bar, table and pager, all derived from the URL. The list is fetched
 * page by page from the server (which filters, sorts and counts); the page on screen stays while
 * the next one loads, the page after it is fetched ahead, and a failed, stopped or offline
 * refresh keeps the rows. A page read only in part says what it left out.
 */
import {
  keepPreviousData,
  usePrefetchQuery,
  useQuery,
  useQueryClient,
} from "@tanstack/react-query";
import { functionalUpdate, useTable } from "@tanstack/react-table";
import { X } from "lucide-react";
import { lazy, Suspense, useMemo, useState } from "react";
import { Button } from "@/components/ui/button.tsx";
import type { CallListItem } from "@/contract/call.ts";
import { parseSort } from "@/contract/call-list-query.ts";
import type { CallListReading } from "@/contract/read-call-responses.ts";
import { useAskAgain } from "@/lib/ask-again.ts";
import { useMessages } from "@/lib/i18n/messages.ts";
import { usePreferences } from "@/lib/i18n/preferences.tsx";
import { navigateSearch } from "@/lib/location-search.ts";
import { useOnline, useTakesLongerThan } from "@/lib/use-network-state.ts";
import { callQueries, exportUrl } from "../api/call-queries.ts";
import { stepOpenCall } from "../api/step-open-call.ts";
import { callsMessages } from "../messages.ts";
import { countActiveFilters, EMPTY_FILTERS, serializeCallsSearch } from "../search/calls-search.ts";
import { useCallListQuery } from "../search/use-call-list-query.ts";
import { updateCallsSearch, useCallsSearch } from "../search/use-calls-search.ts";
import { useTablePreferences } from "../table-preferences.ts";
import { callColumns, callTableFeatures, TagNamesContext } from "./call-columns.tsx";
import { CallsTable } from "./calls-table.tsx";
import { FilterBar } from "./filter-bar.tsx";
import { useFilterOptionLists } from "./filter-options.tsx";
import { currentRecording, stopRecording } from "./recording-player.ts";
import { TablePager } from "./table-pager.tsx";
import {
  EmptyResult,
  LoadError,
  LoadingStatus,
  type LoadProblem,
  LoadProblemBanner,
} from "./table-states.tsx";
import { ColumnChooser, DensityToggle, ExportLink } from "./table-tools.tsx";

// Only an answer that did not fit the contract has something to say: off the first screen.
const ReadNotice = lazy(() => import("./read-notice.tsx"));

const NO_ROWS: CallListItem[] = [];
const rowId = (call: CallListItem) => call.transaction_id;

/**
 * Opens a call in the drawer. A recording playing in the table stops (the drawer has its own
 * player); when it was this call's, the drawer takes it up where it was (`t`).
 */
export function openCall(transactionId: string) {
  const playing = currentRecording();
  const t =
    playing.id === transactionId && playing.position > 0 && playing.status !== "error"
      ? playing.position
      : undefined;
  if (playing.id !== null) stopRecording();
  updateCallsSearch((search) => ({ ...search, call: transactionId, t }));
}

export function CallsPage() {
  const messages = useMessages(callsMessages);
  const { timeZone, language } = usePreferences();
  const queryClient = useQueryClient();
  const { search, problems } = useCallsSearch();
  const listQuery = useCallListQuery(search);
  const result = useQuery({ ...callQueries.list(listQuery), placeholderData: keepPreviousData });
  const filterOptions = useQuery(callQueries.filterOptions());
  const optionLists = useFilterOptionLists();
  const [preferences, updatePreferences] = useTablePreferences();

  const online = useOnline();
  const listKey = callQueries.list(listQuery).queryKey;
  const slow = useTakesLongerThan(result.fetchStatus === "fetching", JSON.stringify(listKey));
  // Pending with no request under way: the supervisor stopped it (a paused one waits offline).
  const stopped = result.isPending && result.fetchStatus === "idle";
  const problem: LoadProblem | undefined = !online
    ? { kind: "offline" }
    : result.isError
      ? { kind: "error", error: result.error }
      : stopped
        ? { kind: "stopped" }
        : slow
          ? { kind: "slow" }
          : undefined;

  // The last page that loaded, to keep on screen when a later request fails or is stopped.
  const [lastLoaded, setLastLoaded] = useState<CallListReading>();
  if (result.data && !result.isPlaceholderData && result.data !== lastLoaded) {
    setLastLoaded(result.data);
  }
  const page = result.data ?? (problem ? lastLoaded : undefined);

  // Paging forward is the common move: have the next page ready before it is asked for.
  const settled = result.isPlaceholderData ? undefined : result.data;
  usePrefetchQuery(
    callQueries.list(
      settled?.has_next ? { ...listQuery, page: settled.page_number + 1 } : listQuery,
    ),
  );

  const sorting = useMemo(() => {
    const { field, descending } = parseSort(search.sort);
    return [{ id: field, desc: descending }];
  }, [search.sort]);
  const pagination = useMemo(
    () => ({ pageIndex: search.page - 1, pageSize: search.size }),
    [search.page, search.size],
  );
  const tagNames = useMemo(
    () =>
      new Map(
        (filterOptions.data?.tags ?? []).flatMap((tag) =>
          tag.label ? [[tag.value, tag.label] as const] : [],
        ),
      ),
    [filterOptions.data],
  );

  const table = useTable({
    features: callTableFeatures,
    columns: callColumns,
    data: page?.items ?? NO_ROWS,
    getRowId: rowId,
    state: { sorting, pagination, columnVisibility: preferences.columnVisibility },
    onSortingChange: (updater) => {
      const [next] = functionalUpdate(updater, sorting);
      if (!next) return;
      const sort = `${next.desc ? "-" : ""}${next.id}`;
      updateCallsSearch((current) => ({ ...current, sort, page: 1 }));
    },
    onPaginationChange: (updater) => {
      const next = functionalUpdate(updater, pagination);
      updateCallsSearch((current) => {
        if (next.pageSize === current.size) return { ...current, page: next.pageIndex + 1 };
        // A new page size keeps the first row on screen within view.
        const firstRow = (current.page - 1) * current.size;
        return { ...current, size: next.pageSize, page: Math.floor(firstRow / next.pageSize) + 1 };
      });
    },
    onColumnVisibilityChange: (updater) =>
      updatePreferences({
        columnVisibility: functionalUpdate(updater, preferences.columnVisibility),
      }),
    manualPagination: true,
    manualSorting: true,
    enableSortingRemoval: false,
    enableMultiSort: false,
    rowCount: page ? knownRowCount(page) : 0,
  });

  // Offline, a request waits (paused) for the connection: say so instead of the skeleton.
  const loading = !page && result.isPending && !stopped && online;
  const { askAgain: retry, stop: cancel } = useAskAgain(result, listKey);
  const hasFilters = countActiveFilters(search.filters) > 0;
  const pastLastPage =
    page &&
    page.items.length === 0 &&
    page.unreadable.length === 0 &&
    page.total_items &&
    page.total_pages !== null &&
    search.page > page.total_pages
      ? page.total_pages
      : undefined;

  return (
    <div className="flex min-h-0 min-w-0 flex-1 flex-col">
      {problems.length > 0 && (
        <div
          role="status"
          className="flex shrink-0 items-center gap-3 border-b border-amber-200 bg-amber-50 px-3 py-1.5 text-[13px] text-amber-950"
        >
          <p className="flex-1">{messages.urlProblems(problems.join(", "))}</p>
          <Button
            variant="ghost"
            size="icon"
            className="size-6"
            aria-label={messages.dismiss}
            // Rewrites the link as it is understood, without the parameters that were ignored.
            onClick={() => navigateSearch(serializeCallsSearch(search), { replace: true })}
          >
            <X aria-hidden="true" className="size-3.5" />
          </Button>
        </div>
      )}
      <FilterBar
        search={search}
        options={optionLists}
        tools={
          <>
            <ExportLink href={exportUrl(listQuery, timeZone, language)} />
            <ColumnChooser table={table} />
            <DensityToggle
              density={preferences.density}
              onChange={(density) => updatePreferences({ density })}
            />
          </>
        }
      />
      {problem && (page || problem.kind === "slow") && (
        <LoadProblemBanner
          problem={problem}
          onRetry={retry}
          onCancel={() => void cancel()}
          retrying={result.isFetching}
        />
      )}
      {page && hasReadProblems(page) && (
        <Suspense fallback={null}>
          <ReadNotice page={page} />
        </Suspense>
      )}
      <TagNamesContext value={tagNames}>
        <CallsTable
          table={table}
          density={preferences.density}
          loading={loading}
          stale={result.isPlaceholderData}
          openCallId={search.call}
          onOpenCall={openCall}
          onStepOpenCall={(direction) => void stepOpenCall(queryClient, timeZone, direction)}
          fallback={
            problem && problem.kind !== "slow" && !page ? (
              <LoadError problem={problem} onRetry={retry} />
            ) : (
              <EmptyResult
                pastLastPage={pastLastPage}
                onLastPage={() => table.lastPage()}
                onWiden={
                  search.range.kind === "all"
                    ? undefined
                    : () =>
                        updateCallsSearch((current) => ({
                          ...current,
                          range: { kind: "all" },
                          page: 1,
                        }))
                }
                onReset={
                  hasFilters
                    ? () =>
                        updateCallsSearch((current) => ({
                          ...current,
                          filters: EMPTY_FILTERS,
                          page: 1,
                        }))
                    : undefined
                }
              />
            )
          }
        >
          <LoadingStatus loading={loading} refreshing={result.isFetching && page !== undefined} />
        </CallsTable>
      </TagNamesContext>
      <TablePager table={table} total={page?.total_items ?? undefined} />
    </div>
  );
}

/**
 * Rows the table pages through: the total when the server gave one; otherwise the rows up to
 * this page, and one more when the server says a next page follows (so "next" stays usable).
 */
function knownRowCount(page: CallListReading): number {
  if (page.total_items !== null) return page.total_items;
  const received = page.items.length + page.unreadable.length;
  const upToHere = (page.page_number - 1) * page.page_size + received;
  return page.has_next ? Math.max(upToHere, page.page_number * page.page_size) + 1 : upToHere;
}

/** Whether the page has something for the read notice to say (decided before loading it). */
function hasReadProblems(page: CallListReading): boolean {
  return page.unreadable.length > 0 || page.repaired.length > 0 || page.paginationMissing;
}
