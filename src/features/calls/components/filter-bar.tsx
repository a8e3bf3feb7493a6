/**
 * The filter bar: the date window first, then the filters supervisors use most (search, outcome,
 * direction, agents, hotlines); "More filters" opens the rest below. Active filters show as
 * chips that remove themselves; one button resets them all. Every change goes to the URL.
 */
import { clsx } from "clsx";
import { SlidersHorizontal } from "lucide-react";
import { type ReactNode, useState } from "react";
import { Button } from "@/components/ui/button.tsx";
import { MultiSelect } from "@/components/ui/multi-select.tsx";
import { formatDuration } from "@/lib/format.ts";
import { useMessages } from "@/lib/i18n/messages.ts";
import { useDraft } from "@/lib/use-draft.ts";
import { callsMessages } from "../messages.ts";
import {
  type CallFilters,
  type CallsSearch,
  FLAG_FILTER_KEYS,
  type FlagFilterKey,
  type ListFilterKey,
} from "../search/calls-search.ts";
import { updateCallFilters, updateCallsSearch } from "../search/use-calls-search.ts";
import { DateRangePicker } from "./date-range-picker.tsx";
import { FilterChips } from "./filter-chips.tsx";
import type { FilterOptionLists } from "./filter-options.tsx";
import { KeywordSearch } from "./keyword-search.tsx";

const MORE_LIST_FILTERS = ["tag", "provider", "hangup_cause"] as const;

function countMoreFilters(filters: CallFilters): number {
  return (
    MORE_LIST_FILTERS.filter((key) => filters[key].length > 0).length +
    FLAG_FILTER_KEYS.filter((key) => filters[key] !== undefined).length +
    (filters.min_duration !== undefined || filters.max_duration !== undefined ? 1 : 0)
  );
}

/** "90", "1:30" or "1:02:03" → seconds; undefined for anything else. */
export function parseDurationInput(text: string): number | undefined {
  const trimmed = text.trim();
  if (!/^\d+(:\d{1,2}){0,2}$/.test(trimmed)) return undefined;
  return trimmed.split(":").reduce((total, part) => total * 60 + Number(part), 0);
}

export function FilterBar({
  search,
  options,
  tools,
}: {
  search: CallsSearch;
  options: FilterOptionLists;
  /** View tools (columns, density, export) at the end of the first line. */
  tools: ReactNode;
}) {
  const messages = useMessages(callsMessages);
  const { filters } = search;
  const moreCount = countMoreFilters(filters);
  const [moreOpen, setMoreOpen] = useState(false);

  const listFilter = (key: ListFilterKey, label: string, searchLabel?: string) => (
    <MultiSelect
      label={label}
      options={options[key]}
      selected={filters[key]}
      onChange={(values) => updateCallFilters((current) => ({ ...current, [key]: values }))}
      searchLabel={searchLabel}
      noMatchText={messages.noOptionMatches}
      clearText={messages.clearSelection}
      selectedCountText={messages.selectedCount}
    />
  );

  return (
    <section
      aria-label={messages.filtersRegion}
      className="shrink-0 border-b border-slate-200 bg-white px-3 py-2"
    >
      <div className="flex flex-wrap items-center gap-2">
        <DateRangePicker
          range={search.range}
          onChange={(range) => updateCallsSearch((current) => ({ ...current, range, page: 1 }))}
        />
        <KeywordSearch
          keyword={filters.keyword}
          onSearch={(keyword, navigation) =>
            updateCallFilters((current) => ({ ...current, keyword }), navigation)
          }
        />
        {listFilter("status", messages.status)}
        {listFilter("direction", messages.direction)}
        {listFilter("sip_user", messages.agents, messages.agentsSearch)}
        {listFilter("sip_number", messages.hotlines, messages.hotlinesSearch)}
        <Button
          aria-expanded={moreOpen}
          aria-controls="calls-more-filters"
          aria-label={
            moreCount > 0
              ? `${messages.moreFilters} ${messages.selectedCount(moreCount)}`
              : undefined
          }
          onClick={() => setMoreOpen(!moreOpen)}
          className={clsx(moreCount > 0 && "border-sky-600 text-sky-900")}
        >
          <SlidersHorizontal aria-hidden="true" className="size-3.5 text-slate-500" />
          {messages.moreFilters}{" "}
          {moreCount > 0 && (
            <span className="rounded bg-sky-700 px-1.5 text-[11px] leading-4 text-white tabular-nums">
              {moreCount}
            </span>
          )}
        </Button>
        <div className="ml-auto flex items-center gap-1.5">{tools}</div>
      </div>
      <div
        id="calls-more-filters"
        hidden={!moreOpen}
        className="mt-2 flex flex-wrap items-center gap-x-3 gap-y-2"
      >
        {listFilter("tag", messages.tags, messages.tagsSearch)}
        {listFilter("provider", messages.providers)}
        {listFilter("hangup_cause", messages.hangupCauses, messages.hangupCausesSearch)}
        <DurationRange min={filters.min_duration} max={filters.max_duration} />
        {FLAG_FILTER_KEYS.map((key) => (
          <FlagSelect key={key} name={key} value={filters[key]} />
        ))}
      </div>
      <FilterChips search={search} options={options} />
    </section>
  );
}

function DurationRange({ min, max }: { min?: number; max?: number }) {
  const messages = useMessages(callsMessages);
  return (
    <fieldset className="flex items-center gap-1.5">
      <legend className="float-left mr-1 text-[13px] text-slate-600">{messages.duration}</legend>
      <DurationInput bound="min_duration" value={min} label={messages.minDuration} other={max} />
      <span aria-hidden="true" className="text-slate-400">
        –
      </span>
      <DurationInput bound="max_duration" value={max} label={messages.maxDuration} other={min} />
    </fieldset>
  );
}

function DurationInput({
  bound,
  value,
  other,
  label,
}: {
  bound: "min_duration" | "max_duration";
  value: number | undefined;
  other: number | undefined;
  label: string;
}) {
  const messages = useMessages(callsMessages);
  const shown = value === undefined ? "" : formatDuration(value);
  const [draft, setDraft] = useDraft(
    shown,
    (text, source) => parseDurationInput(text) === parseDurationInput(source),
  );
  const parsed = parseDurationInput(draft);
  const contradicts =
    parsed !== undefined &&
    other !== undefined &&
    (bound === "min_duration" ? parsed > other : parsed < other);
  const invalid = (draft.trim() !== "" && parsed === undefined) || contradicts;

  const apply = () => {
    if (invalid || parsed === value) return;
    updateCallFilters((current) => ({ ...current, [bound]: parsed }));
  };

  return (
    <input
      type="text"
      inputMode="numeric"
      aria-label={`${label} (${messages.durationHint})`}
      aria-invalid={invalid || undefined}
      placeholder={bound === "min_duration" ? "0:00" : "∞"}
      value={draft}
      onChange={(event) => setDraft(event.target.value)}
      onBlur={apply}
      onKeyDown={(event) => {
        if (event.key === "Enter") apply();
      }}
      className="h-8 w-16 rounded-md border border-slate-300 px-2 text-right text-[13px] tabular-nums focus:border-sky-600 focus:outline-none aria-invalid:border-red-600"
    />
  );
}

function FlagSelect({ name, value }: { name: FlagFilterKey; value: boolean | undefined }) {
  const messages = useMessages(callsMessages);
  return (
    <label className="flex items-center gap-1.5 text-[13px] text-slate-600">
      {messages.flags[name]}
      <select
        value={value === undefined ? "" : String(value)}
        onChange={(event) => {
          const choice = event.target.value;
          updateCallFilters((current) => ({
            ...current,
            [name]: choice === "" ? undefined : choice === "true",
          }));
        }}
        className={clsx(
          "h-8 rounded-md border bg-white px-1.5 text-slate-800",
          value === undefined ? "border-slate-300" : "border-sky-600 bg-sky-50",
        )}
      >
        <option value="">{messages.flagAny}</option>
        <option value="true">{messages.flagYes}</option>
        <option value="false">{messages.flagNo}</option>
      </select>
    </label>
  );
}
