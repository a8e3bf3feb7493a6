/** The table's view tools: which columns, how dense, and the CSV export of the whole result. */
import type { ReactTable } from "@tanstack/react-table";
import { Columns3, Download, Rows3, Rows4 } from "lucide-react";
import { Button, buttonClassName } from "@/components/ui/button.tsx";
import { Popover, PopoverContent, PopoverTrigger } from "@/components/ui/popover.tsx";
import type { CallListItem } from "@/contract/call.ts";
import { useMessages } from "@/lib/i18n/messages.ts";
import { type CallColumnId, callsMessages } from "../messages.ts";
import type { Density } from "../table-preferences.ts";
import type { callTableFeatures } from "./call-columns.tsx";

export function ColumnChooser({
  table,
}: {
  table: ReactTable<typeof callTableFeatures, CallListItem>;
}) {
  const messages = useMessages(callsMessages);
  return (
    <Popover>
      <PopoverTrigger className={buttonClassName({})}>
        <Columns3 aria-hidden="true" className="size-4 text-slate-500" />
        {messages.chooseColumns}
      </PopoverTrigger>
      <PopoverContent aria-label={messages.chooseColumns} align="end" className="w-56 p-1">
        <fieldset>
          <legend className="sr-only">{messages.chooseColumns}</legend>
          {table.getAllLeafColumns().map((column) => (
            <label
              key={column.id}
              className="flex cursor-pointer items-center gap-2 rounded px-2 py-1.5 hover:bg-slate-100 has-disabled:cursor-default has-disabled:text-slate-400"
            >
              <input
                type="checkbox"
                className="size-3.5 accent-sky-700"
                checked={column.getIsVisible()}
                disabled={!column.getCanHide()}
                onChange={(event) => column.toggleVisibility(event.target.checked)}
              />
              {messages.columns[column.id as CallColumnId] ?? column.id}
            </label>
          ))}
        </fieldset>
      </PopoverContent>
    </Popover>
  );
}

export function DensityToggle({
  density,
  onChange,
}: {
  density: Density;
  onChange: (density: Density) => void;
}) {
  const messages = useMessages(callsMessages);
  const choices = [
    { value: "compact", label: messages.densityCompact, Icon: Rows4 },
    { value: "comfortable", label: messages.densityComfortable, Icon: Rows3 },
  ] as const;
  return (
    <fieldset className="flex rounded-md border border-slate-300 bg-white p-px">
      <legend className="sr-only">{messages.density}</legend>
      {choices.map(({ value, label, Icon }) => (
        <Button
          key={value}
          variant="ghost"
          size="icon"
          className="size-[30px] rounded-[5px]"
          aria-label={label}
          title={`${messages.density}: ${label}`}
          aria-pressed={density === value}
          onClick={() => onChange(value)}
        >
          <Icon aria-hidden="true" className="size-4" />
        </Button>
      ))}
    </fieldset>
  );
}

export function ExportLink({ href }: { href: string }) {
  const messages = useMessages(callsMessages);
  return (
    <a href={href} download className={buttonClassName({})} title={messages.exportHint}>
      <Download aria-hidden="true" className="size-4 text-slate-500" />
      {messages.exportCsv}
    </a>
  );
}
