/**
 * The legs as a table: the timeline's facts for screen readers and for reading exact values,
 * including any leg fields the API adds later.
 */
import { formatDuration, formatTimeOfDay } from "@/lib/format.ts";
import { useMessages } from "@/lib/i18n/messages.ts";
import { usePreferences } from "@/lib/i18n/preferences.tsx";
import type { LaneLabel } from "../lib/lane-labels.ts";
import type { LegTimeline } from "../lib/leg-lanes.ts";
import { callDetailMessages } from "../messages.ts";
import { FieldValue } from "./field-value.tsx";

const KNOWN_LEG_KEYS = new Set([
  "from",
  "to",
  "phone_number",
  "type",
  "at",
  "ringing_at",
  "answer_at",
  "bye_at",
  "index",
  "is_answer",
  "is_online",
  "is_busy",
  "is_dnd",
  "timeout",
]);

export function LegsTable({
  timeline,
  labels,
}: {
  timeline: LegTimeline;
  labels: ReadonlyMap<string, LaneLabel>;
}) {
  const messages = useMessages(callDetailMessages).timeline;
  const { timeZone } = usePreferences();
  const column = messages.column;
  const extras = timeline.lanes.map((lane) =>
    Object.entries(lane.leg).filter(([key]) => !KNOWN_LEG_KEYS.has(key)),
  );
  const hasExtras = extras.some((entries) => entries.length > 0);
  return (
    <table className="w-full text-left text-[12px] tabular-nums [&_td]:px-1.5 [&_td]:py-0.5 [&_td]:align-top [&_th]:px-1.5 [&_th]:font-medium">
      <thead className="text-slate-500">
        <tr>
          <th scope="col">{column.index}</th>
          <th scope="col">{column.type}</th>
          <th scope="col">{column.target}</th>
          <th scope="col">{column.entered}</th>
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
          {hasExtras && <th scope="col">{column.more}</th>}
        </tr>
      </thead>
      <tbody>
        {timeline.lanes.map((lane, position) => {
          const label = labels.get(lane.key);
          return (
            <tr key={lane.key} className="border-t border-slate-100">
              <td>{lane.leg.index}</td>
              <td>{messages.legTypes[lane.leg.type] ?? lane.leg.type}</td>
              <td>{label?.spoken ?? "—"}</td>
              <td>
                {formatTimeOfDay(lane.times.at, timeZone)} (+{formatDuration(lane.start)})
              </td>
              <td className="text-right">{formatDuration(lane.durations.wait)}</td>
              <td className="text-right">{formatDuration(lane.durations.ringing)}</td>
              <td className="text-right">{formatDuration(lane.durations.talk)}</td>
              <td>
                {messages.outcomes[lane.outcome]}
                {lane.anomalies.map((anomaly) => (
                  <span key={anomaly} className="block text-[var(--status-missed)]">
                    {messages.anomalies[anomaly]}
                  </span>
                ))}
              </td>
              {hasExtras && (
                <td>
                  {extras[position]?.map(([key, value]) => (
                    <span key={key} className="block">
                      <span className="font-mono">{key}</span>:{" "}
                      <FieldValue kind="json" value={value} />
                    </span>
                  ))}
                </td>
              )}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
