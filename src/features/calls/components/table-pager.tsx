/**
 * The pager under the table: the total, the rows shown, rows per page, first / previous /
 * numbered / next / last pages. It drives the table's pagination API; the table writes the URL.
 */
import type { ReactTable } from "@tanstack/react-table";
import { clsx } from "clsx";
import { ChevronLeft, ChevronRight, ChevronsLeft, ChevronsRight } from "lucide-react";
import { Button } from "@/components/ui/button.tsx";
import type { CallListItem } from "@/contract/call.ts";
import { formatCount } from "@/lib/format.ts";
import { useMessages } from "@/lib/i18n/messages.ts";
import { usePreferences } from "@/lib/i18n/preferences.tsx";
import { callsMessages } from "../messages.ts";
import { PAGE_SIZES } from "../search/calls-search.ts";
import type { callTableFeatures } from "./call-columns.tsx";

/** Page numbers around the current one, with gaps: 1 … 4 5 [6] 7 8 … 120. */
export function pageWindow(current: number, last: number, around = 2): (number | "gap")[] {
  const pages = new Set([1, last]);
  for (let page = current - around; page <= current + around; page += 1) {
    if (page >= 1 && page <= last) pages.add(page);
  }
  const sorted = [...pages].filter((page) => page >= 1).sort((a, b) => a - b);
  const result: (number | "gap")[] = [];
  for (const page of sorted) {
    const previous = result.at(-1);
    if (typeof previous === "number" && page - previous === 2) result.push(previous + 1);
    else if (typeof previous === "number" && page - previous > 2) result.push("gap");
    result.push(page);
  }
  return result;
}

export function TablePager({
  table,
  total,
}: {
  table: ReactTable<typeof callTableFeatures, CallListItem>;
  /** undefined until the first page has loaded. */
  total: number | undefined;
}) {
  const messages = useMessages(callsMessages);
  const { language } = usePreferences();
  const { pageIndex, pageSize } = table.state.pagination;
  const pageCount = Math.max(1, table.getPageCount());
  const current = pageIndex + 1;
  const first = total ? Math.min(total, pageIndex * pageSize + 1) : 0;
  const last = total ? Math.min(total, (pageIndex + 1) * pageSize) : 0;
  const count = (value: number) => formatCount(value, language);

  return (
    <nav
      aria-label={messages.pagination}
      className="flex shrink-0 flex-wrap items-center gap-x-4 gap-y-1 border-t border-slate-200 bg-white px-3 py-1.5 text-[13px]"
    >
      <p className="mr-auto text-slate-700 tabular-nums" aria-live="polite">
        {total === undefined ? (
          "\u00a0"
        ) : (
          <>
            <strong className="font-semibold text-slate-900">
              {messages.callsCount(count(total))}
            </strong>
            {total > 0 && (
              <span className="text-slate-500">
                {" · "}
                {messages.showingRange(count(first), count(last), count(total))}
              </span>
            )}
          </>
        )}
      </p>
      <label className="flex items-center gap-2 text-slate-600">
        {messages.pageSize}
        <select
          value={pageSize}
          onChange={(event) => table.setPageSize(Number(event.target.value))}
          className="h-7 rounded-md border border-slate-300 bg-white px-1.5 text-slate-800 tabular-nums"
        >
          {PAGE_SIZES.map((size) => (
            <option key={size} value={size}>
              {size}
            </option>
          ))}
        </select>
      </label>
      <div className="flex items-center gap-0.5">
        <Button
          variant="ghost"
          size="icon"
          aria-label={messages.firstPage}
          title={messages.firstPage}
          disabled={!table.getCanPreviousPage()}
          onClick={() => table.firstPage()}
        >
          <ChevronsLeft aria-hidden="true" className="size-4" />
        </Button>
        <Button
          variant="ghost"
          size="icon"
          aria-label={messages.previousPage}
          title={messages.previousPage}
          disabled={!table.getCanPreviousPage()}
          onClick={() => table.previousPage()}
        >
          <ChevronLeft aria-hidden="true" className="size-4" />
        </Button>
        <ul className="flex items-center gap-0.5">
          {pageWindow(current, pageCount).map((page, index) =>
            page === "gap" ? (
              <li key={`gap-${index}`} aria-hidden="true" className="px-1 text-slate-400">
                …
              </li>
            ) : (
              <li key={page}>
                <button
                  type="button"
                  aria-label={messages.page(page)}
                  aria-current={page === current ? "page" : undefined}
                  onClick={() => table.setPageIndex(page - 1)}
                  className={clsx(
                    "h-7 min-w-7 rounded-md px-1.5 tabular-nums",
                    "focus-visible:outline-2 focus-visible:outline-sky-600",
                    page === current
                      ? "bg-sky-700 font-semibold text-white"
                      : "text-slate-700 hover:bg-slate-200/70",
                  )}
                >
                  {count(page)}
                </button>
              </li>
            ),
          )}
        </ul>
        <Button
          variant="ghost"
          size="icon"
          aria-label={messages.nextPage}
          title={messages.nextPage}
          disabled={!table.getCanNextPage()}
          onClick={() => table.nextPage()}
        >
          <ChevronRight aria-hidden="true" className="size-4" />
        </Button>
        <Button
          variant="ghost"
          size="icon"
          aria-label={messages.lastPage}
          title={messages.lastPage}
          disabled={!table.getCanNextPage()}
          onClick={() => table.lastPage()}
        >
          <ChevronsRight aria-hidden="true" className="size-4" />
        </Button>
      </div>
    </nav>
  );
}
