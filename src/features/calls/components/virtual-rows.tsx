/**
 * The rows of a large page (200 or 500 calls) as the table shows them: only those in view, with
 * spacer rows above and below keeping the table's height, so the <table> stays a real table.
 */
import { useVirtualizer } from "@tanstack/react-virtual";
import { SpacerRow, type VirtualRowsProps } from "./calls-table.tsx";

export default function VirtualRows({
  rows,
  rowHeight,
  columnCount,
  scrollRef,
  renderRow,
}: VirtualRowsProps) {
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
  return (
    <>
      <SpacerRow key="before" height={before} columnCount={columnCount} />
      {items.map((item) => {
        const row = rows[item.index];
        return row ? renderRow(row, item.index) : null;
      })}
      <SpacerRow key="after" height={after} columnCount={columnCount} />
    </>
  );
}
