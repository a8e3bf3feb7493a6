/**
 * The calls table: real <table> semantics, a sticky header whose sortable columns are buttons,
 * rows that open the call on click or Enter, j/k (and the arrow keys on a row) to move between
 * rows. Pages of more than 100 rows render only the rows in view (spacer rows keep the table's
 * geometry), so 500-row pages scroll as smoothly as 25-row ones.
 */
import { FlexRender, type Header, type ReactTable, type Row } from "@tanstack/react-table";
import { clsx } from "clsx";
import { ArrowDown, ArrowUp, ChevronsUpDown } from "lucide-react";
import {
  memo,
  type FocusEvent as ReactFocusEvent,
  type KeyboardEvent as ReactKeyboardEvent,
  type MouseEvent as ReactMouseEvent,
  type ReactNode,
  type RefObject,
  useEffect,
  useEffectEvent,
  useRef,
  useState,
} from "react";
import type { CallListItem } from "@/contract/call.ts";
import { useMessages } from "@/lib/i18n/messages.ts";
import { PERF_MARKS, useMarkRowsRendered } from "@/lib/perf-marks.ts";
import { type CallColumnId, callsMessages } from "../messages.ts";
import type { Density } from "../table-preferences.ts";
import { ActiveRowContext, type callTableFeatures } from "./call-columns.tsx";

type CallsReactTable = ReactTable<typeof callTableFeatures, CallListItem>;
export type CallRow = Row<typeof callTableFeatures, CallListItem>;

const ROW_HEIGHT: Record<Density, number> = { compact: 27, comfortable: 37 };
const VIRTUALIZE_ABOVE = 100;
const SKELETON_ROWS = 14;

export type CallsTableProps = {
  table: CallsReactTable;
  density: Density;
  /** First load: skeleton rows. */
  loading: boolean;
  /** Showing the previous page while the next loads. */
  stale: boolean;
  openCallId: string | undefined;
  onOpenCall: (transactionId: string) => void;
  /** Moves the open call to its neighbour (the drawer is open); undefined when none is open. */
  onStepOpenCall?: (direction: "next" | "previous") => void;
  /** What the body says when there are no rows (empty result, error). */
  fallback: ReactNode;
  /** Overlays above the rows (refresh indicator). */
  children?: ReactNode;
};

export function CallsTable({
  table,
  density,
  loading,
  stale,
  openCallId,
  onOpenCall,
  onStepOpenCall,
  fallback,
  children,
}: CallsTableProps) {
  const messages = useMessages(callsMessages);
  const scrollRef = useRef<HTMLDivElement>(null);
  const rows = table.getRowModel().rows;
  useMarkRowsRendered(PERF_MARKS.rowsRendered, rows);
  const columns = table.getVisibleLeafColumns();
  const VirtualRows = useVirtualRows(rows.length > 0);
  const [focusedId, setFocusedId] = useState<string>();
  const activeId =
    [openCallId, focusedId].find((id) => id && rows.some((row) => row.id === id)) ?? rows[0]?.id;
  const rowHeight = ROW_HEIGHT[density];

  const revealRow = (index: number) => {
    const container = scrollRef.current;
    if (!container) return;
    const find = () => container.querySelector<HTMLElement>(`tr[data-row-index="${index}"]`);
    const row = find();
    if (row) {
      row.focus();
      return;
    }
    // Not rendered (virtualized away): scroll to where it is, then focus it once drawn.
    container.scrollTop = Math.max(0, index * rowHeight - container.clientHeight / 2);
    requestAnimationFrame(() => requestAnimationFrame(() => find()?.focus()));
  };

  const moveBy = (delta: 1 | -1) => {
    if (openCallId && onStepOpenCall) {
      onStepOpenCall(delta === 1 ? "next" : "previous");
      return;
    }
    if (rows.length === 0) return;
    const current = rows.findIndex((row) => row.id === focusedId);
    const index = current === -1 ? 0 : Math.min(rows.length - 1, Math.max(0, current + delta));
    setFocusedId(rows[index]?.id);
    revealRow(index);
  };

  const onDocumentKey = useEffectEvent((event: KeyboardEvent) => {
    if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return;
    if (event.key !== "j" && event.key !== "k") return;
    if (isTypingTarget(event.target)) return;
    event.preventDefault();
    moveBy(event.key === "j" ? 1 : -1);
  });
  useEffect(() => {
    const listener = (event: KeyboardEvent) => onDocumentKey(event);
    document.addEventListener("keydown", listener);
    return () => document.removeEventListener("keydown", listener);
  }, []);

  // The drawer moved to another call (its buttons, j/k, Back): keep that row in view.
  useEffect(() => {
    if (!openCallId) return;
    const row = scrollRef.current?.querySelector<HTMLElement>(
      `tr[data-row-id="${CSS.escape(openCallId)}"]`,
    );
    row?.scrollIntoView?.({ block: "nearest" });
  }, [openCallId]);

  const renderRow = (row: CallRow, index: number) => (
    <CallRowView
      key={row.id}
      id={row.id}
      cells={row.getVisibleCells()}
      index={index}
      isOpen={row.id === openCallId}
      isActive={row.id === activeId}
      height={rowHeight}
      density={density}
    />
  );

  // Rows are memoized (a 500-row page scrolls by re-rendering only the rows coming into view),
  // so their events are handled here, once, for the whole body.
  const rowOf = (target: EventTarget) =>
    target instanceof Element ? target.closest<HTMLElement>("tr[data-row-id]") : null;
  const bodyEvents = {
    onClick: (event: ReactMouseEvent<HTMLElement>) => {
      const id = rowOf(event.target)?.dataset.rowId;
      // Selecting a number to copy it is not asking to open the call.
      if (id && !window.getSelection()?.toString()) onOpenCall(id);
    },
    onKeyDown: (event: ReactKeyboardEvent<HTMLElement>) => {
      const row = rowOf(event.target);
      if (!row || row !== event.target || !row.dataset.rowId) return;
      if (event.key === "Enter" || event.key === " ") {
        event.preventDefault();
        onOpenCall(row.dataset.rowId);
      } else if (event.key === "ArrowDown" || event.key === "ArrowUp") {
        event.preventDefault();
        moveBy(event.key === "ArrowDown" ? 1 : -1);
      }
    },
    onFocus: (event: ReactFocusEvent<HTMLElement>) => {
      const id = rowOf(event.target)?.dataset.rowId;
      if (id) setFocusedId(id);
    },
  };

  const minWidth = columns.reduce((sum, column) => sum + (column.columnDef.meta?.width ?? 100), 0);

  return (
    <div ref={scrollRef} className="relative min-h-0 flex-1 overflow-auto bg-white">
      {children}
      <table
        aria-label={messages.tableLabel}
        aria-busy={loading || undefined}
        aria-rowcount={loading ? -1 : rows.length + 1}
        className="w-full table-fixed border-separate border-spacing-0"
        style={{ minWidth }}
      >
        <colgroup>
          {columns.map((column) => (
            <col key={column.id} style={{ width: column.columnDef.meta?.width }} />
          ))}
        </colgroup>
        <thead>
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id} aria-rowindex={1}>
              {group.headers.map((header) => (
                <HeaderCell key={header.id} header={header} />
              ))}
            </tr>
          ))}
        </thead>
        <tbody {...bodyEvents} className={clsx(stale && "opacity-60 transition-opacity delay-150")}>
          {loading ? (
            <SkeletonRows columns={columns.length} rowHeight={rowHeight} />
          ) : rows.length === 0 ? (
            <tr>
              <td colSpan={columns.length} className="p-0">
                {fallback}
              </td>
            </tr>
          ) : rows.length > VIRTUALIZE_ABOVE ? (
            <VirtualRows
              rows={rows}
              rowHeight={rowHeight}
              columnCount={columns.length}
              scrollRef={scrollRef}
              renderRow={renderRow}
            />
          ) : (
            rows.map((row, index) => renderRow(row, index))
          )}
        </tbody>
      </table>
    </div>
  );
}

type CallRowViewProps = {
  id: string;
  /** The row's visible cells: a new array only when the data or the visible columns change. */
  cells: ReturnType<CallRow["getVisibleCells"]>;
  index: number;
  isOpen: boolean;
  /** The row Tab lands on (roving tabindex). */
  isActive: boolean;
  height: number;
  density: Density;
};

const CallRowView = memo(function CallRowView({
  id,
  cells,
  index,
  isOpen,
  isActive,
  height,
  density,
}: CallRowViewProps) {
  return (
    <tr
      data-row-index={index}
      data-row-id={id}
      aria-rowindex={index + 2}
      aria-current={isOpen ? "true" : undefined}
      tabIndex={isActive ? 0 : -1}
      style={{ height }}
      className={clsx(
        "cursor-pointer scroll-mt-8 scroll-mb-2 outline-none",
        isOpen ? "bg-sky-100" : "hover:bg-slate-100/80",
        "focus-visible:bg-sky-50 focus-visible:shadow-[inset_3px_0_0_var(--color-sky-700)]",
      )}
    >
      <ActiveRowContext value={isActive}>
        {cells.map((cell) => {
          const align = cell.column.columnDef.meta?.align;
          return (
            <td
              key={cell.id}
              className={clsx(
                "truncate border-b border-slate-100 px-2 py-0",
                density === "compact" ? "text-[13px]" : "text-sm",
                align === "end" && "text-right tabular-nums",
                align === "center" && "text-center",
              )}
            >
              <FlexRender cell={cell} />
            </td>
          );
        })}
      </ActiveRowContext>
    </tr>
  );
});

function HeaderCell({
  header,
}: {
  header: Header<typeof callTableFeatures, CallListItem, unknown>;
}) {
  const messages = useMessages(callsMessages);
  const { column } = header;
  const label = messages.columns[column.id as CallColumnId] ?? column.id;
  const align = column.columnDef.meta?.align;
  const sorted = column.getIsSorted();
  const canSort = column.getCanSort();
  const SortIcon = sorted === "asc" ? ArrowUp : sorted === "desc" ? ArrowDown : ChevronsUpDown;
  return (
    <th
      scope="col"
      aria-sort={sorted === "asc" ? "ascending" : sorted === "desc" ? "descending" : undefined}
      className={clsx(
        "sticky top-0 z-10 h-8 truncate bg-slate-100 px-2 text-[12px] font-semibold text-slate-600 shadow-[inset_0_-1px_0_var(--color-slate-300)]",
        align === "end" ? "text-right" : align === "center" ? "text-center" : "text-left",
      )}
    >
      {canSort ? (
        <button
          type="button"
          onClick={column.getToggleSortingHandler()}
          title={messages.sortBy(label)}
          className={clsx(
            "inline-flex max-w-full items-center gap-1 rounded px-0.5 hover:text-slate-900",
            "focus-visible:outline-2 focus-visible:outline-sky-600",
            align === "end" && "flex-row-reverse",
            sorted && "text-slate-900",
          )}
        >
          <span className="truncate">{label}</span>
          <SortIcon
            aria-hidden="true"
            className={clsx("size-3.5 shrink-0", sorted ? "text-sky-700" : "text-slate-400")}
          />
        </button>
      ) : (
        label
      )}
    </th>
  );
}

type VirtualRowsComponent = (props: VirtualRowsProps) => ReactNode;

// Only pages of hundreds of rows need react-virtual, so the first screen (50 rows) does not carry
// its chunk: it is fetched once the first rows are up, and a 500-row page finds it there. Not
// React.lazy: a lazy component suspends on its first render even when its chunk has arrived, and
// a Suspense fallback of all 500 rows is then mounted, laid out and removed again, three long
// tasks of 50 to 500 ms, the last of them in the first frames of a scroll.
let virtualRowsCode: Promise<VirtualRowsComponent> | undefined;
let virtualRows: VirtualRowsComponent | undefined;

function loadVirtualRows(): Promise<VirtualRowsComponent> {
  virtualRowsCode ??= import("./virtual-rows.tsx")
    .then(
      (module) => module.default,
      () => AllRows,
    )
    .then((component) => {
      virtualRows = component;
      return component;
    });
  return virtualRowsCode;
}

/** The component for large pages: until its code is here, the rows a first screen shows. */
function useVirtualRows(prefetch: boolean): VirtualRowsComponent {
  const [loaded, setLoaded] = useState(() => virtualRows);
  useEffect(() => {
    if (prefetch && !loaded) void loadVirtualRows().then((component) => setLoaded(() => component));
  }, [prefetch, loaded]);
  return loaded ?? RowsInFirstScreen;
}

/** Without its chunk (it failed to load) a large page is still all there, only slower. */
function AllRows({ rows, renderRow }: VirtualRowsProps) {
  return rows.map((row, index) => renderRow(row, index));
}

/** The top of a large page while its code loads: what a screen shows, a spacer for the rest. */
function RowsInFirstScreen({ rows, rowHeight, columnCount, renderRow }: VirtualRowsProps) {
  const shown = Math.ceil(window.innerHeight / rowHeight);
  return (
    <>
      {rows.slice(0, shown).map((row, index) => renderRow(row, index))}
      <SpacerRow height={(rows.length - shown) * rowHeight} columnCount={columnCount} />
    </>
  );
}

export type VirtualRowsProps = {
  rows: CallRow[];
  rowHeight: number;
  columnCount: number;
  scrollRef: RefObject<HTMLDivElement | null>;
  renderRow: (row: CallRow, index: number) => ReactNode;
};

/** Holds the height of rows not rendered, so the scrollbar and row positions stay true. */
export function SpacerRow({ height, columnCount }: { height: number; columnCount: number }) {
  if (height <= 0) return null;
  return (
    // biome-ignore lint/a11y/noAriaHiddenOnFocusable: a spacer row holds neither content nor focus
    <tr aria-hidden="true">
      <td colSpan={columnCount} style={{ height, padding: 0, border: 0 }} />
    </tr>
  );
}

function SkeletonRows({ columns, rowHeight }: { columns: number; rowHeight: number }) {
  return Array.from({ length: SKELETON_ROWS }, (_, row) => (
    // biome-ignore lint/a11y/noAriaHiddenOnFocusable: placeholder rows hold neither content nor focus
    <tr key={row} aria-hidden="true" style={{ height: rowHeight }}>
      {Array.from({ length: columns }, (_, cell) => (
        <td key={cell} className="border-b border-slate-100 px-2">
          <span
            className="block h-2.5 rounded bg-slate-200 motion-safe:animate-pulse"
            style={{ width: `${45 + ((row * 7 + cell * 13) % 45)}%` }}
          />
        </td>
      ))}
    </tr>
  ));
}

function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target.closest("[data-radix-popper-content-wrapper]")) return true;
  return ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName);
}
