/**
 * The calls table's columns, defined once at module scope. Sortable columns are named after the
 * list endpoint's sort fields, so the table's sorting state and the URL's `sort` map one to one.
 * Cells are small components: they read the language and time zone from context.
 */

import {
  columnVisibilityFeature,
  createColumnHelper,
  metaHelper,
  rowPaginationFeature,
  rowSortingFeature,
  tableFeatures,
} from "@tanstack/react-table";
import { clsx } from "clsx";
import {
  ArrowLeftRight,
  LoaderCircle,
  type LucideIcon,
  Pause,
  PhoneIncoming,
  PhoneOutgoing,
  Play,
} from "lucide-react";
import { createContext, useContext } from "react";
import { StatusBadge } from "@/components/ui/call-status-badge.tsx";
import { type CallDirection, type CallListItem, NO_AGENT_CREATOR_NAME } from "@/contract/call.ts";
import { hasRecording } from "@/contract/call-derivations.ts";
import { CALL_SORT_FIELDS, type CallSortField } from "@/contract/call-list-query.ts";
import { CALL_DIRECTION_LABELS } from "@/lib/call-vocabulary.ts";
import {
  formatDateTime,
  formatDuration,
  formatPhoneNumber,
  formatRecentDateTime,
  formatVnd,
} from "@/lib/format.ts";
import { useMessages } from "@/lib/i18n/messages.ts";
import { usePreferences } from "@/lib/i18n/preferences.tsx";
import { callsMessages, HANGUP_CAUSE_LABELS, providerName } from "../messages.ts";
import { toggleRecording, useRecordingState } from "./recording-player.ts";

export type CallColumnMeta = {
  /** Width in CSS pixels; the table lays out with fixed widths so rows never reflow. */
  width: number;
  /** Numbers are right-aligned. */
  align?: "end" | "center";
};

/**
 * Whether the row a cell is in is the table's active row (the one Tab lands on): controls inside
 * other rows stay out of the Tab order, so Tab does not walk through 50 play buttons.
 */
export const ActiveRowContext = createContext(true);

/** Tag id → name, from /api/filters; context so that memoized rows follow it when it loads. */
export const TagNamesContext = createContext<ReadonlyMap<string, string>>(new Map());

export const callTableFeatures = tableFeatures({
  rowSortingFeature,
  rowPaginationFeature,
  columnVisibilityFeature,
  columnMeta: metaHelper<CallColumnMeta>(),
});
type Features = typeof callTableFeatures;

const column = createColumnHelper<Features, CallListItem>();

export const callColumns = column.columns([
  column.accessor("time_start_call", {
    cell: (context) => <StartTime seconds={context.getValue()} />,
    sortDescFirst: true,
    enableHiding: false,
    meta: { width: 112 },
  }),
  column.accessor("direction", {
    cell: (context) => <Direction direction={context.getValue()} />,
    enableSorting: false,
    meta: { width: 84 },
  }),
  column.accessor("status", {
    cell: (context) => <StatusBadge status={context.getValue()} />,
    enableSorting: false,
    meta: { width: 124 },
  }),
  column.display({
    id: "customer",
    cell: (context) => <Customer call={context.row.original} />,
    meta: { width: 220 },
  }),
  column.display({
    id: "agent",
    cell: (context) => <Agent call={context.row.original} />,
    meta: { width: 180 },
  }),
  column.accessor("sip_number", {
    id: "hotline",
    cell: (context) => (
      <span className="tabular-nums">{formatPhoneNumber(context.getValue())}</span>
    ),
    enableSorting: false,
    meta: { width: 124 },
  }),
  column.accessor("duration", {
    cell: (context) => formatDuration(context.getValue()),
    sortDescFirst: true,
    meta: { width: 104, align: "end" },
  }),
  column.accessor("bill_sec", {
    cell: (context) => formatDuration(context.getValue()),
    sortDescFirst: true,
    meta: { width: 96, align: "end" },
  }),
  column.accessor("answer_sec", {
    cell: (context) => <Wait call={context.row.original} />,
    sortDescFirst: true,
    meta: { width: 64, align: "end" },
  }),
  column.display({
    id: "recording",
    cell: (context) => <RecordingCell call={context.row.original} />,
    meta: { width: 76, align: "center" },
  }),
  column.accessor("hangup_cause", {
    cell: (context) => <HangupCause cause={context.getValue()} />,
    enableSorting: false,
    meta: { width: 150 },
  }),
  column.accessor("tag", {
    id: "tags",
    cell: (context) => <Tags tags={context.getValue()} />,
    enableSorting: false,
    meta: { width: 126 },
  }),
  column.accessor("call_out_price", {
    cell: (context) => <Price amount={context.getValue()} />,
    sortDescFirst: true,
    meta: { width: 80, align: "end" },
  }),
  column.accessor("provider", {
    cell: (context) => providerName(context.getValue()),
    enableSorting: false,
    meta: { width: 100 },
  }),
]);

export function isSortField(columnId: string): columnId is CallSortField {
  return (CALL_SORT_FIELDS as readonly string[]).includes(columnId);
}

const muted = "text-slate-500";

function StartTime({ seconds }: { seconds: number }) {
  const { timeZone } = usePreferences();
  return (
    <span className="tabular-nums" title={formatDateTime(seconds, timeZone)}>
      {formatRecentDateTime(seconds, timeZone)}
    </span>
  );
}

const DIRECTION_ICONS: Record<CallDirection, LucideIcon> = {
  inbound: PhoneIncoming,
  outbound: PhoneOutgoing,
  local: ArrowLeftRight,
};

export function Direction({ direction }: { direction: CallDirection }) {
  const { language } = usePreferences();
  const Icon = DIRECTION_ICONS[direction];
  return (
    <span className="inline-flex items-center gap-1.5">
      <Icon aria-hidden="true" className="size-3.5 shrink-0 text-slate-500" />
      {CALL_DIRECTION_LABELS[language][direction]}
    </span>
  );
}

/** The phone number first (what supervisors scan for), then the name when the store knows it. */
function Customer({ call }: { call: CallListItem }) {
  const messages = useMessages(callsMessages);
  const name = call.customer?.full_name;
  return (
    <span className="flex min-w-0 items-baseline gap-2">
      <span className="shrink-0 tabular-nums">{formatPhoneNumber(call.phone_number)}</span>
      <span className={clsx("truncate", name ? "text-slate-600" : muted)} title={name ?? undefined}>
        {name || messages.unknownCustomer}
      </span>
    </span>
  );
}

export function agentName(call: CallListItem): string | undefined {
  const fromUsers = call.user.find((user) => user.full_name)?.full_name;
  if (fromUsers) return fromUsers;
  const creator = call.create_by?.name;
  return creator && creator !== NO_AGENT_CREATOR_NAME ? creator : undefined;
}

function Agent({ call }: { call: CallListItem }) {
  const messages = useMessages(callsMessages);
  const name = agentName(call);
  if (!name && !call.sip_user) return <span className={muted}>{messages.noAgent}</span>;
  return (
    <span className="flex min-w-0 items-baseline gap-2">
      <span className="truncate" title={name}>
        {name}
      </span>
      {call.sip_user && (
        <span className="shrink-0 text-slate-500 tabular-nums">{call.sip_user}</span>
      )}
    </span>
  );
}

/** How long the caller waited for an answer; a call nobody answered has no such wait. */
function Wait({ call }: { call: CallListItem }) {
  if (call.answer_sec > 0 || call.status === "answered") return formatDuration(call.answer_sec);
  return <span className={muted}>–</span>;
}

function HangupCause({ cause }: { cause: string | null }) {
  const labels = useMessages(HANGUP_CAUSE_LABELS);
  if (!cause) return null;
  return <span title={cause}>{labels[cause] ?? cause}</span>;
}

function Tags({ tags }: { tags: string[] }) {
  const tagNames = useContext(TagNamesContext);
  if (tags.length === 0) return null;
  return (
    <span className="flex min-w-0 gap-1 overflow-hidden">
      {tags.map((id) => (
        <span
          key={id}
          className="truncate rounded bg-slate-100 px-1.5 text-[12px] leading-[18px] text-slate-700"
        >
          {tagNames.get(id) ?? id}
        </span>
      ))}
    </span>
  );
}

function Price({ amount }: { amount: number }) {
  const { language } = usePreferences();
  return <span className={amount === 0 ? muted : undefined}>{formatVnd(amount, language)}</span>;
}

/** Who the call was with, for labels such as "Play the recording of the call with …". */
export function callCounterpart(call: CallListItem): string {
  return call.customer?.full_name || formatPhoneNumber(call.phone_number) || call.transaction_id;
}

function RecordingCell({ call }: { call: CallListItem }) {
  const messages = useMessages(callsMessages);
  const { status, position } = useRecordingState(call.transaction_id);
  const inActiveRow = useContext(ActiveRowContext);
  if (!hasRecording(call)) {
    return (
      <span className={muted}>
        <span aria-hidden="true">–</span>
        <span className="sr-only">{messages.noRecording}</span>
      </span>
    );
  }
  const playing = status === "playing" || status === "loading";
  const who = callCounterpart(call);
  const time =
    status === "idle" || status === "error"
      ? formatDuration(call.record_seconds)
      : formatDuration(position);
  const Icon = status === "loading" ? LoaderCircle : playing ? Pause : Play;
  return (
    <button
      type="button"
      aria-label={playing ? messages.pauseRecording(time, who) : messages.playRecording(time, who)}
      aria-pressed={playing}
      tabIndex={inActiveRow || playing ? 0 : -1}
      title={status === "error" ? messages.recordingFailed : undefined}
      onClick={(event) => {
        // The row opens the call on click; the button only plays.
        event.stopPropagation();
        toggleRecording(call.transaction_id);
      }}
      onKeyDown={(event) => event.stopPropagation()}
      className={clsx(
        "inline-flex h-5 items-center gap-1 rounded px-1 tabular-nums hover:bg-sky-100",
        "focus-visible:outline-2 focus-visible:outline-sky-600",
        status === "error" ? "text-red-700" : "text-sky-800",
      )}
    >
      <Icon
        aria-hidden="true"
        className={clsx("size-3.5", status === "loading" && "animate-spin")}
        fill={Icon === LoaderCircle ? "none" : "currentColor"}
      />
      <span className="text-[12px]">{time}</span>
    </button>
  );
}
