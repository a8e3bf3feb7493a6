/** The call in plain words, and its transfers when it had any. */
import { ArrowRightLeft } from "lucide-react";
import type { CallListItem } from "@/contract/call.ts";
import { toUnixSeconds } from "@/contract/call-derivations.ts";
import { formatDuration, formatTimeOfDay } from "@/lib/format.ts";
import { useMessages } from "@/lib/i18n/messages.ts";
import { usePreferences } from "@/lib/i18n/preferences.tsx";
import { summarizeCall } from "../lib/call-summary.ts";
import type { LegTimeline } from "../lib/leg-lanes.ts";
import { type Directory, readTransfers } from "../lib/people.ts";
import { callDetailMessages } from "../messages.ts";

export function CallSummary({
  call,
  timeline,
  directory,
}: {
  call: CallListItem;
  timeline: LegTimeline;
  directory: Directory;
}) {
  const messages = useMessages(callDetailMessages);
  const { language, timeZone } = usePreferences();
  const transfers = readTransfers(call);
  const start = toUnixSeconds(call.time_start_call) || timeline.origin;
  const person = (extension: string | null) =>
    extension ? messages.summary.person(directory.get(extension) ?? null, extension) : "—";
  return (
    <section aria-labelledby="call-detail-summary" className="space-y-2">
      <h3 id="call-detail-summary" className="sr-only">
        {messages.summary.heading}
      </h3>
      <p className="rounded-md bg-slate-100 px-3 py-2 text-[14px] leading-relaxed text-slate-900">
        {summarizeCall(call, timeline, directory, language)}
      </p>
      {transfers.length > 0 && (
        <div>
          <h4 className="mb-0.5 flex items-center gap-1 font-semibold">
            <ArrowRightLeft aria-hidden="true" className="size-3.5 text-slate-500" />
            {messages.transfers.heading}
          </h4>
          <ol className="list-decimal space-y-0.5 pl-6">
            {transfers.map((transfer, index) => {
              const at = transfer.at === null ? null : toUnixSeconds(transfer.at);
              return (
                <li key={index}>
                  {transfer.fromUser || transfer.toUser
                    ? messages.transfers.entry(person(transfer.fromUser), person(transfer.toUser))
                    : JSON.stringify(transfer.raw)}
                  {at !== null && (
                    <span className="text-slate-600 tabular-nums">
                      {" "}
                      ·{" "}
                      {messages.transfers.at(
                        formatTimeOfDay(at, timeZone),
                        formatDuration(at - start),
                      )}
                    </span>
                  )}
                  {transfer.type && (
                    <span className="text-slate-500">
                      {" "}
                      · {messages.transfers.type[transfer.type] ?? transfer.type}
                    </span>
                  )}
                </li>
              );
            })}
          </ol>
        </div>
      )}
    </section>
  );
}
