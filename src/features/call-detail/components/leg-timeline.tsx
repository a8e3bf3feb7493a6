/**
 * The leg timeline (its own lazily loaded chunk, with recharts): a lane per leg, its wait,
 * ringing and talk as one stacked bar on an axis of seconds from the call's start (with wall-clock
 * times), markers for how each offer ended, a tooltip with exact times, and the recording's
 * position as a line across the lanes. A talk segment is a button: it plays the recording from
 * the moment clicked (from the segment's start by keyboard).
 *
 * The chart takes lanes already shaped (lib/leg-lanes.ts); TIMELINE_SERIES and TIMELINE_MARKERS
 * map each series and marker to its label and CSS colour variable, for the bars and the legend.
 */
import { Ban, CircleCheck, CircleMinus, type LucideIcon, TimerOff, WifiOff } from "lucide-react";
import { type KeyboardEvent, type MouseEvent, type RefObject, useEffect, useRef } from "react";
import {
  Bar,
  BarChart,
  type BarShapeProps,
  CartesianGrid,
  DefaultZIndexes,
  Tooltip,
  type TooltipContentProps,
  usePlotArea,
  useXAxisScale,
  useYAxisScale,
  XAxis,
  YAxis,
  ZIndexLayer,
} from "recharts";
import { formatDuration, formatTimeOfDay } from "@/lib/format.ts";
import { useMessages } from "@/lib/i18n/messages.ts";
import { usePreferences } from "@/lib/i18n/preferences.tsx";
import { PERF_MARKS, useMarkWhenDrawn } from "@/lib/perf-marks.ts";
import type { LaneLabel } from "../lib/lane-labels.ts";
import {
  axisTicks,
  type LaneDatum,
  type LegLane,
  type LegTimeline,
  MARKER_KINDS,
  type MarkerKind,
  SEGMENT_KINDS,
  type SegmentKind,
  toLaneData,
} from "../lib/leg-lanes.ts";
import { callDetailMessages } from "../messages.ts";
import { usePlayback, usePlaybackValue } from "./playback-context.tsx";

export const TIMELINE_SERIES: Record<SegmentKind, { color: string }> = {
  wait: { color: "var(--leg-wait)" },
  ringing: { color: "var(--leg-ringing)" },
  talk: { color: "var(--leg-talk)" },
};

export const TIMELINE_MARKERS: Record<MarkerKind, { icon: LucideIcon; color: string }> = {
  answered: { icon: CircleCheck, color: "var(--status-answered)" },
  busy: { icon: Ban, color: "var(--status-busy)" },
  dnd: { icon: CircleMinus, color: "var(--status-missed)" },
  offline: { icon: WifiOff, color: "var(--status-failed)" },
  timeout: { icon: TimerOff, color: "var(--leg-hangup)" },
};

const LANE_HEIGHT = 38;
const AXIS_HEIGHT = 34;
const LABEL_WIDTH = 172;
const MARGIN = { top: 6, right: 18, bottom: 0, left: 0 };
const MARKER_SIZE = 14;

export type LegTimelineChartProps = {
  timeline: LegTimeline;
  labels: ReadonlyMap<string, LaneLabel>;
  /** Seconds on the axis where the recording's second 0 is; null when there is no recording. */
  recordingOffset: number | null;
};

export default function LegTimelineChart({
  timeline,
  labels,
  recordingOffset,
}: LegTimelineChartProps) {
  const messages = useMessages(callDetailMessages).timeline;
  const { timeZone } = usePreferences();
  const playback = usePlayback();
  const chartRef = useRef<HTMLDivElement>(null);
  useUntabbableLayers(chartRef);
  useMarkWhenDrawn(PERF_MARKS.timelineDrawn, chartRef, ".recharts-bar-rectangle");
  const data = toLaneData(timeline.lanes);
  // A call of 0 s (all legs at one instant) still gets an axis to stand on.
  const span = Math.max(timeline.span, 1);
  const ticks = axisTicks(span);
  const lanesByKey = new Map(timeline.lanes.map((lane) => [lane.key, lane]));
  const height = MARGIN.top + AXIS_HEIGHT + LANE_HEIGHT * Math.max(1, timeline.lanes.length);

  const seekTo = (axisSeconds: number) => {
    if (recordingOffset === null) return;
    playback.seek(Math.max(0, axisSeconds - recordingOffset));
  };

  const renderTalk = (props: BarShapeProps) => {
    const { x, y, width, height: barHeight, index } = props;
    const datum = data[index];
    const lane = datum ? lanesByKey.get(datum.key) : undefined;
    const rect = (
      <rect
        x={x}
        y={y}
        width={Math.max(0, width)}
        height={Math.max(0, barHeight)}
        rx={2}
        fill={TIMELINE_SERIES.talk.color}
      />
    );
    const segment = lane?.segments.find((entry) => entry.kind === "talk");
    if (!lane || !segment || recordingOffset === null || width <= 0) return rect;
    const label = labels.get(lane.key);
    const name = messages.playTalk(
      label?.spoken ?? "—",
      formatDuration(Math.max(0, segment.start - recordingOffset)),
      formatDuration(segment.end - segment.start),
    );
    const onClick = (event: MouseEvent<SVGGElement>) => {
      const box = event.currentTarget.getBoundingClientRect();
      const fraction = box.width > 0 ? (event.clientX - box.left) / box.width : 0;
      seekTo(segment.start + Math.min(1, Math.max(0, fraction)) * (segment.end - segment.start));
    };
    const onKeyDown = (event: KeyboardEvent<SVGGElement>) => {
      if (event.key !== "Enter" && event.key !== " ") return;
      event.preventDefault();
      event.stopPropagation();
      seekTo(segment.start);
    };
    return (
      // biome-ignore lint/a11y/useSemanticElements: a <button> cannot live inside the chart's SVG
      <g
        role="button"
        tabIndex={0}
        aria-label={name}
        onClick={onClick}
        onKeyDown={onKeyDown}
        className="cursor-pointer outline-none [&:focus-visible>rect]:stroke-sky-700 [&:focus-visible>rect]:stroke-[3px] [&:hover>rect]:brightness-90"
      >
        <title>{name}</title>
        {rect}
      </g>
    );
  };

  return (
    <div ref={chartRef} className="space-y-2">
      <BarChart
        layout="vertical"
        data={data}
        responsive
        style={{ width: "100%", height }}
        margin={MARGIN}
        barCategoryGap={9}
      >
        <CartesianGrid horizontal={false} stroke="#e2e8f0" />
        <XAxis
          type="number"
          dataKey="offset"
          domain={[0, span]}
          ticks={ticks}
          allowDataOverflow
          height={AXIS_HEIGHT}
          tick={(props: TickProps) => (
            <TimeTick {...props} origin={timeline.origin} timeZone={timeZone} />
          )}
          stroke="#94a3b8"
        />
        <YAxis
          type="category"
          dataKey="key"
          width={LABEL_WIDTH}
          interval={0}
          tickLine={false}
          stroke="#94a3b8"
          tick={(props: TickProps) => <LaneTick {...props} labels={labels} />}
        />
        <Tooltip
          isAnimationActive={false}
          cursor={{ fill: "rgb(148 163 184 / 0.14)" }}
          content={(props: TooltipContentProps) => (
            <LaneTooltip
              {...props}
              lanes={lanesByKey}
              labels={labels}
              origin={timeline.origin}
              timeZone={timeZone}
            />
          )}
        />
        <Bar
          dataKey="offset"
          stackId="leg"
          fill="transparent"
          legendType="none"
          isAnimationActive={false}
        />
        {SEGMENT_KINDS.map((kind) => (
          <Bar
            key={kind}
            dataKey={kind}
            name={messages.segments[kind]}
            stackId="leg"
            fill={TIMELINE_SERIES[kind].color}
            isAnimationActive={false}
            shape={kind === "talk" ? renderTalk : undefined}
          />
        ))}
        <LaneMarkers lanes={timeline.lanes} />
        {recordingOffset !== null && <Playhead offset={recordingOffset} />}
      </BarChart>
      <p className="text-[12px] text-slate-500">{messages.axis}</p>
      <Legend />
    </div>
  );
}

/**
 * Recharts draws its layers into <g> elements through React portals; React listens for focus
 * events on every portal container, and Chromium makes an SVG element with focus listeners
 * keyboard-focusable. Left alone, Tab stops on each empty layer (seven invisible stops between
 * the chart and its talk buttons); tabindex="-1" takes them out of the tab order.
 */
function useUntabbableLayers(ref: RefObject<HTMLElement | null>) {
  useEffect(() => {
    const root = ref.current;
    if (!root) return;
    const patch = () => {
      for (const layer of root.querySelectorAll(
        'g[class*="recharts-zIndex-layer_"]:not([tabindex])',
      )) {
        layer.setAttribute("tabindex", "-1");
      }
    };
    patch();
    const observer = new MutationObserver(patch);
    observer.observe(root, { childList: true, subtree: true });
    return () => observer.disconnect();
  }, [ref]);
}

type TickProps = { x?: number | string; y?: number | string; payload?: { value?: unknown } };

function TimeTick({
  x,
  y,
  payload,
  origin,
  timeZone,
}: TickProps & { origin: number; timeZone: string }) {
  const seconds = Number(payload?.value ?? 0);
  return (
    <g transform={`translate(${Number(x)},${Number(y)})`}>
      <text textAnchor="middle" fontSize={11} fill="#334155" className="tabular-nums">
        <tspan x={0} dy="0.9em">
          {formatDuration(seconds)}
        </tspan>
        <tspan x={0} dy="1.25em" fill="#64748b" fontSize={10}>
          {formatTimeOfDay(origin + seconds, timeZone)}
        </tspan>
      </text>
    </g>
  );
}

function truncate(text: string, length: number): string {
  return text.length > length ? `${text.slice(0, length - 1)}…` : text;
}

function LaneTick({
  x,
  y,
  payload,
  labels,
}: TickProps & { labels: ReadonlyMap<string, LaneLabel> }) {
  const label = labels.get(String(payload?.value ?? ""));
  if (!label) return null;
  return (
    <g transform={`translate(${Number(x) - 6},${Number(y)})`}>
      <title>{`${label.step} — ${label.target}`}</title>
      <text textAnchor="end" fontSize={11}>
        <tspan x={0} dy="-0.25em" fill="#0f172a" fontWeight={600}>
          {truncate(label.step, 26)}
        </tspan>
        <tspan x={0} dy="1.2em" fill="#475569">
          {truncate(label.target, 27)}
        </tspan>
      </text>
    </g>
  );
}

/** Markers at the moments that decided each leg, drawn over the bars. */
function LaneMarkers({ lanes }: { lanes: readonly LegLane[] }) {
  const x = useXAxisScale();
  const y = useYAxisScale();
  const area = usePlotArea();
  if (!x || !y || !area || lanes.length === 0) return null;
  const band = area.height / lanes.length;
  return (
    <ZIndexLayer zIndex={DefaultZIndexes.scatter}>
      {/* biome-ignore lint/a11y/noAriaHiddenOnFocusable: a plain <g> is not focusable; the markers repeat what the tooltip and the table say */}
      <g aria-hidden="true">
        {lanes.flatMap((lane) => {
          const top = y(lane.key);
          if (top === undefined) return [];
          const centerY = top + band / 2;
          // Markers at one moment sit side by side rather than on top of each other.
          const seen = new Map<number, number>();
          return lane.markers.map((marker) => {
            const centerX = x(marker.at) ?? area.x;
            const stacked = seen.get(marker.at) ?? 0;
            seen.set(marker.at, stacked + 1);
            const { icon: Icon, color } = TIMELINE_MARKERS[marker.kind];
            const left = Math.min(
              centerX + stacked * (MARKER_SIZE + 2) - MARKER_SIZE / 2,
              area.x + area.width + MARGIN.right - MARKER_SIZE - 1,
            );
            return (
              <g key={`${lane.key}-${marker.kind}`}>
                <circle
                  cx={left + MARKER_SIZE / 2}
                  cy={centerY}
                  r={MARKER_SIZE / 2 + 1}
                  fill="white"
                />
                <Icon
                  x={left}
                  y={centerY - MARKER_SIZE / 2}
                  width={MARKER_SIZE}
                  height={MARKER_SIZE}
                  color={color}
                  strokeWidth={2.5}
                />
              </g>
            );
          });
        })}
      </g>
    </ZIndexLayer>
  );
}

/** The recording's position as a line across the lanes; only this re-renders as it plays. */
function Playhead({ offset }: { offset: number }) {
  const x = useXAxisScale();
  const area = usePlotArea();
  const time = usePlaybackValue("time");
  const ready = usePlaybackValue("ready");
  if (!x || !area || !ready) return null;
  const position = x(offset + time);
  if (position === undefined || position < area.x || position > area.x + area.width) return null;
  return (
    <ZIndexLayer zIndex={DefaultZIndexes.scatter + 1}>
      {/* biome-ignore lint/a11y/noAriaHiddenOnFocusable: a plain <g> is not focusable; the slider says the position */}
      <g aria-hidden="true" pointerEvents="none">
        <line
          x1={position}
          x2={position}
          y1={area.y - 4}
          y2={area.y + area.height}
          stroke="#0f172a"
          strokeWidth={2}
        />
        <path d={`M${position - 5},${area.y - 6} h10 l-5,6 z`} fill="#0f172a" />
      </g>
    </ZIndexLayer>
  );
}

function LaneTooltip({
  active,
  payload,
  lanes,
  labels,
  origin,
  timeZone,
}: TooltipContentProps & {
  lanes: ReadonlyMap<string, LegLane>;
  labels: ReadonlyMap<string, LaneLabel>;
  origin: number;
  timeZone: string;
}) {
  const messages = useMessages(callDetailMessages).timeline;
  const datum = payload?.[0]?.payload as LaneDatum | undefined;
  const lane = datum ? lanes.get(datum.key) : undefined;
  if (!active || !lane) return null;
  const label = labels.get(lane.key);
  const { at, ringingAt, answerAt, byeAt } = lane.times;
  const moment = (time: number | null) =>
    time === null ? "—" : `${formatTimeOfDay(time, timeZone)} (+${formatDuration(time - origin)})`;
  const rows: [string, string][] = [
    [messages.entered, moment(at)],
    [messages.rangAt, moment(ringingAt)],
    [messages.answeredAt, moment(answerAt)],
    [messages.endedAt, moment(byeAt)],
  ];
  return (
    <div className="max-w-72 rounded-md border border-slate-300 bg-white px-2.5 py-2 text-[12px] shadow-lg">
      <p className="font-semibold">{label?.step}</p>
      <p className="mb-1 text-slate-600">{label?.spoken}</p>
      <table className="tabular-nums">
        <tbody>
          {rows.map(([name, value]) => (
            <tr key={name}>
              <th scope="row" className="pr-2 text-left font-normal text-slate-500">
                {name}
              </th>
              <td>{value}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="mt-1 flex flex-wrap gap-x-2 tabular-nums">
        {SEGMENT_KINDS.map((kind) => (
          <span key={kind} className="inline-flex items-center gap-1">
            <Swatch color={TIMELINE_SERIES[kind].color} />
            {messages.segments[kind]} {formatDuration(lane.durations[kind])}
          </span>
        ))}
      </p>
      <p className="mt-1 font-medium">{messages.outcomes[lane.outcome]}</p>
      {lane.leg.timeout !== null && lane.leg.timeout > 0 && (
        <p className="text-slate-500">{messages.timeout(lane.leg.timeout)}</p>
      )}
      {lane.anomalies.map((anomaly) => (
        <p key={anomaly} className="text-[var(--status-missed)]">
          {messages.anomalies[anomaly]}
        </p>
      ))}
    </div>
  );
}

function Swatch({ color }: { color: string }) {
  return (
    <span
      aria-hidden="true"
      className="inline-block size-2.5 shrink-0 rounded-sm"
      style={{ backgroundColor: color }}
    />
  );
}

function Legend() {
  const messages = useMessages(callDetailMessages).timeline;
  return (
    <ul aria-label={messages.legend} className="flex flex-wrap gap-x-3 gap-y-1 text-[12px]">
      {SEGMENT_KINDS.map((kind) => (
        <li key={kind} className="inline-flex items-center gap-1">
          <Swatch color={TIMELINE_SERIES[kind].color} />
          {messages.segments[kind]}
        </li>
      ))}
      {MARKER_KINDS.map((kind) => {
        const { icon: Icon, color } = TIMELINE_MARKERS[kind];
        return (
          <li key={kind} className="inline-flex items-center gap-1">
            <Icon aria-hidden="true" className="size-3.5" color={color} strokeWidth={2.5} />
            {messages.markers[kind]}
          </li>
        );
      })}
    </ul>
  );
}
