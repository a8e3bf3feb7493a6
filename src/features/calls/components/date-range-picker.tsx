/**
 * The date filter: presets computed in the zone times are shown in, or a custom window to the
 * minute. The button names what is shown: a preset's name while the window still is that preset,
 * otherwise its dates.
 */
import { clsx } from "clsx";
import { CalendarDays, ChevronDown } from "lucide-react";
import { type FormEvent, useState } from "react";
import { Button, buttonClassName } from "@/components/ui/button.tsx";
import { Popover, PopoverContent, PopoverTrigger } from "@/components/ui/popover.tsx";
import { useMessages } from "@/lib/i18n/messages.ts";
import { usePreferences } from "@/lib/i18n/preferences.tsx";
import { callsMessages } from "../messages.ts";
import {
  DATE_PRESETS,
  type DateRange,
  fromLocalMinute,
  type Instants,
  matchingPreset,
  presetRange,
  rangeBetween,
  resolveRange,
  toLocalMinute,
} from "../search/date-range.ts";

/** "2026-11-24T08:30" → "24/11/2026 08:30". */
function readableMinute(minute: string, withTime: boolean): string {
  const [date = "", time = ""] = minute.split("T");
  const [year, month, day] = date.split("-");
  return `${day}/${month}/${year}${withTime ? ` ${time}` : ""}`;
}

/** The window in the reader's zone, as short as it can be said. */
export function describeWindow(
  { from, to }: Instants,
  timeZone: string,
  words: { from: string; to: string },
): string {
  const start = from === undefined ? undefined : toLocalMinute(from, timeZone);
  const end = to === undefined ? undefined : toLocalMinute(to, timeZone);
  const wholeDays = (!start || start.endsWith("T00:00")) && (!end || end.endsWith("T23:59"));
  const show = (minute: string) => readableMinute(minute, !wholeDays);
  if (start && end) {
    if (wholeDays && start.slice(0, 10) === end.slice(0, 10)) return show(start);
    return `${show(start)} – ${show(end)}`;
  }
  if (start) return `${words.from} ${show(start)}`;
  return `${words.to} ${show(end ?? "")}`;
}

export function DateRangePicker({
  range,
  onChange,
}: {
  range: DateRange;
  onChange: (range: DateRange) => void;
}) {
  const messages = useMessages(callsMessages);
  const { timeZone } = usePreferences();
  const [open, setOpen] = useState(false);
  const [invalid, setInvalid] = useState(false);
  const now = Date.now();
  const preset = matchingPreset(range, timeZone, now);
  const bounds = resolveRange(range, timeZone, now);
  const label =
    range.kind === "all"
      ? messages.allTime
      : preset
        ? messages.datePresets[preset]
        : describeWindow(bounds, timeZone, { from: messages.rangeFrom, to: messages.rangeTo });

  const choose = (next: DateRange) => {
    onChange(next);
    setOpen(false);
  };

  const applyCustom = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const read = (name: string) => {
      const value = String(form.get(name) ?? "");
      return value === "" ? undefined : fromLocalMinute(value.slice(0, 16), timeZone);
    };
    const from = read("from");
    const to = read("to");
    if (from !== undefined && to !== undefined && from > to) {
      setInvalid(true);
      return;
    }
    setInvalid(false);
    choose(rangeBetween({ from, to }));
  };

  return (
    <Popover
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        setInvalid(false);
      }}
    >
      <PopoverTrigger
        aria-label={`${messages.dateRange}: ${label}`}
        className={buttonClassName({ className: "min-w-40" })}
      >
        <CalendarDays aria-hidden="true" className="size-4 text-slate-500" />
        <span className="tabular-nums">{label}</span>
        <ChevronDown aria-hidden="true" className="ml-auto size-3.5 text-slate-500" />
      </PopoverTrigger>
      <PopoverContent aria-label={messages.dateRange} className="w-80 p-2">
        <fieldset className="grid grid-cols-2 gap-1">
          <legend className="sr-only">{messages.dateRange}</legend>
          {DATE_PRESETS.map((name) => (
            <button
              key={name}
              type="button"
              aria-pressed={preset === name}
              onClick={() => choose(presetRange(name, timeZone, now))}
              className={presetClassName(preset === name)}
            >
              {messages.datePresets[name]}
            </button>
          ))}
          <button
            type="button"
            aria-pressed={range.kind === "all"}
            onClick={() => choose({ kind: "all" })}
            className={presetClassName(range.kind === "all")}
          >
            {messages.allTime}
          </button>
        </fieldset>
        <form onSubmit={applyCustom} className="mt-2 border-t border-slate-200 pt-2" noValidate>
          <p className="mb-1.5 font-medium text-slate-700">{messages.customRange}</p>
          <div className="grid grid-cols-[auto_1fr] items-center gap-x-2 gap-y-1.5">
            <label htmlFor="calls-range-from" className="text-slate-600">
              {messages.rangeFrom}
            </label>
            <input
              id="calls-range-from"
              name="from"
              type="datetime-local"
              defaultValue={
                bounds.from === undefined ? undefined : toLocalMinute(bounds.from, timeZone)
              }
              className="h-8 rounded-md border border-slate-300 px-2 tabular-nums"
            />
            <label htmlFor="calls-range-to" className="text-slate-600">
              {messages.rangeTo}
            </label>
            <input
              id="calls-range-to"
              name="to"
              type="datetime-local"
              defaultValue={
                bounds.to === undefined ? undefined : toLocalMinute(bounds.to, timeZone)
              }
              aria-invalid={invalid || undefined}
              aria-describedby={invalid ? "calls-range-error" : undefined}
              className="h-8 rounded-md border border-slate-300 px-2 tabular-nums aria-invalid:border-red-600"
            />
          </div>
          <p className="mt-1.5 text-[12px] text-slate-500">{messages.rangeInZone(timeZone)}</p>
          {invalid && (
            <p id="calls-range-error" role="alert" className="mt-1 text-[12px] text-red-700">
              {messages.invalidRange}
            </p>
          )}
          <div className="mt-2 flex justify-end">
            <Button type="submit" variant="primary">
              {messages.applyRange}
            </Button>
          </div>
        </form>
      </PopoverContent>
    </Popover>
  );
}

function presetClassName(active: boolean) {
  return clsx(
    "h-8 rounded-md px-2 text-left hover:bg-slate-100",
    "focus-visible:outline-2 focus-visible:outline-sky-600",
    active && "bg-sky-50 font-semibold text-sky-900",
  );
}
