/** The active filters as chips, each removable, and the one action that resets everything. */
import { RotateCcw, X } from "lucide-react";
import { Button } from "@/components/ui/button.tsx";
import { formatDuration } from "@/lib/format.ts";
import { useMessages } from "@/lib/i18n/messages.ts";
import { callsMessages } from "../messages.ts";
import {
  type CallFilters,
  type CallsSearch,
  EMPTY_FILTERS,
  FLAG_FILTER_KEYS,
  LIST_FILTER_KEYS,
  type ListFilterKey,
} from "../search/calls-search.ts";
import { updateCallFilters, updateCallsSearch } from "../search/use-calls-search.ts";
import { type FilterOptionLists, optionLabel } from "./filter-options.tsx";

type Chip = { id: string; label: string; remove: (filters: CallFilters) => CallFilters };

const SHOWN_VALUES = 2;

export function FilterChips({
  search,
  options,
}: {
  search: CallsSearch;
  options: FilterOptionLists;
}) {
  const messages = useMessages(callsMessages);
  const { filters } = search;
  const listLabels: Record<ListFilterKey, string> = {
    status: messages.status,
    direction: messages.direction,
    sip_user: messages.agents,
    sip_number: messages.hotlines,
    tag: messages.tags,
    provider: messages.providers,
    hangup_cause: messages.hangupCauses,
  };

  const chips: Chip[] = [];
  if (filters.keyword) {
    chips.push({
      id: "keyword",
      label: `${messages.keyword}: “${filters.keyword}”`,
      remove: (current) => ({ ...current, keyword: undefined }),
    });
  }
  for (const key of LIST_FILTER_KEYS) {
    const values = filters[key];
    if (values.length === 0) continue;
    const names = values.slice(0, SHOWN_VALUES).map((value) => optionLabel(options[key], value));
    const more = values.length > SHOWN_VALUES ? ` +${values.length - SHOWN_VALUES}` : "";
    chips.push({
      id: key,
      label: `${listLabels[key]}: ${names.join(", ")}${more}`,
      remove: (current) => ({ ...current, [key]: [] }),
    });
  }
  if (filters.min_duration !== undefined || filters.max_duration !== undefined) {
    const bound = (seconds: number | undefined) =>
      seconds === undefined ? undefined : formatDuration(seconds);
    chips.push({
      id: "duration",
      label: `${messages.duration}: ${messages.durationChip(bound(filters.min_duration), bound(filters.max_duration))}`,
      remove: (current) => ({ ...current, min_duration: undefined, max_duration: undefined }),
    });
  }
  for (const key of FLAG_FILTER_KEYS) {
    const value = filters[key];
    if (value === undefined) continue;
    chips.push({
      id: key,
      label: `${messages.flags[key]}: ${value ? messages.yes : messages.no}`,
      remove: (current) => ({ ...current, [key]: undefined }),
    });
  }

  if (chips.length === 0 && search.range.kind === "default") return null;
  return (
    <div className="mt-2 flex flex-wrap items-center gap-1.5">
      {chips.length > 0 && (
        <ul aria-label={messages.activeFilters} className="flex flex-wrap items-center gap-1.5">
          {chips.map((chip) => (
            <li
              key={chip.id}
              className="inline-flex h-6 items-center gap-0.5 rounded-full border border-sky-200 bg-sky-50 pr-0.5 pl-2.5 text-[12px] text-sky-950"
            >
              <span className="max-w-80 truncate">{chip.label}</span>
              <button
                type="button"
                aria-label={messages.removeFilter(chip.label)}
                onClick={() => updateCallFilters(chip.remove)}
                className="flex size-5 items-center justify-center rounded-full text-sky-800 hover:bg-sky-200 focus-visible:outline-2 focus-visible:outline-sky-600"
              >
                <X aria-hidden="true" className="size-3" />
              </button>
            </li>
          ))}
        </ul>
      )}
      <Button
        variant="ghost"
        className="h-6 px-2 text-[12px] text-sky-800"
        onClick={() =>
          updateCallsSearch((current) => ({
            ...current,
            filters: EMPTY_FILTERS,
            range: { kind: "default" },
            page: 1,
          }))
        }
      >
        <RotateCcw aria-hidden="true" className="size-3" />
        {messages.resetAll}
      </Button>
    </div>
  );
}
