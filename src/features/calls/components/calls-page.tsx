/**
 * The calls page: filter bar, table and pager, all derived from the URL. The list is fetched
 * page by page from the server (which filters, sorts and counts); the page on screen stays while
 * the next one loads, the page after it is fetched ahead, and a failed refresh keeps the rows.
 */
import {
  keepPreviousData,
  usePrefetchQuery,
  useQuery,
  useQueryClient,
} from "@tanstack/react-query";
import { functionalUpdate, useTable } from "@tanstack/react-table";
import { X } from "lucide-react";
import { useMemo, useState } from "react";
import { Button } from "@/components/ui/button.tsx";
import type { CallListItem, CallListPage } from "@/contract/call.ts";
import { parseSort } from "@/contract/call-list-query.ts";
import { useMessages } from "@/lib/i18n/messages.ts";
import { usePreferences } from "@/lib/i18n/preferences.tsx";
import { navigateSearch } from "@/lib/location-search.ts";
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
import { EmptyResult, LoadError, LoadingStatus, RefreshFailed } from "./table-states.tsx";
import { ColumnChooser, DensityToggle, ExportLink } from "./table-tools.tsx";

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

  // The last page that loaded, to keep on screen when a later request fails.
  const [lastLoaded, setLastLoaded] = useState<CallListPage>();
  if (result.data && !result.isPlaceholderData && result.data !== lastLoaded) {
    setLastLoaded(result.data);
  }
  const page = result.data ?? (result.isError ? lastLoaded : undefined);

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
    rowCount: page?.total_items ?? 0,
  });

  const loading = !page && result.isPending;
  const retry = () => void result.refetch();
  const hasFilters = countActiveFilters(search.filters) > 0;
  const pastLastPage =
    page && page.items.length === 0 && page.total_items > 0 && search.page > page.total_pages
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
      {result.isError && page && (
        <RefreshFailed error={result.error} onRetry={retry} retrying={result.isFetching} />
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
            result.isError && !page ? (
              <LoadError error={result.error} onRetry={retry} />
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
      <TablePager table={table} total={page?.total_items} />
    </div>
  );
}
