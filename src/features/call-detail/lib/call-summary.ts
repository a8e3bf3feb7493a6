/**
 * The call in one plain sentence, above the details, e.g. "Rang 3 agents over 41 s (1 busy,
 * 1 timed out); answered by Nguyễn Văn A (ext 101) after 18 s; talked 3:12; the customer hung
 * up." Built from the legs (who was rung, how each offer ended) and the call's own fields (talk
 * time, who ended it). "Over 41 s" runs from the call's start to the answer (or to the end of
 * the last offer); "after 18 s" is how long the answering agent's phone rang.
 */
import type { CallListItem } from "@/contract/call.ts";
import { toUnixSeconds } from "@/contract/call-derivations.ts";
import { formatDuration, formatPhoneNumber } from "@/lib/format.ts";
import type { Language } from "@/lib/i18n/preferences.tsx";
import { callDetailMessages } from "../messages.ts";
import type { LegLane, LegOutcome, LegTimeline } from "./leg-lanes.ts";
import { type Directory, type LegTarget, parseLegTarget, readTransfers } from "./people.ts";

type SummaryMessages = (typeof callDetailMessages)["en"]["summary"];

/** "41 s" under a minute, "3:12" from a minute up. */
export function spokenLength(seconds: number, language: Language): string {
  const rounded = Math.max(0, Math.round(seconds));
  return rounded < 60
    ? callDetailMessages[language].summary.seconds(rounded)
    : formatDuration(rounded);
}

/** Who a leg target is, in words: "Nguyễn Văn A (ext 101)", "0983 223 566", … */
export function describeTarget(target: LegTarget, messages: SummaryMessages): string {
  switch (target.kind) {
    case "agent":
      return messages.person(target.name, target.extension);
    case "voicemail":
      return messages.voicemailBox;
    case "number":
      return formatPhoneNumber(target.number);
    case "other":
      return target.value ?? "—";
  }
}

/** Legs that offer the call to someone (not transfers, which come after an answer). */
const isOffer = (lane: LegLane) => lane.leg.type !== "transfer";

export function summarizeCall(
  call: CallListItem,
  timeline: LegTimeline,
  directory: Directory,
  language: Language,
): string {
  const messages = callDetailMessages[language];
  const m = messages.summary;
  const length = (seconds: number) => spokenLength(seconds, language);
  const start = toUnixSeconds(call.time_start_call) || timeline.origin;
  const targetOf = (lane: LegLane) => parseLegTarget(lane.leg.to, directory);
  const agentName = (extension: string | null) =>
    extension ? m.person(directory.get(extension) ?? null, extension) : null;
  const cause = call.hangup_cause
    ? (messages.hangupCauses[call.hangup_cause] ?? call.hangup_cause)
    : null;

  const clauses: string[] = [];
  const offers = timeline.lanes.filter(isOffer);
  const answering = offers.find((lane) => lane.times.answerAt !== null) ?? null;

  if (call.direction === "outbound" || call.direction === "local") {
    const lane = offers[0] ?? null;
    const callee = lane
      ? describeTarget(targetOf(lane), m)
      : formatPhoneNumber(call.phone_number ?? call.destination_number) || "—";
    const caller = agentName(call.sip_user);
    clauses.push(
      call.direction === "local" ? m.internalCall(caller, callee) : m.dialled(caller, callee),
    );
    if (answering) {
      clauses.push(m.calleeAnswered(length(answering.durations.ringing)));
    } else {
      if (lane && lane.durations.ringing > 0) clauses.push(m.rang(length(lane.durations.ringing)));
      clauses.push(
        m.notAnswered(cause ?? messages.timeline.outcomes[lane?.outcome ?? "not-answered"]),
      );
    }
  } else {
    const agentOffers = offers.filter(
      (lane) =>
        targetOf(lane).kind === "agent" &&
        (answering === null || lane === answering || lane.start <= answering.start),
    );
    const rung = new Set(agentOffers.map((lane) => lane.leg.to)).size;
    if (rung > 0) {
      const last = agentOffers.at(-1)!;
      const answeredByAgent = answering !== null && agentOffers.includes(answering);
      const until = answeredByAgent ? answering.times.answerAt! : last.times.byeAt;
      const missed = agentOffers.filter((lane) => lane !== answering);
      const breakdown = outcomeBreakdown(missed, m);
      clauses.push(
        `${m.rangAgents(rung, length(until - start))}${breakdown ? ` ${breakdown}` : ""}`,
      );
    } else if (offers.length === 0 || !answering) {
      clauses.push(m.noAgentRung);
    }
    if (answering) {
      const target = targetOf(answering);
      const type = answering.leg.type;
      if (target.kind === "voicemail" || type === "voicemail") {
        clauses.push(m.voicemail(length(answering.times.answerAt! - start)));
        if (answering.durations.talk > 0) {
          clauses.push(m.voicemailMessage(length(answering.durations.talk)));
        }
      } else if (target.kind === "agent") {
        clauses.push(m.answeredBy(describeTarget(target, m), length(answering.durations.ringing)));
      } else {
        if (type === "forward-out" || target.kind === "number") {
          clauses.push(m.forwardedOut(describeTarget(target, m)));
        }
        clauses.push(m.answeredAfter(length(answering.times.answerAt! - start)));
      }
    } else if (rung > 0) {
      clauses.push(m.nobodyAnswered);
    } else if (cause && !["NORMAL_CLEARING", "ORIGINATOR_CANCEL"].includes(call.hangup_cause!)) {
      clauses.push(m.notAnswered(cause));
    } else {
      clauses.push(m.lasted(length(call.duration)));
    }
  }

  const transfers = readTransfers(call);
  if (transfers.length > 0) {
    for (const transfer of transfers) {
      const to = agentName(transfer.toUser) ?? "—";
      const at = transfer.at === null ? null : toUnixSeconds(transfer.at) - start;
      clauses.push(m.transferred(to, at === null ? "—" : formatDuration(at)));
    }
  } else {
    for (const lane of timeline.lanes.filter((entry) => !isOffer(entry))) {
      clauses.push(m.transferred(describeTarget(targetOf(lane), m), formatDuration(lane.start)));
    }
  }

  const isVoicemail = call.is_voicemail || answering?.leg.type === "voicemail";
  if (call.bill_sec > 0 && !isVoicemail) clauses.push(m.talked(formatDuration(call.bill_sec)));

  if (call.endby_name) {
    clauses.push(m.endedBy[call.endby_name] ?? m.endedOther(call.endby_name));
  }

  const sentence = clauses.join("; ");
  return `${sentence.charAt(0).toLocaleUpperCase(language)}${sentence.slice(1)}.`;
}

function outcomeBreakdown(lanes: readonly LegLane[], m: SummaryMessages): string | null {
  const counts = new Map<Exclude<LegOutcome, "answered">, number>();
  for (const lane of lanes) {
    if (lane.outcome === "answered") continue;
    counts.set(lane.outcome, (counts.get(lane.outcome) ?? 0) + 1);
  }
  if (counts.size === 0) return null;
  return m.missedBreakdown([...counts].map(([outcome, count]) => m.outcomeCount[outcome](count)));
}
