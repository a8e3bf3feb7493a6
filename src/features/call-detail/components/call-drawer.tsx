/**
 * The call drawer: one call's facts, its recording and its legs, beside the table. It is a
 * non-modal dialog (the table stays usable): focus moves into it on open and back on close; Esc
 * closes; Alt+↑ / Alt+↓ step to the previous / next call without closing.
 */
import { useQuery } from "@tanstack/react-query";
import { ChevronDown, ChevronUp, X } from "lucide-react";
import { type ReactNode, useEffect, useRef } from "react";
import type { CallLeg, CallListItem } from "@/contract/call.ts";
import { ApiError } from "@/lib/api-client.ts";
import { CALL_DIRECTION_LABELS, CALL_STATUS_LABELS } from "@/lib/call-vocabulary.ts";
import { formatDateTime, formatDuration, formatPhoneNumber, formatVnd } from "@/lib/format.ts";
import { useMessages } from "@/lib/i18n/messages.ts";
import { usePreferences } from "@/lib/i18n/preferences.tsx";
import { callDetailQueries } from "../api/call-detail-queries.ts";
import { callDetailMessages } from "../messages.ts";

export type CallDrawerProps = {
  transactionId: string;
  initialTime: number | undefined;
  onClose: () => void;
  onNavigate: (direction: "next" | "previous") => void;
};

export function CallDrawer({ transactionId, initialTime, onClose, onNavigate }: CallDrawerProps) {
  const messages = useMessages(callDetailMessages);
  const detail = useQuery(callDetailQueries.detail(transactionId));
  const dialogRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const previouslyFocused =
      document.activeElement instanceof HTMLElement ? document.activeElement : null;
    dialogRef.current?.focus();
    return () => previouslyFocused?.focus();
  }, []);

  const onKeyDown = (event: React.KeyboardEvent) => {
    if (event.key === "Escape") {
      event.stopPropagation();
      onClose();
    } else if (event.altKey && (event.key === "ArrowDown" || event.key === "ArrowUp")) {
      event.preventDefault();
      onNavigate(event.key === "ArrowDown" ? "next" : "previous");
    }
  };

  return (
    <div
      ref={dialogRef}
      role="dialog"
      aria-modal="false"
      aria-label={messages.title}
      tabIndex={-1}
      onKeyDown={onKeyDown}
      className="flex h-full min-h-0 flex-col outline-none"
    >
      <header className="flex items-center gap-1 border-b border-slate-200 px-3 py-2">
        <h2 className="mr-auto text-sm font-semibold">{messages.title}</h2>
        <IconButton label={messages.previous} onClick={() => onNavigate("previous")}>
          <ChevronUp className="size-4" aria-hidden />
        </IconButton>
        <IconButton label={messages.next} onClick={() => onNavigate("next")}>
          <ChevronDown className="size-4" aria-hidden />
        </IconButton>
        <IconButton label={messages.close} onClick={onClose}>
          <X className="size-4" aria-hidden />
        </IconButton>
      </header>
      <div className="min-h-0 flex-1 overflow-y-auto px-4 py-3 text-[13px]">
        {detail.isPending ? (
          <p role="status">{messages.loading}</p>
        ) : detail.isError ? (
          <div role="alert" className="space-y-2">
            <p>
              {detail.error instanceof ApiError && detail.error.status === 404
                ? messages.notFound
                : messages.failed}
            </p>
            <button
              type="button"
              className="rounded border px-2 py-1"
              onClick={() => detail.refetch()}
            >
              {messages.retry}
            </button>
          </div>
        ) : (
          <CallDetails
            call={detail.data.payload}
            legs={detail.data.call_stacks}
            initialTime={initialTime}
          />
        )}
      </div>
    </div>
  );
}

function IconButton({
  label,
  onClick,
  children,
}: {
  label: string;
  onClick: () => void;
  children: ReactNode;
}) {
  return (
    <button
      type="button"
      aria-label={label}
      title={label}
      onClick={onClick}
      className="rounded p-1.5 text-slate-600 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-teal-600"
    >
      {children}
    </button>
  );
}

function CallDetails({
  call,
  legs,
  initialTime,
}: {
  call: CallListItem;
  legs: CallLeg[];
  initialTime: number | undefined;
}) {
  const messages = useMessages(callDetailMessages);
  const { language, timeZone } = usePreferences();
  const field = messages.fields;
  const agentName =
    call.create_by?.name && call.create_by.name !== "create_default_by_tenant"
      ? call.create_by.name
      : call.user[0]?.full_name;
  const rows: [string, ReactNode][] = [
    [
      field.start,
      formatDateTime(
        call.time_start_call > 1e12 ? call.time_start_call / 1000 : call.time_start_call,
        timeZone,
      ),
    ],
    [field.direction, CALL_DIRECTION_LABELS[language][call.direction]],
    [field.status, CALL_STATUS_LABELS[language][call.status]],
    [field.customer, call.customer?.full_name ?? "—"],
    [field.phone, formatPhoneNumber(call.phone_number) || "—"],
    [field.agent, agentName ? `${agentName}${call.sip_user ? ` (${call.sip_user})` : ""}` : "—"],
    [field.hotline, formatPhoneNumber(call.sip_number) || "—"],
    [field.duration, formatDuration(call.duration)],
    [field.talk, formatDuration(call.bill_sec)],
    [field.wait, formatDuration(call.answer_sec)],
    [field.price, formatVnd(call.call_out_price, language)],
    [field.hangup, call.hangup_cause ?? "—"],
    [field.endedBy, call.endby_name ?? "—"],
    [field.note, call.note ?? "—"],
    [field.id, <span className="font-mono text-xs">{call.transaction_id}</span>],
  ];
  const hasRecording =
    Boolean(call.recording_file_url || call.recording_file) && call.record_seconds > 0;
  return (
    <div className="space-y-4">
      <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1">
        {rows.map(([label, value]) => (
          <div key={label} className="contents">
            <dt className="text-slate-500">{label}</dt>
            <dd className="tabular-nums">{value}</dd>
          </div>
        ))}
      </dl>
      <section aria-label={messages.recording}>
        <h3 className="mb-1 font-semibold">{messages.recording}</h3>
        {hasRecording ? (
          // biome-ignore lint/a11y/useMediaCaption: call recordings have no captions to offer
          <audio
            controls
            preload="metadata"
            className="w-full"
            src={`/api/recordings/${encodeURIComponent(call.transaction_id)}${initialTime ? `#t=${initialTime}` : ""}`}
          />
        ) : (
          <p className="text-slate-500">{messages.noRecording}</p>
        )}
      </section>
      <LegsTable legs={legs} />
    </div>
  );
}

function LegsTable({ legs }: { legs: CallLeg[] }) {
  const messages = useMessages(callDetailMessages);
  if (legs.length === 0) return <p className="text-slate-500">{messages.noLegs}</p>;
  const column = messages.leg;
  const span = (from: number | null | undefined, to: number | null | undefined) =>
    from && to && to >= from ? formatDuration(to - from) : "—";
  return (
    <table className="w-full text-left tabular-nums">
      <caption className="mb-1 text-left font-semibold">{messages.legs}</caption>
      <thead className="text-slate-500">
        <tr>
          <th scope="col">{column.index}</th>
          <th scope="col">{column.type}</th>
          <th scope="col">{column.target}</th>
          <th scope="col" className="text-right">
            {column.wait}
          </th>
          <th scope="col" className="text-right">
            {column.ring}
          </th>
          <th scope="col" className="text-right">
            {column.talk}
          </th>
          <th scope="col">{column.outcome}</th>
        </tr>
      </thead>
      <tbody>
        {legs.map((leg) => (
          <tr key={leg.index} className="border-t border-slate-100">
            <td>{leg.index}</td>
            <td>{leg.type}</td>
            <td>{leg.to ?? "—"}</td>
            <td className="text-right">{span(leg.at, leg.ringing_at)}</td>
            <td className="text-right">{span(leg.ringing_at, leg.answer_at || leg.bye_at)}</td>
            <td className="text-right">{leg.answer_at ? span(leg.answer_at, leg.bye_at) : "—"}</td>
            <td>
              {leg.is_answer
                ? messages.legAnswered
                : leg.is_busy
                  ? messages.legBusy
                  : leg.is_dnd
                    ? messages.legDnd
                    : leg.is_online === false
                      ? messages.legOffline
                      : messages.legNotAnswered}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export default CallDrawer;
