/**
 * How a demo call travels through the PBX, as legs (call stacks): the criteria script that rings
 * the customer's owner, queue and ring-group members rung in turn, transfers, voicemail, the
 * forward to an on-call mobile, outbound and internal calls. Each route is built for an outcome
 * decided beforehand (so the status mix is controlled), with timestamps that agree with each
 * other: at ≤ ringing_at ≤ answer_at ≤ bye_at, one leg after another.
 */
import type { CallLeg } from "@/contract/call.ts";
import type { DemoAgent, DemoGroup } from "./directory.ts";
import type { Provider } from "./phone-numbers.ts";
import { type Random, weightedTable } from "./random.ts";

/** How a call ended, in the vendor's fields (see the data dictionary). */
export type Hangup = {
  cause: string;
  q850: number;
  disposition: string;
  endBy: string;
  /** SIP status of a failed INVITE, or null. */
  inviteFailureStatus: number | null;
};

const hangup = (
  cause: string,
  q850: number,
  disposition: string,
  endBy: string,
  inviteFailureStatus: number | null = null,
): Hangup => ({ cause, q850, disposition, endBy, inviteFailureStatus });

/**
 * Dispositions are the PBX's view of the agent's side, as in the vendor's sample (the customer
 * hung up: the PBX sent the agent a BYE). One kind of ending always gets the same fields.
 */
export const HANGUPS = {
  customerHungUp: hangup("NORMAL_CLEARING", 16, "send_bye", "end_call_by_customer"),
  agentHungUp: hangup("NORMAL_CLEARING", 16, "recv_bye", "end_call_by_agent"),
  /** Internal calls: the colleague who was called hung up. */
  calleeHungUp: hangup("NORMAL_CLEARING", 16, "send_bye", "end_call_by_agent"),
  callerCancelled: hangup("ORIGINATOR_CANCEL", 487, "send_cancel", "end_call_by_customer"),
  agentCancelled: hangup("ORIGINATOR_CANCEL", 487, "recv_cancel", "end_call_by_agent"),
  noAnswer: hangup("NO_ANSWER", 19, "send_refuse", "end_call_by_system"),
  noUserResponse: hangup("NO_USER_RESPONSE", 18, "send_refuse", "end_call_by_system"),
  busy: hangup("USER_BUSY", 17, "send_refuse", "end_call_by_system", 486),
  agentsBusy: hangup("USER_BUSY", 17, "recv_refuse", "end_call_by_system", 486),
  unallocated: hangup("UNALLOCATED_NUMBER", 1, "send_refuse", "end_call_by_system", 404),
  temporaryFailure: hangup(
    "NORMAL_TEMPORARY_FAILURE",
    41,
    "send_refuse",
    "end_call_by_system",
    503,
  ),
  rejected: hangup("CALL_REJECTED", 21, "send_refuse", "end_call_by_customer", 603),
} as const;

export type TransferHistory = {
  from_user: string;
  to_user: string;
  at: number;
  type: "blind" | "attended";
};

export type RoutedCall = {
  legs: CallLeg[];
  endAt: number;
  /** The first answer (an agent, the mailbox or a forwarded mobile); null when none. */
  answerAt: number | null;
  /** The staff involved (`user[]`), the one who took or made the call first. */
  staff: DemoAgent[];
  /** The agent the call is filed under (`sip_user`). */
  sipUser: DemoAgent | null;
  hangup: Hangup;
  transfers: TransferHistory[];
  isVoicemail: boolean;
  /** Set when the call was forwarded to an outside (mobile) number and answered there. */
  forwardOut: { seconds: number; provider: Provider } | null;
};

export type RouteContext = {
  random: Random;
  /** No call may end after this (unix seconds): the history stops before `now`. */
  latestEnd: number;
};

type LegTimes = {
  at: number;
  ringingAt: number | null;
  answerAt: number | null;
  byeAt: number;
};

type LegParties = { from: string; to: string; phoneNumber: string; type: string };

type AgentState = { isOnline: boolean; isBusy: boolean; isDnd: boolean };
const AVAILABLE: AgentState = { isOnline: true, isBusy: false, isDnd: false };

function makeLeg(
  parties: LegParties,
  times: LegTimes,
  index: number,
  state: AgentState,
  timeout: number | null,
): CallLeg {
  return {
    from: parties.from,
    to: parties.to,
    phone_number: parties.phoneNumber,
    type: parties.type,
    at: times.at,
    ringing_at: times.ringingAt,
    answer_at: times.answerAt,
    bye_at: times.byeAt,
    index,
    is_answer: times.answerAt !== null,
    is_online: state.isOnline,
    is_busy: state.isBusy,
    is_dnd: state.isDnd,
    timeout,
  };
}

const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, value));

/** Seconds of a conversation: log-normal, as talk times are, within sane bounds. */
export function talkSeconds(random: Random, median: number, sigma: number): number {
  return clamp(Math.round(random.logNormal(median, sigma)), 6, 3_600);
}

/** When a conversation that started at `answerAt` ends, cut short if it would reach `now`. */
function endOfTalk(context: RouteContext, answerAt: number, seconds: number): number {
  return Math.max(answerAt + 1, Math.min(answerAt + seconds, context.latestEnd));
}

/** What happens when the PBX offers the call to an agent who does not take it. */
type Unanswered = "offline" | "busy" | "dnd" | "declined" | "timeout";
const UNANSWERED = weightedTable<Unanswered>([
  ["offline", 0.08],
  ["busy", 0.14],
  ["dnd", 0.06],
  ["declined", 0.12],
  ["timeout", 0.6],
]);

export type InboundOutcome =
  | "answered"
  | "abandoned"
  | "unanswered"
  | "voicemail"
  | "busy"
  | "failed";

export type InboundRequest = {
  start: number;
  caller: string;
  /** The customer's owner: the criteria script tries them before the group. */
  owner: DemoAgent | null;
  group: DemoGroup;
  groups: readonly DemoGroup[];
  outcome: InboundOutcome;
  /** Mean seconds a caller waits in a queue before an agent rings, higher at busy hours. */
  queueWaitMean: number;
};

/** Legs of an inbound call in business hours, built one offer at a time. */
class InboundRoute {
  readonly legs: CallLeg[] = [];
  private at: number;
  private lastAgent: DemoAgent | null = null;
  private groupLegs = 0;

  constructor(
    private readonly context: RouteContext,
    private readonly request: InboundRequest,
  ) {
    // The PBX takes a moment to route (no IVR on the demo hotlines).
    this.at = request.start + context.random.int(0, 2);
  }

  private get random() {
    return this.context.random;
  }

  private parties(agent: DemoAgent, type: string): LegParties {
    const { caller } = this.request;
    return { from: caller, to: agent.legTarget, phoneNumber: caller, type };
  }

  /** Seconds between entering the branch and the agent's phone ringing. */
  private waitBeforeRinging(type: string): number {
    const firstQueueLeg = type === "queue" && this.groupLegs === 0;
    if (!firstQueueLeg) return this.random.int(0, 1);
    return Math.min(240, Math.round(this.random.exponential(this.request.queueWaitMean)));
  }

  private push(agent: DemoAgent, type: string, times: LegTimes, state: AgentState): CallLeg {
    const leg = makeLeg(
      this.parties(agent, type),
      times,
      this.legs.length + 1,
      state,
      agent.group.ringTimeout,
    );
    this.legs.push(leg);
    this.lastAgent = agent;
    if (type !== "criteria-script") this.groupLegs += 1;
    // The next offer starts when this one ended, give or take the PBX's second.
    this.at = times.byeAt + this.random.int(0, 1);
    return leg;
  }

  /** Offers the call to an agent who does not take it; `forced` picks how. */
  missedOffer(agent: DemoAgent, type: string, forced?: Unanswered): void {
    const how = forced ?? this.random.weighted(UNANSWERED);
    const at = this.at;
    switch (how) {
      // Offline and do-not-disturb phones never ring; a busy one is skipped at once.
      case "offline":
        this.push(
          agent,
          type,
          { at, ringingAt: null, answerAt: null, byeAt: at },
          {
            ...AVAILABLE,
            isOnline: false,
          },
        );
        return;
      case "dnd":
        this.push(
          agent,
          type,
          { at, ringingAt: null, answerAt: null, byeAt: at },
          {
            ...AVAILABLE,
            isDnd: true,
          },
        );
        return;
      case "busy":
        this.push(
          agent,
          type,
          { at, ringingAt: at, answerAt: null, byeAt: at },
          {
            ...AVAILABLE,
            isBusy: true,
          },
        );
        return;
      case "declined": {
        const ringingAt = at + this.waitBeforeRinging(type);
        const byeAt = ringingAt + this.random.int(2, 8);
        this.push(agent, type, { at, ringingAt, answerAt: null, byeAt }, AVAILABLE);
        return;
      }
      case "timeout": {
        const ringingAt = at + this.waitBeforeRinging(type);
        const byeAt = ringingAt + agent.group.ringTimeout;
        this.push(agent, type, { at, ringingAt, answerAt: null, byeAt }, AVAILABLE);
        return;
      }
    }
  }

  /** The agent picks up; the leg's end is set once the conversation is known. */
  answeredOffer(agent: DemoAgent, type: string): CallLeg {
    const at = this.at;
    const ringingAt = at + this.waitBeforeRinging(type);
    const ringing = clamp(
      Math.round(this.random.logNormal(7, 0.5)),
      1,
      agent.group.ringTimeout - 1,
    );
    const answerAt = ringingAt + ringing;
    return this.push(agent, type, { at, ringingAt, answerAt, byeAt: answerAt }, AVAILABLE);
  }

  /** The caller gives up while the agent's phone rings, or while waiting in the queue. */
  abandonedOffer(agent: DemoAgent, type: string): RoutedCall {
    const at = this.at;
    const inQueue = type === "queue" && this.groupLegs === 0 && this.random.chance(0.25);
    const times: LegTimes = inQueue
      ? {
          at,
          ringingAt: null,
          answerAt: null,
          byeAt: at + 3 + Math.round(this.random.exponential(30)),
        }
      : (() => {
          const ringingAt = at + this.waitBeforeRinging(type);
          const byeAt = ringingAt + this.random.int(2, agent.group.ringTimeout - 1);
          return { at, ringingAt, answerAt: null, byeAt };
        })();
    this.push(agent, type, times, AVAILABLE);
    return this.unanswered(times.byeAt, HANGUPS.callerCancelled);
  }

  unanswered(endAt: number, how: Hangup, isVoicemail = false, answerAt: number | null = null) {
    const agent = this.lastAgent;
    return {
      legs: this.legs,
      endAt,
      answerAt,
      staff: agent ? [agent] : [],
      sipUser: agent,
      hangup: how,
      transfers: [],
      isVoicemail,
      forwardOut: null,
    } satisfies RoutedCall;
  }

  /** The mailbox takes the call after the agents: the caller leaves a message. */
  voicemail(): RoutedCall {
    const { caller, group } = this.request;
    const leg = voicemailLeg(this.context, caller, group, this.at, this.legs.length + 1);
    this.legs.push(leg);
    return this.unanswered(leg.bye_at!, HANGUPS.customerHungUp, true, leg.answer_at);
  }

  /** Conversation, perhaps a transfer to a colleague, then hang-up. */
  conversation(agentLeg: CallLeg, agent: DemoAgent): RoutedCall {
    const { random } = this;
    const answerAt = agentLeg.answer_at!;
    const talk = talkSeconds(random, agent.group.talkMedian, agent.group.talkSigma);
    const staff = [agent];
    const transfers: TransferHistory[] = [];
    let endAt = endOfTalk(this.context, answerAt, talk);
    agentLeg.bye_at = endAt;

    const transferAt = answerAt + random.int(15, Math.max(15, Math.min(talk - 10, 300)));
    if (talk >= 40 && random.chance(0.09) && transferAt + 20 < this.context.latestEnd) {
      const otherGroups = this.request.groups.filter((group) => group !== agent.group);
      const targetGroup =
        otherGroups.length > 0 && random.chance(0.6) ? random.pick(otherGroups) : agent.group;
      const colleagues = targetGroup.agents.filter((candidate) => candidate !== agent);
      if (colleagues.length > 0) {
        const colleague = random.pick(colleagues);
        const colleagueAnswers = transferAt + random.int(3, 15);
        // The first agent stays on the line until the colleague picks up.
        agentLeg.bye_at = colleagueAnswers;
        const colleagueTalk = talkSeconds(random, targetGroup.talkMedian, targetGroup.talkSigma);
        endAt = endOfTalk(this.context, colleagueAnswers, colleagueTalk);
        const leg = makeLeg(
          {
            from: agent.extension,
            to: colleague.legTarget,
            phoneNumber: this.request.caller,
            type: "transfer",
          },
          { at: transferAt, ringingAt: transferAt, answerAt: colleagueAnswers, byeAt: endAt },
          this.legs.length + 1,
          AVAILABLE,
          targetGroup.ringTimeout,
        );
        this.legs.push(leg);
        staff.push(colleague);
        transfers.push({
          from_user: agent.extension,
          to_user: colleague.extension,
          at: transferAt,
          type: random.chance(0.6) ? "blind" : "attended",
        });
      }
    }
    return {
      legs: this.legs,
      endAt,
      answerAt,
      staff,
      sipUser: agent,
      hangup: random.chance(0.6) ? HANGUPS.customerHungUp : HANGUPS.agentHungUp,
      transfers,
      isVoicemail: false,
      forwardOut: null,
    };
  }
}

/** How many agents fail to take the call before the one who does (or before the caller quits). */
const MISSED_BEFORE_ANSWER = weightedTable([
  [0, 0.7],
  [1, 0.2],
  [2, 0.07],
  [3, 0.03],
]);
const MISSED_BEFORE_ABANDON = weightedTable([
  [0, 0.5],
  [1, 0.3],
  [2, 0.15],
  [3, 0.05],
]);

export function routeInbound(context: RouteContext, request: InboundRequest): RoutedCall {
  const { random } = context;
  const { owner, group, outcome } = request;
  const route = new InboundRoute(context, request);
  if (outcome === "failed") {
    // The trunk failed before the PBX could route the call: nothing was rung.
    return route.unanswered(request.start + random.int(0, 2), HANGUPS.temporaryFailure);
  }

  // The criteria script rings the customer's own agent first (the vendor sample's route).
  const viaOwner = owner !== null && random.chance(0.75);
  if (viaOwner) {
    if (outcome === "answered" && random.chance(0.6)) {
      return route.conversation(route.answeredOffer(owner, "criteria-script"), owner);
    }
    if (outcome === "abandoned" && random.chance(0.2)) {
      return route.abandonedOffer(owner, "criteria-script");
    }
    route.missedOffer(owner, "criteria-script", outcome === "busy" ? "busy" : undefined);
  }

  const candidates = group.agents.filter((agent) => agent !== owner || !viaOwner);
  const offer = (count: number) => random.sample(candidates, Math.max(1, count));
  const type = group.strategy;
  switch (outcome) {
    case "answered": {
      const agents = offer(random.weighted(MISSED_BEFORE_ANSWER) + 1);
      const answering = agents.pop()!;
      for (const agent of agents) route.missedOffer(agent, type);
      return route.conversation(route.answeredOffer(answering, type), answering);
    }
    case "abandoned": {
      const agents = offer(random.weighted(MISSED_BEFORE_ABANDON) + 1);
      const last = agents.pop()!;
      for (const agent of agents) route.missedOffer(agent, type);
      return route.abandonedOffer(last, type);
    }
    case "unanswered": {
      for (const agent of offer(random.int(2, 4))) route.missedOffer(agent, type, "timeout");
      const last = route.legs.at(-1)!;
      return route.unanswered(last.bye_at!, HANGUPS.noAnswer);
    }
    case "voicemail": {
      for (const agent of offer(random.int(1, 3))) route.missedOffer(agent, type);
      return route.voicemail();
    }
    case "busy": {
      for (const agent of offer(random.int(1, 3))) route.missedOffer(agent, type, "busy");
      const last = route.legs.at(-1)!;
      return route.unanswered(last.bye_at! + random.int(0, 2), HANGUPS.agentsBusy);
    }
  }
}

/** The mailbox picks up at once; the caller speaks, then hangs up. */
function voicemailLeg(
  context: RouteContext,
  caller: string,
  group: DemoGroup,
  at: number,
  index: number,
): CallLeg {
  const answerAt = at + 1;
  const message = clamp(Math.round(context.random.logNormal(18, 0.6)), 3, 120);
  return makeLeg(
    { from: caller, to: `${group.number}-voicemail`, phoneNumber: caller, type: "voicemail" },
    { at, ringingAt: at, answerAt, byeAt: endOfTalk(context, answerAt, message) },
    index,
    AVAILABLE,
    120,
  );
}

export type AfterHoursOutcome = "closed" | "voicemail" | "forwarded";

/**
 * Outside business hours nobody is at the desks: the caller hears the closed message and hangs
 * up, leaves a voicemail, or (on lines that forward) reaches the on-call agent's mobile.
 */
export function routeInboundAfterHours(
  context: RouteContext,
  request: { start: number; caller: string; group: DemoGroup; outcome: AfterHoursOutcome },
): RoutedCall {
  const { random } = context;
  const { start, caller, group } = request;
  const unanswered = {
    legs: [],
    staff: [],
    sipUser: null,
    transfers: [],
    isVoicemail: false,
    forwardOut: null,
  };
  switch (request.outcome) {
    case "closed":
      return {
        ...unanswered,
        endAt: start + random.int(8, 25),
        answerAt: null,
        hangup: HANGUPS.callerCancelled,
      };
    case "voicemail": {
      const leg = voicemailLeg(context, caller, group, start + random.int(1, 3), 1);
      return {
        ...unanswered,
        legs: [leg],
        endAt: leg.bye_at!,
        answerAt: leg.answer_at,
        hangup: HANGUPS.customerHungUp,
        isVoicemail: true,
      };
    }
    case "forwarded": {
      const agent = random.pick(group.agents);
      const at = start + random.int(2, 5);
      const ringingAt = at + random.int(2, 5);
      const answerAt = ringingAt + random.int(4, 20);
      const talk = talkSeconds(random, group.talkMedian * 0.8, group.talkSigma);
      const byeAt = endOfTalk(context, answerAt, talk);
      const leg = makeLeg(
        { from: caller, to: agent.mobile.phoneNumber, phoneNumber: caller, type: "forward-out" },
        { at, ringingAt, answerAt, byeAt },
        1,
        AVAILABLE,
        30,
      );
      return {
        legs: [leg],
        endAt: byeAt,
        answerAt,
        staff: [agent],
        sipUser: agent,
        hangup: random.chance(0.6) ? HANGUPS.customerHungUp : HANGUPS.agentHungUp,
        transfers: [],
        isVoicemail: false,
        forwardOut: { seconds: byeAt - answerAt, provider: agent.mobile.provider },
      };
    }
  }
}

export type OutboundOutcome =
  | "answered"
  | "no-answer"
  | "no-response"
  | "cancelled"
  | "busy"
  | "unallocated"
  | "temporary-failure"
  | "rejected";

export type OutboundRequest = {
  start: number;
  /** The agent's extension, or the hotline for an auto-call campaign. */
  from: string;
  customer: string;
  outcome: OutboundOutcome;
  /** Who talks when the customer answers: the agent who dialled, or the campaign's agent. */
  agent: DemoAgent;
  /** A campaign dials by itself: its agent is only involved once the customer answers. */
  isCampaign: boolean;
  talkMedian: number;
  talkSigma: number;
  /** Seconds the customer's phone rings before the PBX gives up. */
  timeout: number;
};

/** One `outbound` leg: dialling, ringing, then an answer, a refusal or a failure. */
export function routeOutbound(context: RouteContext, request: OutboundRequest): RoutedCall {
  const { random } = context;
  const { start: at, outcome, agent, timeout } = request;
  const parties = {
    from: request.from,
    to: request.customer,
    phoneNumber: request.customer,
    type: "outbound",
  };
  const ringingAt = at + random.int(1, 4);
  let times: LegTimes;
  let how: Hangup;
  switch (outcome) {
    case "answered": {
      const answerAt = ringingAt + clamp(Math.round(random.logNormal(9, 0.5)), 2, timeout - 1);
      const talk = talkSeconds(random, request.talkMedian, request.talkSigma);
      times = { at, ringingAt, answerAt, byeAt: endOfTalk(context, answerAt, talk) };
      how = random.chance(0.55) ? HANGUPS.customerHungUp : HANGUPS.agentHungUp;
      break;
    }
    case "no-answer":
      times = { at, ringingAt, answerAt: null, byeAt: ringingAt + timeout };
      how = HANGUPS.noAnswer;
      break;
    case "no-response":
      // The handset never reported ringing (out of coverage, switched off).
      times = { at, ringingAt: null, answerAt: null, byeAt: at + random.int(8, 20) };
      how = HANGUPS.noUserResponse;
      break;
    case "cancelled":
      times = { at, ringingAt, answerAt: null, byeAt: ringingAt + random.int(2, 25) };
      how = HANGUPS.agentCancelled;
      break;
    case "busy":
      times = { at, ringingAt: null, answerAt: null, byeAt: at + random.int(2, 6) };
      how = HANGUPS.busy;
      break;
    case "unallocated":
      times = { at, ringingAt: null, answerAt: null, byeAt: at + random.int(1, 4) };
      how = HANGUPS.unallocated;
      break;
    case "temporary-failure":
      times = { at, ringingAt: null, answerAt: null, byeAt: at + random.int(0, 2) };
      how = HANGUPS.temporaryFailure;
      break;
    case "rejected":
      times = { at, ringingAt, answerAt: null, byeAt: ringingAt + random.int(2, 12) };
      how = HANGUPS.rejected;
      break;
  }
  const staff = request.isCampaign && times.answerAt === null ? [] : [agent];
  return {
    legs: [makeLeg(parties, times, 1, AVAILABLE, timeout)],
    endAt: times.byeAt,
    answerAt: times.answerAt,
    staff,
    sipUser: staff[0] ?? null,
    hangup: how,
    transfers: [],
    isVoicemail: false,
    forwardOut: null,
  };
}

export type LocalOutcome = "answered" | "no-answer" | "cancelled" | "busy";

/** An internal call: one agent rings a colleague's extension. */
export function routeLocal(
  context: RouteContext,
  request: { start: number; caller: DemoAgent; callee: DemoAgent; outcome: LocalOutcome },
): RoutedCall {
  const { random } = context;
  const { start: at, caller, callee, outcome } = request;
  const timeout = 30;
  const parties = {
    from: caller.extension,
    to: callee.legTarget,
    phoneNumber: callee.extension,
    type: "agent",
  };
  const ringingAt = at + random.int(0, 1);
  let times: LegTimes;
  let state = AVAILABLE;
  let how: Hangup;
  switch (outcome) {
    case "answered": {
      const answerAt = ringingAt + clamp(Math.round(random.logNormal(5, 0.5)), 1, timeout - 1);
      const talk = talkSeconds(random, 70, 0.8);
      times = { at, ringingAt, answerAt, byeAt: endOfTalk(context, answerAt, talk) };
      how = random.chance(0.5) ? HANGUPS.agentHungUp : HANGUPS.calleeHungUp;
      break;
    }
    case "no-answer":
      times = { at, ringingAt, answerAt: null, byeAt: ringingAt + timeout };
      how = HANGUPS.noAnswer;
      break;
    case "cancelled":
      times = { at, ringingAt, answerAt: null, byeAt: ringingAt + random.int(2, 20) };
      how = HANGUPS.agentCancelled;
      break;
    case "busy":
      times = { at, ringingAt: at, answerAt: null, byeAt: at };
      state = { ...AVAILABLE, isBusy: true };
      how = HANGUPS.agentsBusy;
      break;
  }
  return {
    legs: [makeLeg(parties, times, 1, state, timeout)],
    endAt: times.byeAt,
    answerAt: times.answerAt,
    staff: [caller, callee],
    sipUser: caller,
    hangup: how,
    transfers: [],
    isVoicemail: false,
    forwardOut: null,
  };
}
