/**
 * The call drawer: one call's summary, recording, leg timeline and every field, beside the table.
 *
 * Accessibility: a non-modal dialog (role="dialog", aria-modal="false") labelled by its title and
 * described by the call's one-line identity. Non-modal because the table beside it stays usable
 * (a supervisor moves from call to call without closing); a dialog rather than a complementary
 * landmark because it opens on request and takes focus, and screen readers announce a dialog's
 * name when focus enters it. Focus moves to the drawer when it opens and back to what had it
 * (the table's row) when it closes; it is not trapped.
 *
 * Keys: Esc closes. Next/previous call: J / K (the table's, which work anywhere on the page
 * outside text fields) and Alt+↓ / Alt+↑ here. The player's keys (Space, ←/→, Shift+←/→) act
 * while focus is in the player, and also on the drawer itself right after it opens, so "open a
 * call, press Space" plays it. Neither set clashes with the other.
 *
 * Code splitting: this module is loaded lazily by the app shell; the player (wavesurfer.js) and
 * the timeline (recharts) are lazy chunks of their own, fetched as soon as the drawer opens.
 */
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { ChevronDown, ChevronUp, X } from "lucide-react";
import {
  Component,
  type KeyboardEvent,
  lazy,
  type ReactNode,
  Suspense,
  useEffect,
  useId,
  useMemo,
  useRef,
  useState,
} from "react";
import { Button } from "@/components/ui/button.tsx";
import { StatusBadge } from "@/components/ui/call-status-badge.tsx";
import type { CallDetailEnvelope } from "@/contract/call.ts";
import { hasRecording, toUnixSeconds } from "@/contract/call-derivations.ts";
import { listFieldNames } from "@/contract/drift-basics.ts";
import type { CallDetailReading, UnreadableRecord } from "@/contract/read-call-responses.ts";
import { formatDateTime, formatPhoneNumber } from "@/lib/format.ts";
import { useMessages } from "@/lib/i18n/messages.ts";
import { usePreferences } from "@/lib/i18n/preferences.tsx";
import { callDetailQueries } from "../api/call-detail-queries.ts";
import { labelLanes } from "../lib/lane-labels.ts";
import { computeLegTimeline, type LegTimeline } from "../lib/leg-lanes.ts";
import { buildDirectory } from "../lib/people.ts";
import { createPlayback, type Playback } from "../lib/playback.ts";
import { callDetailMessages } from "../messages.ts";
import { CallFields } from "./call-fields.tsx";
import { CallSummary } from "./call-summary.tsx";
import { DetailUnavailable, RefreshProblem } from "./detail-load-state.tsx";
import { LegsTable } from "./legs-table.tsx";
import { PlaybackContext } from "./playback-context.tsx";

const loadPlayer = () => import("./recording-player.tsx");
const loadTimeline = () => import("./leg-timeline.tsx");
const RecordingPlayer = lazy(loadPlayer);
const LegTimelineChart = lazy(loadTimeline);

/** The drawer's own lazy parts, fetched ahead of the first call opened (see call-drawer-slot). */
export function preloadDrawerParts(): Promise<unknown> {
  return Promise.all([loadPlayer(), loadTimeline()]);
}

export type CallDrawerProps = {
  transactionId: string;
  /** Where the recording starts, in seconds (the URL's `t`). */
  initialTime: number | undefined;
  onClose: () => void;
  onNavigate: (direction: "next" | "previous") => void;
};

/** One call's playback; speed and volume carry over from the call before. */
function usePlaybackFor(transactionId: string, initialTime: number | undefined): Playback {
  const [session, setSession] = useState(() => ({
    transactionId,
    playback: createPlayback({ time: initialTime ?? 0 }),
  }));
  if (session.transactionId === transactionId) return session.playback;
  const { rate, volume, muted } = session.playback.getState();
  const next = {
    transactionId,
    playback: createPlayback({ time: initialTime ?? 0, rate, volume, muted }),
  };
  setSession(next);
  return next.playback;
}

export function CallDrawer({ transactionId, initialTime, onClose, onNavigate }: CallDrawerProps) {
  const messages = useMessages(callDetailMessages);
  const detail = useQuery(callDetailQueries.detail(transactionId));
  const playback = usePlaybackFor(transactionId, initialTime);
  const dialogRef = useRef<HTMLDivElement>(null);
  const titleId = useId();
  const descriptionId = useId();

  // A new `t` for the call already open (a pasted link, Back): go there.
  const shownTime = useRef(initialTime);
  useEffect(() => {
    if (initialTime !== undefined && initialTime !== shownTime.current) playback.seek(initialTime);
    shownTime.current = initialTime;
  }, [initialTime, playback]);

  useEffect(() => {
    const previouslyFocused =
      document.activeElement instanceof HTMLElement ? document.activeElement : null;
    dialogRef.current?.focus({ preventScroll: true });
    // The charts' and player's code is needed in a moment: fetch it alongside the call.
    void loadPlayer().catch(() => undefined);
    void loadTimeline().catch(() => undefined);
    return () => {
      if (previouslyFocused?.isConnected) previouslyFocused.focus({ preventScroll: true });
    };
  }, []);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === "Escape") {
      event.preventDefault();
      event.stopPropagation();
      onClose();
      return;
    }
    if (event.altKey && (event.key === "ArrowDown" || event.key === "ArrowUp")) {
      event.preventDefault();
      onNavigate(event.key === "ArrowDown" ? "next" : "previous");
      return;
    }
    // Focus on the drawer itself (as it is on opening): the player's keys.
    if (event.target !== event.currentTarget || event.altKey || event.ctrlKey || event.metaKey) {
      return;
    }
    const step = event.shiftKey ? 10 : 5;
    if (event.key === " ") playback.toggle();
    else if (event.key === "ArrowLeft") playback.skip(-step);
    else if (event.key === "ArrowRight") playback.skip(step);
    else return;
    event.preventDefault();
  };

  return (
    <div
      ref={dialogRef}
      role="dialog"
      aria-modal="false"
      aria-labelledby={titleId}
      aria-describedby={descriptionId}
      tabIndex={-1}
      onKeyDown={onKeyDown}
      className="flex h-full min-h-0 flex-col bg-white outline-none"
    >
      <div className="flex items-start gap-1 border-b border-slate-200 px-4 py-2">
        <div className="mr-auto min-w-0">
          <h2 id={titleId} className="text-[15px] font-semibold">
            {messages.title}
          </h2>
          <div id={descriptionId} className="text-[13px] text-slate-600">
            {detail.data?.envelope ? <CallIdentity envelope={detail.data.envelope} /> : null}
          </div>
        </div>
        <Button
          variant="ghost"
          size="icon"
          aria-label={messages.previous}
          title={`${messages.previous} (K, Alt+↑)`}
          aria-keyshortcuts="K Alt+ArrowUp"
          onClick={() => onNavigate("previous")}
        >
          <ChevronUp className="size-4" aria-hidden="true" />
        </Button>
        <Button
          variant="ghost"
          size="icon"
          aria-label={messages.next}
          title={`${messages.next} (J, Alt+↓)`}
          aria-keyshortcuts="J Alt+ArrowDown"
          onClick={() => onNavigate("next")}
        >
          <ChevronDown className="size-4" aria-hidden="true" />
        </Button>
        <Button
          variant="ghost"
          size="icon"
          aria-label={messages.close}
          title={`${messages.close} (Esc)`}
          aria-keyshortcuts="Escape"
          onClick={onClose}
        >
          <X className="size-4" aria-hidden="true" />
        </Button>
      </div>
      <p className="sr-only">{messages.keyboardHelp}</p>
      <Announcement transactionId={transactionId} envelope={detail.data?.envelope ?? undefined} />
      <div className="min-h-0 flex-1 overflow-y-auto px-4 py-3 text-[13px]">
        {detail.data ? (
          <>
            <RefreshProblem detail={detail} />
            <PlaybackContext value={playback}>
              <CallReading key={transactionId} reading={detail.data} />
            </PlaybackContext>
          </>
        ) : (
          <DetailUnavailable detail={detail} transactionId={transactionId} onClose={onClose} />
        )}
      </div>
    </div>
  );
}

/** "Nguyễn Văn A · 0983 223 566 · 25/11/2026 14:03:05", with the outcome badge. */
function CallIdentity({ envelope }: { envelope: CallDetailEnvelope }) {
  const messages = useMessages(callDetailMessages);
  const { timeZone } = usePreferences();
  const call = envelope.payload;
  const phone = formatPhoneNumber(call.phone_number);
  return (
    <span className="flex flex-wrap items-center gap-x-2 gap-y-0.5">
      <StatusBadge status={call.status} />
      <span className="font-medium text-slate-800">
        {call.customer?.full_name ?? messages.unknownCustomer}
      </span>
      {phone && <span className="tabular-nums">{phone}</span>}
      <span className="tabular-nums">
        {formatDateTime(toUnixSeconds(call.time_start_call), timeZone)}
      </span>
    </span>
  );
}

/** Says which call is shown after next/previous, when focus stays on the button pressed. */
function Announcement({
  transactionId,
  envelope,
}: {
  transactionId: string;
  envelope: CallDetailEnvelope | undefined;
}) {
  const messages = useMessages(callDetailMessages);
  const { timeZone } = usePreferences();
  const [firstId] = useState(transactionId);
  const call = envelope?.payload;
  const text =
    call && transactionId !== firstId && call.transaction_id === transactionId
      ? messages.callLoaded(
          call.customer?.full_name ?? (formatPhoneNumber(call.phone_number) || "—"),
          formatDateTime(toUnixSeconds(call.time_start_call), timeZone),
        )
      : "";
  return (
    <p aria-live="polite" className="sr-only">
      {text}
    </p>
  );
}

/**
 * What could be read of the call: all of it, with a notice naming what was emptied; or, when
 * the call itself could not be read (or its view failed on odd data), what the server sent.
 */
function CallReading({ reading }: { reading: CallDetailReading }) {
  const messages = useMessages(callDetailMessages).drift;
  const { envelope, rawCall } = reading;
  if (!envelope) {
    return (
      <UnreadableCall
        notice={messages.callUnreadable(listFieldNames(reading.unreadableFields))}
        rawCall={rawCall}
      />
    );
  }
  return (
    <PanelBoundary fallback={<UnreadableCall notice={messages.renderFailed} rawCall={rawCall} />}>
      {reading.repaired.length > 0 && (
        <p
          role="status"
          className="mb-3 rounded-md border border-amber-200 bg-amber-50 px-3 py-1.5 text-amber-950"
        >
          {messages.repaired(listFieldNames(reading.repaired))}
        </p>
      )}
      <CallDetails envelope={envelope} unreadableLegs={reading.unreadableLegs} />
    </PanelBoundary>
  );
}

/** A value as sent, as plain text: objects as JSON, long ones cut. */
function rawText(value: unknown): string {
  if (value === null || value === undefined || value === "") return "—";
  const text = typeof value === "object" ? JSON.stringify(value) : String(value);
  return text.length > 300 ? `${text.slice(0, 300)}…` : text;
}

function UnreadableCall({
  notice,
  rawCall,
}: {
  notice: string;
  rawCall: Record<string, unknown> | null;
}) {
  const messages = useMessages(callDetailMessages).drift;
  return (
    <div className="space-y-3">
      <p
        role="alert"
        className="rounded-md border border-red-200 bg-red-50 px-3 py-1.5 text-red-900"
      >
        {notice}
      </p>
      {rawCall && (
        <section aria-labelledby="call-detail-raw" className="space-y-2">
          <h3 id="call-detail-raw" className="font-semibold">
            {messages.rawHeading}
          </h3>
          <dl className="grid grid-cols-[minmax(8rem,auto)_1fr] gap-x-3 gap-y-1">
            {Object.entries(rawCall).map(([key, value]) => (
              <div key={key} className="contents">
                <dt className="font-mono text-[12px] text-slate-500">{key}</dt>
                <dd className="min-w-0 break-words">{rawText(value)}</dd>
              </div>
            ))}
          </dl>
        </section>
      )}
    </div>
  );
}

/** The legs that could not be read, listed where the timeline shows the others. */
function UnreadableLegs({ legs }: { legs: UnreadableRecord[] }) {
  const messages = useMessages(callDetailMessages).drift;
  if (legs.length === 0) return null;
  return (
    <div
      role="status"
      className="rounded-md border border-amber-200 bg-amber-50 px-3 py-1.5 text-amber-950"
    >
      <p>{messages.legsUnreadable(legs.length)}</p>
      <ul className="list-disc pl-5">
        {legs.map((leg) => (
          <li key={leg.position}>
            {messages.legUnreadable(leg.position + 1, listFieldNames(leg.fields))}
          </li>
        ))}
      </ul>
    </div>
  );
}

function CallDetails({
  envelope,
  unreadableLegs,
}: {
  envelope: CallDetailEnvelope;
  unreadableLegs: UnreadableRecord[];
}) {
  const messages = useMessages(callDetailMessages);
  const { language } = usePreferences();
  const queryClient = useQueryClient();
  const call = envelope.payload;
  const directoryQuery = useQuery(callDetailQueries.directory());
  const agents = directoryQuery.data?.agents;
  const directory = useMemo(() => buildDirectory(call, agents), [call, agents]);
  const tagNames = useMemo(
    () =>
      new Map(
        (directoryQuery.data?.tags ?? []).flatMap((tag) =>
          tag.label ? [[tag.value, tag.label] as const] : [],
        ),
      ),
    [directoryQuery.data],
  );
  const timeline = useMemo(
    () => computeLegTimeline(envelope.call_stacks, call.time_start_call, call.time_end_call),
    [envelope.call_stacks, call.time_start_call, call.time_end_call],
  );
  const labels = useMemo(
    () => labelLanes(timeline.lanes, directory, language),
    [timeline, directory, language],
  );
  const withRecording = hasRecording(call);
  const recordingOffset = withRecording ? recordingStart(call, timeline) : null;

  useEffect(() => {
    // The waveform is wanted as soon as the player's code arrives: ask for it now.
    if (withRecording) void queryClient.prefetchQuery(callDetailQueries.peaks(call.transaction_id));
  }, [withRecording, call.transaction_id, queryClient]);

  return (
    <div className="space-y-5">
      <CallSummary call={call} timeline={timeline} directory={directory} />

      <section aria-labelledby="call-detail-recording" className="space-y-2">
        <h3 id="call-detail-recording" className="font-semibold">
          {messages.recording.heading}
        </h3>
        {withRecording ? (
          <PanelBoundary>
            <Suspense fallback={<PanelLoading label={messages.recording.loading} height={150} />}>
              <RecordingPlayer transactionId={call.transaction_id} />
            </Suspense>
          </PanelBoundary>
        ) : (
          <p className="text-slate-600">{messages.recording.none}</p>
        )}
      </section>

      <section aria-labelledby="call-detail-timeline" className="space-y-2">
        <h3 id="call-detail-timeline" className="font-semibold">
          {messages.timeline.heading}
        </h3>
        <UnreadableLegs legs={unreadableLegs} />
        {timeline.lanes.length === 0 ? (
          unreadableLegs.length === 0 && (
            <p className="text-slate-600">{messages.timeline.noLegs}</p>
          )
        ) : (
          <>
            <p className="text-[12px] text-slate-500">{messages.timeline.keys}</p>
            <PanelBoundary>
              <Suspense
                fallback={
                  <PanelLoading label={messages.loading} height={40 + 38 * timeline.lanes.length} />
                }
              >
                <LegTimelineChart
                  timeline={timeline}
                  labels={labels}
                  recordingOffset={recordingOffset}
                />
              </Suspense>
            </PanelBoundary>
            <details className="text-[12px]">
              <summary className="cursor-pointer text-slate-600 select-none">
                {messages.timeline.asTable}
              </summary>
              <LegsTable timeline={timeline} labels={labels} />
            </details>
          </>
        )}
      </section>

      <CallFields envelope={envelope} lookups={{ directory, tagNames }} />
    </div>
  );
}

/**
 * Seconds on the timeline's axis where the recording's second 0 is: recordings start when the
 * call is first answered (`time_start_to_answer`, or the first answered leg).
 */
function recordingStart(call: CallDetailEnvelope["payload"], timeline: LegTimeline): number | null {
  const answeredAt =
    call.time_start_to_answer && call.time_start_to_answer > 0
      ? toUnixSeconds(call.time_start_to_answer)
      : (timeline.lanes.find((lane) => lane.times.answerAt !== null)?.times.answerAt ?? null);
  return answeredAt === null ? null : answeredAt - timeline.origin;
}

function PanelLoading({ label, height }: { label: string; height: number }) {
  return (
    <div role="status" className="animate-pulse rounded-md bg-slate-100" style={{ height }}>
      <span className="sr-only">{label}</span>
    </div>
  );
}

/**
 * A chunk that fails to load (a deploy replaced it) costs one panel, not the drawer; data odd
 * enough to break a view costs that view (`fallback`), not the page.
 */
class PanelBoundary extends Component<
  { children: ReactNode; fallback?: ReactNode },
  { failed: boolean }
> {
  override state = { failed: false };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  override render() {
    if (!this.state.failed) return this.props.children;
    return this.props.fallback ?? <PanelFailed />;
  }
}

function PanelFailed() {
  const messages = useMessages(callDetailMessages);
  return (
    <p role="alert" className="text-slate-600">
      {messages.panelFailed}
    </p>
  );
}

export default CallDrawer;
