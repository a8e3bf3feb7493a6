/**
 * Rules that turn a vendor record into what supervisors ask about (outcome, transfers, times).
 * The server applies them when it stores a call; they live beside the contract so that any
 * other reader of vendor records (the connector, tests) derives exactly the same answers.
 */
import type { Call, CallLeg, CallStatus } from "./call.ts";

/** Vendor timestamps mix unix seconds and milliseconds; anything above 10^12 is milliseconds. */
export function toUnixSeconds(timestamp: number): number {
  return timestamp > 1e12 ? Math.floor(timestamp / 1000) : timestamp;
}

export function toUnixMilliseconds(timestamp: number): number {
  return timestamp > 1e12 ? timestamp : timestamp * 1000;
}

const BUSY_Q850 = new Set([17]);
/** Causes where the call never reached anybody: bad number, network or SIP failure. */
const FAILURE_CAUSES = new Set([
  "UNALLOCATED_NUMBER",
  "NORMAL_TEMPORARY_FAILURE",
  "NO_ROUTE_DESTINATION",
  "INVALID_NUMBER_FORMAT",
  "NETWORK_OUT_OF_ORDER",
  "RECOVERY_ON_TIMER_EXPIRE",
  "DESTINATION_OUT_OF_ORDER",
  "SERVICE_UNAVAILABLE",
  "INCOMPATIBLE_DESTINATION",
]);

type StatusInputs = Pick<
  Call,
  "is_voicemail" | "answer_sec" | "bill_sec" | "hangup_cause" | "hangup_cause_q850"
> & { invite_failure_status?: Call["invite_failure_status"] };

/**
 * Answered when talk happened (answer_sec/bill_sec > 0 or a leg was answered, per the data
 * dictionary); voicemail wins over both because the "answer" was the mailbox's.
 */
export function deriveCallStatus(call: StatusInputs, legs: readonly CallLeg[] = []): CallStatus {
  if (call.is_voicemail) return "voicemail";
  if (call.answer_sec > 0 || call.bill_sec > 0 || legs.some((leg) => leg.is_answer)) {
    return "answered";
  }
  if (call.hangup_cause === "USER_BUSY" || BUSY_Q850.has(call.hangup_cause_q850 ?? -1)) {
    return "busy";
  }
  if (
    (call.hangup_cause !== null && FAILURE_CAUSES.has(call.hangup_cause)) ||
    (call.invite_failure_status !== null && call.invite_failure_status !== undefined)
  ) {
    return "failed";
  }
  return "missed";
}

/** Leg types that ring a person rather than a machine step (voicemail, forward out). */
const NON_AGENT_LEG_TYPES = new Set(["voicemail", "forward-out", "ivr"]);

/** How many distinct agents the call rang: what "transferred" and the routing summary count. */
export function countAgentsRung(legs: readonly CallLeg[]): number {
  const targets = new Set<string>();
  for (const leg of legs) {
    if (NON_AGENT_LEG_TYPES.has(leg.type) || leg.to === null) continue;
    targets.add(leg.to);
  }
  return targets.size;
}

/** A leg's target "70759-118" rings extension 118 of group 70759; a bare "118" is the extension. */
export function extensionOfLegTarget(target: string): string {
  return /-(\d+)$/.exec(target)?.[1] ?? target;
}

/**
 * The extensions that took part in a call: the agent who took or made it and every agent a leg
 * rang. An agent signed in to the dashboard sees exactly these calls.
 */
export function agentExtensionsOf(
  call: Pick<Call, "sip_user">,
  legs: readonly Pick<CallLeg, "type" | "to">[],
): Set<string> {
  const extensions = new Set<string>();
  if (call.sip_user) extensions.add(call.sip_user);
  for (const leg of legs) {
    if (NON_AGENT_LEG_TYPES.has(leg.type) || !leg.to) continue;
    extensions.add(extensionOfLegTarget(leg.to));
  }
  return extensions;
}

export function isTransferred(call: Pick<Call, "transfer_histories">, legs: readonly CallLeg[]) {
  return call.transfer_histories.length > 0 || countAgentsRung(legs) > 1;
}

export function hasRecording(
  call: Pick<Call, "recording_file_url" | "recording_file" | "record_seconds">,
) {
  return Boolean(call.recording_file_url || call.recording_file) && call.record_seconds > 0;
}
