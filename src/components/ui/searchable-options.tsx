/**
 * The searchable option list of a multi-select (cmdk): arrow keys move, Enter ticks, and typing
 * matches with or without Vietnamese diacritics ("duc" finds "Đức") and on each option's hint
 * (an agent's extension). Loaded on demand by multi-select.tsx.
 */
import { clsx } from "clsx";
import { Command } from "cmdk";
import { Check } from "lucide-react";
import { foldDiacritics } from "@/lib/fold-diacritics.ts";
import type { SelectOption } from "./multi-select.tsx";

function matchesFolded(value: string, search: string, keywords: string[] = []): number {
  const needle = foldDiacritics(search.trim());
  if (needle === "") return 1;
  return foldDiacritics([value, ...keywords].join(" ")).includes(needle) ? 1 : 0;
}

export default function SearchableOptions({
  label,
  searchLabel,
  noMatchText,
  options,
  chosen,
  onToggle,
}: {
  label: string;
  searchLabel: string;
  noMatchText: string;
  options: readonly SelectOption[];
  chosen: ReadonlySet<string>;
  onToggle: (value: string) => void;
}) {
  return (
    <Command filter={matchesFolded} label={searchLabel} loop>
      <Command.Input
        // This list may arrive after the popover opened (loaded on demand): take the focus then.
        ref={(input) => input?.focus()}
        aria-label={searchLabel}
        placeholder={searchLabel}
        className="mb-1 h-8 w-full rounded-md border border-slate-300 px-2 text-[13px] outline-none focus:border-sky-600"
      />
      <Command.List className="max-h-72 overflow-auto" label={label}>
        <Command.Empty className="px-2 py-3 text-slate-500">{noMatchText}</Command.Empty>
        {options.map((option) => (
          <Command.Item
            key={option.value}
            value={option.value}
            keywords={[option.label, option.hint ?? ""]}
            onSelect={() => onToggle(option.value)}
            aria-checked={chosen.has(option.value)}
            className="flex cursor-pointer items-center gap-2 rounded px-2 py-1.5 data-[selected=true]:bg-slate-100"
          >
            <CheckMark checked={chosen.has(option.value)} />
            {option.icon}
            <span className="min-w-0 flex-1 truncate">{option.label}</span>
            {option.hint && <span className="text-slate-500 tabular-nums">{option.hint}</span>}
          </Command.Item>
        ))}
      </Command.List>
    </Command>
  );
}

function CheckMark({ checked }: { checked: boolean }) {
  return (
    <span
      aria-hidden="true"
      className={clsx(
        "flex size-3.5 shrink-0 items-center justify-center rounded-sm border",
        checked ? "border-sky-700 bg-sky-700 text-white" : "border-slate-400 bg-white",
      )}
    >
      {checked && <Check className="size-3" strokeWidth={3} />}
    </span>
  );
}
