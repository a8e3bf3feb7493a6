/**
 * A filter button that opens a list of options to tick. Long lists get a search box (cmdk) that
 * matches with or without Vietnamese diacritics ("duc" finds "Đức") and on each option's hint
 * (an agent's extension); short lists are plain checkboxes.
 */
import { clsx } from "clsx";
import { ChevronDown } from "lucide-react";
import { lazy, type ReactNode, Suspense } from "react";
import { buttonClassName } from "./button.tsx";
import { Popover, PopoverContent, PopoverTrigger } from "./popover.tsx";

const loadSearchableOptions = () => import("./searchable-options.tsx");
// The search list (cmdk) loads when a searchable filter is first approached, not with the page.
const SearchableOptions = lazy(loadSearchableOptions);

export type SelectOption = {
  value: string;
  label: string;
  /** Shown after the label, and searched too (an extension, a code). */
  hint?: string;
  icon?: ReactNode;
};

export type MultiSelectProps = {
  label: string;
  options: readonly SelectOption[];
  selected: readonly string[];
  onChange: (values: string[]) => void;
  /** Gives the list a search box with this label. */
  searchLabel?: string;
  noMatchText: string;
  clearText: string;
  selectedCountText: (count: number) => string;
};

export function MultiSelect({
  label,
  options,
  selected,
  onChange,
  searchLabel,
  noMatchText,
  clearText,
  selectedCountText,
}: MultiSelectProps) {
  const chosen = new Set(selected);
  const toggle = (value: string) => {
    const next = new Set(chosen);
    if (next.has(value)) next.delete(value);
    else next.add(value);
    onChange([...next].sort());
  };

  return (
    <Popover>
      <PopoverTrigger
        onPointerEnter={searchLabel ? loadSearchableOptions : undefined}
        onFocus={searchLabel ? loadSearchableOptions : undefined}
        aria-label={chosen.size > 0 ? `${label} ${selectedCountText(chosen.size)}` : undefined}
        className={buttonClassName({
          className: clsx(chosen.size > 0 && "border-sky-600 bg-sky-50 text-sky-900"),
        })}
      >
        {label}{" "}
        {chosen.size > 0 && (
          <span className="rounded bg-sky-700 px-1.5 text-[11px] leading-4 text-white tabular-nums">
            {chosen.size}
          </span>
        )}
        <ChevronDown aria-hidden="true" className="size-3.5 text-slate-500" />
      </PopoverTrigger>
      <PopoverContent aria-label={label} className="w-72 p-1">
        {searchLabel ? (
          <Suspense fallback={<p className="px-2 py-3 text-slate-500">…</p>}>
            <SearchableOptions
              label={label}
              searchLabel={searchLabel}
              noMatchText={noMatchText}
              options={options}
              chosen={chosen}
              onToggle={toggle}
            />
          </Suspense>
        ) : (
          <fieldset>
            <legend className="sr-only">{label}</legend>
            {options.map((option) => (
              <label
                key={option.value}
                className="flex cursor-pointer items-center gap-2 rounded px-2 py-1.5 hover:bg-slate-100 has-focus-visible:bg-slate-100"
              >
                <input
                  type="checkbox"
                  className="size-3.5 accent-sky-700"
                  checked={chosen.has(option.value)}
                  onChange={() => toggle(option.value)}
                />
                {option.icon}
                <span className="flex-1">{option.label}</span>
                {option.hint && <span className="text-slate-500">{option.hint}</span>}
              </label>
            ))}
          </fieldset>
        )}
        {chosen.size > 0 && (
          <button
            type="button"
            onClick={() => onChange([])}
            className="mt-1 w-full rounded border-t border-slate-100 px-2 py-1.5 text-left text-sky-800 hover:bg-slate-100"
          >
            {clearText}
          </button>
        )}
      </PopoverContent>
    </Popover>
  );
}
