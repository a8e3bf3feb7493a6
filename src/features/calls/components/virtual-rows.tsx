/**
 * The rows of a large page (200 or 500 calls) as the table shows them: only those in view, with
 * spacer rows above and below keeping the table's height, so the <table> stays a real table.
 */
import { useVirtualizer } from "@tanstack/react-virtual";
import type { ReactNode, RefObject } from "react";
import type { CallRow } from "./calls-table.tsx";

export default function VirtualRows({
  rows,
  rowHeight,
  columnCount,
  scrollRef,
  renderRow,
}: {
  rows: CallRow[];
  rowHeight: number;
  columnCount: number;
  scrollRef: RefObject<HTMLDivElement | null>;
  renderRow: (row: CallRow, index: number) => ReactNode;
}) {
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    getItemKey: (index) => rows[index]?.id ?? index,
    overscan: 10,
  });
  const items = virtualizer.getVirtualItems();
  const before = items[0]?.start ?? 0;
  const after = virtualizer.getTotalSize() - (items.at(-1)?.end ?? 0);
  const spacer = (height: number, key: string) =>
    height > 0 && (
      // biome-ignore lint/a11y/noAriaHiddenOnFocusable: a spacer row holds neither content nor focus
      <tr key={key} aria-hidden="true">
        <td colSpan={columnCount} style={{ height, padding: 0, border: 0 }} />
      </tr>
    );
  return (
    <>
      {spacer(before, "before")}
      {items.map((item) => {
        const row = rows[item.index];
        return row ? renderRow(row, item.index) : null;
      })}
      {spacer(after, "after")}
    </>
  );
}
