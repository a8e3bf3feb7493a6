/**
 * The demo-data generator: `count` vendor-shaped calls of the demo tenant over the 90 days before
 * `now`, with their legs, in ascending start order. Pure and deterministic: the same (count,
 * seed, now) always yields byte-identical calls, and the n-th call keeps its transaction_id for a
 * seed whatever the count or `now`. It streams: only the tenant's directory is held in memory.
 */
import {
  type Call,
  type CallDirection,
  type CallLeg,
  NO_AGENT_CREATOR_NAME,
} from "@/contract/call.ts";
import { DEMO_TAGS, type DemoTag } from "./call-tags.ts";
import { type CallSlot, callSlots } from "./call-times.ts";
import { DEMO_DOMAIN, DEMO_TENANT_ID, demoRecordingFile, demoRecordingUrl } from "./demo-tenant.ts";
import {
  buildDemoCustomers,
  buildDemoStaff,
  callUserOf,
  type DemoAgent,
  type DemoCampaign,
  type DemoCustomer,
  type DemoGroup,
  type DemoHotline,
  type DemoStaff,
} from "./directory.ts";
import { outboundPrice, type Provider, randomMobileNumber } from "./phone-numbers.ts";
import { Random, stableUuid, type WeightedTable, weightedTable } from "./random.ts";
import {
  type AfterHoursOutcome,
  type InboundOutcome,
  type LocalOutcome,
  type OutboundOutcome,
  type RoutedCall,
  routeInbound,
  routeInboundAfterHours,
  routeLocal,
  routeOutbound,
} from "./routing.ts";

export type DemoCall = { call: Call; legs: CallLeg[] };

export type GenerateDemoCallsOptions = {
  /** How many calls to yield. */
  count: number;
  /** Any integer; only its low 32 bits matter. */
  seed: number;
  /** The end of the 90-day history (calls end before it). */
  now: Date;
};

/*
 * The mix. Directions by time of day, then an outcome per direction, chosen so that the derived
 * statuses land where a real center's do: about 70% answered, 18% missed, 4% voicemail, 5% busy
 * and 3% failed (see generate-calls.test.ts).
 */
const DIRECTIONS_IN_HOURS = weightedTable<CallDirection>([
  ["inbound", 0.58],
  ["outbound", 0.37],
  ["local", 0.05],
]);
/** After closing some agents still call customers back and campaigns still dial. */
const DIRECTIONS_IN_EVENING = weightedTable<CallDirection>([
  ["inbound", 0.75],
  ["outbound", 0.25],
]);
const INBOUND_OUTCOMES = weightedTable<InboundOutcome>([
  ["answered", 0.83],
  ["abandoned", 0.08],
  ["unanswered", 0.02],
  ["voicemail", 0.035],
  ["busy", 0.025],
  ["failed", 0.01],
]);
const AFTER_HOURS_OUTCOMES = weightedTable<AfterHoursOutcome>([
  ["voicemail", 0.3],
  ["closed", 0.7],
]);
const AFTER_HOURS_FORWARDING_OUTCOMES = weightedTable<AfterHoursOutcome>([
  ["forwarded", 0.45],
  ["voicemail", 0.2],
  ["closed", 0.35],
]);
const OUTBOUND_OUTCOMES = weightedTable<OutboundOutcome>([
  ["answered", 0.625],
  ["no-answer", 0.13],
  ["no-response", 0.02],
  ["cancelled", 0.05],
  ["busy", 0.1],
  ["unallocated", 0.025],
  ["temporary-failure", 0.015],
  ["rejected", 0.035],
]);
/** Campaigns dial lists of varying quality and never cancel by themselves. */
const CAMPAIGN_OUTCOMES = weightedTable<OutboundOutcome>([
  ["answered", 0.55],
  ["no-answer", 0.25],
  ["no-response", 0.03],
  ["busy", 0.1],
  ["unallocated", 0.03],
  ["temporary-failure", 0.02],
  ["rejected", 0.02],
]);
const LOCAL_OUTCOMES = weightedTable<LocalOutcome>([
  ["answered", 0.85],
  ["no-answer", 0.06],
  ["cancelled", 0.04],
  ["busy", 0.05],
]);
const SEND_RETRIES = weightedTable([
  [0, 0.95],
  [1, 0.04],
  [2, 0.01],
]);

/** What each group's conversations are about, for the tag an agent puts on the call. */
const TOPICS: Record<string, WeightedTable<DemoTag>> = {
  CSKH: weightedTable<DemoTag>([
    [DEMO_TAGS.complaint, 3],
    [DEMO_TAGS.advice, 3],
    [DEMO_TAGS.order, 2],
    [DEMO_TAGS.returns, 2],
    [DEMO_TAGS.warranty, 1],
  ]),
  BH: weightedTable<DemoTag>([
    [DEMO_TAGS.order, 4],
    [DEMO_TAGS.advice, 4],
    [DEMO_TAGS.returns, 1],
  ]),
  KT: weightedTable<DemoTag>([
    [DEMO_TAGS.warranty, 5],
    [DEMO_TAGS.complaint, 2],
    [DEMO_TAGS.advice, 2],
  ]),
  GV: weightedTable<DemoTag>([
    [DEMO_TAGS.order, 4],
    [DEMO_TAGS.complaint, 2],
  ]),
  KTOAN: weightedTable<DemoTag>([
    [DEMO_TAGS.order, 2],
    [DEMO_TAGS.complaint, 1],
    [DEMO_TAGS.advice, 1],
  ]),
};

/** Which groups make outbound calls: sales most, accounting hardly. */
const OUTBOUND_WEIGHT_BY_GROUP: Record<string, number> = {
  CSKH: 1.2,
  BH: 3,
  KT: 0.8,
  GV: 0.6,
  KTOAN: 0.4,
};

/** Known customers: about one per eight calls, so that callers repeat at any volume. */
function customerCountFor(count: number): number {
  return Math.min(100_000, Math.max(2_000, Math.round(count / 8)));
}

/** The outside end of a call: a customer from the CRM, or an unknown number. */
type Party = { phoneNumber: string; provider: Provider; customer: DemoCustomer | null };

/** A call before it is written in the vendor's shape. */
type Draft = {
  direction: CallDirection;
  routed: RoutedCall;
  party: Party | null;
  hotline: DemoHotline | null;
  /** The agent who made the call; null: the vendor's "create_default_by_tenant". */
  creator: DemoAgent | null;
  campaign: DemoCampaign | null;
  sourceNumber: string;
  destinationNumber: string;
  phoneNumber: string;
  group: DemoGroup;
  /** An inbound call nobody took: someone should call the customer back. */
  needsCallBack: boolean;
};

type PendingCallBack = { party: Party; since: number };
/** Missed callers wait at most this long for a call back before they are forgotten. */
const CALL_BACK_WITHIN_SECONDS = 4 * 3600;
const MAX_PENDING_CALL_BACKS = 500;

class DemoCallFactory {
  private readonly random: Random;
  private readonly staff: DemoStaff;
  private readonly customers: DemoCustomer[];
  private readonly inboundHotlines: WeightedTable<DemoHotline>;
  private readonly outboundCallers: WeightedTable<DemoAgent>;
  private readonly outboundHotlineOf: Map<DemoGroup, DemoHotline>;
  private readonly pendingCallBacks: PendingCallBack[] = [];
  private readonly latestEnd: number;
  private readonly nowMilliseconds: number;

  constructor(
    private readonly seed: number,
    count: number,
    nowSeconds: number,
  ) {
    this.random = new Random(seed, 4);
    this.staff = buildDemoStaff(seed);
    this.customers = buildDemoCustomers(seed, customerCountFor(count), this.staff);
    this.inboundHotlines = weightedTable(
      this.staff.hotlines.map((hotline) => [hotline, hotline.inboundShare] as const),
    );
    this.outboundCallers = weightedTable(
      this.staff.agents.map(
        (agent) =>
          [agent, agent.activity * (OUTBOUND_WEIGHT_BY_GROUP[agent.group.code] ?? 1)] as const,
      ),
    );
    const callingHotlines = this.staff.hotlines.filter((hotline) => hotline.canCallOut);
    this.outboundHotlineOf = new Map(
      this.staff.groups.map((group) => [
        group,
        callingHotlines.find((hotline) => hotline.group === group) ?? callingHotlines[0]!,
      ]),
    );
    this.latestEnd = nowSeconds - 5;
    this.nowMilliseconds = nowSeconds * 1000;
  }

  make(index: number, start: number, slot: CallSlot): DemoCall {
    const direction = this.directionAt(slot);
    const draft =
      direction === "inbound"
        ? this.inbound(start, slot)
        : direction === "outbound"
          ? this.outbound(start, slot)
          : this.local(start);
    if (draft.needsCallBack) this.rememberCallBack(draft);
    return this.assemble(index, start, slot, draft);
  }

  private directionAt(slot: CallSlot): CallDirection {
    if (slot.working) return this.random.weighted(DIRECTIONS_IN_HOURS);
    const { weekday, minuteOfDay } = slot.local;
    const staffedEvening = weekday !== 0 && minuteOfDay >= 7 * 60 && minuteOfDay < 20 * 60;
    return staffedEvening ? this.random.weighted(DIRECTIONS_IN_EVENING) : "inbound";
  }

  /** A known customer (frequent callers call more often) or, sometimes, an unknown number. */
  private party(knownShare: number): Party {
    const { random, customers } = this;
    if (random.chance(knownShare)) {
      const customer = customers[Math.floor(customers.length * random.float() ** 1.7)]!;
      return { phoneNumber: customer.phoneNumber, provider: customer.provider, customer };
    }
    return { ...randomMobileNumber(random), customer: null };
  }

  private context() {
    return { random: this.random, latestEnd: this.latestEnd };
  }

  private inbound(start: number, slot: CallSlot): Draft {
    const { random } = this;
    const hotline = random.weighted(this.inboundHotlines);
    const party = this.party(0.78);
    const group = hotline.group;
    let routed: RoutedCall;
    if (slot.working) {
      routed = routeInbound(this.context(), {
        start,
        caller: party.phoneNumber,
        owner: party.customer?.owner ?? null,
        group,
        groups: this.staff.groups,
        outcome: random.weighted(INBOUND_OUTCOMES),
        queueWaitMean: 4 + 18 * slot.load,
      });
    } else {
      const outcomes = hotline.forwardsAfterHours
        ? AFTER_HOURS_FORWARDING_OUTCOMES
        : AFTER_HOURS_OUTCOMES;
      routed = routeInboundAfterHours(this.context(), {
        start,
        caller: party.phoneNumber,
        group,
        outcome: random.weighted(outcomes),
      });
    }
    const unanswered = routed.answerAt === null || routed.isVoicemail;
    return {
      direction: "inbound",
      routed,
      party,
      hotline,
      creator: null,
      campaign: null,
      sourceNumber: party.phoneNumber,
      destinationNumber: hotline.number,
      phoneNumber: party.phoneNumber,
      group: routed.sipUser?.group ?? group,
      needsCallBack: unanswered && routed.hangup.cause !== "NORMAL_TEMPORARY_FAILURE",
    };
  }

  private outbound(start: number, slot: CallSlot): Draft {
    const { random } = this;
    const isCampaign = random.chance(slot.working ? 0.15 : 0.5);
    if (isCampaign) {
      const campaign = random.pick(this.staff.campaigns);
      const party = this.party(0.95);
      const agent = random.pick(campaign.group.agents);
      const routed = routeOutbound(this.context(), {
        start,
        from: campaign.hotline.number,
        customer: party.phoneNumber,
        outcome: random.weighted(CAMPAIGN_OUTCOMES),
        agent,
        isCampaign: true,
        talkMedian: 75,
        talkSigma: 0.8,
        timeout: 30,
      });
      return {
        direction: "outbound",
        routed,
        party,
        hotline: campaign.hotline,
        creator: null,
        campaign,
        sourceNumber: campaign.hotline.number,
        destinationNumber: party.phoneNumber,
        phoneNumber: party.phoneNumber,
        group: campaign.group,
        needsCallBack: false,
      };
    }
    const agent = random.weighted(this.outboundCallers);
    const party = this.callBackParty(start) ?? this.party(0.92);
    const hotline = this.outboundHotlineOf.get(agent.group)!;
    const routed = routeOutbound(this.context(), {
      start,
      from: agent.extension,
      customer: party.phoneNumber,
      outcome: random.weighted(OUTBOUND_OUTCOMES),
      agent,
      isCampaign: false,
      talkMedian: agent.group.talkMedian * 0.7,
      talkSigma: 0.95,
      timeout: 45,
    });
    return {
      direction: "outbound",
      routed,
      party,
      hotline,
      creator: agent,
      campaign: null,
      sourceNumber: agent.extension,
      destinationNumber: party.phoneNumber,
      phoneNumber: party.phoneNumber,
      group: agent.group,
      needsCallBack: false,
    };
  }

  private local(start: number): Draft {
    const { random } = this;
    const caller = random.pick(this.staff.agents);
    // Colleagues mostly call their own team.
    const pool = random.chance(0.4) ? caller.group.agents : this.staff.agents;
    const others = pool.filter((agent) => agent !== caller);
    const callee = random.pick(others.length > 0 ? others : this.staff.agents);
    const routed = routeLocal(this.context(), {
      start,
      caller,
      callee,
      outcome: random.weighted(LOCAL_OUTCOMES),
    });
    return {
      direction: "local",
      routed,
      party: null,
      hotline: null,
      creator: caller,
      campaign: null,
      sourceNumber: caller.extension,
      destinationNumber: callee.extension,
      phoneNumber: callee.extension,
      group: caller.group,
      needsCallBack: false,
    };
  }

  private rememberCallBack(draft: Draft): void {
    if (!draft.party) return;
    if (this.pendingCallBacks.length >= MAX_PENDING_CALL_BACKS) this.pendingCallBacks.shift();
    this.pendingCallBacks.push({ party: draft.party, since: draft.routed.endAt });
  }

  /** Agents call back some of the callers they missed in the last hours. */
  private callBackParty(start: number): Party | null {
    const pending = this.pendingCallBacks;
    while (pending.length > 0 && pending[0]!.since < start - CALL_BACK_WITHIN_SECONDS) {
      pending.shift();
    }
    const next = pending[0];
    if (!next || next.since > start || !this.random.chance(0.3)) return null;
    pending.shift();
    return next.party;
  }

  private annotate(draft: Draft, billSec: number): { tags: DemoTag[]; note: string | null } {
    const { random } = this;
    const tags: DemoTag[] = [];
    const answered = draft.routed.answerAt !== null && !draft.routed.isVoicemail;
    if (answered) {
      const topics = TOPICS[draft.group.code];
      if (topics && random.chance(0.4)) {
        const topic = random.weighted(topics);
        tags.push(topic);
        const second = random.chance(0.12) ? random.weighted(topics) : topic;
        if (second !== topic) tags.push(second);
      }
      if (draft.party?.customer?.vip && random.chance(0.6)) tags.push(DEMO_TAGS.vip);
      if (draft.party && !draft.party.customer && billSec < 20 && random.chance(0.3)) {
        tags.splice(0, tags.length, DEMO_TAGS.spam);
      }
    } else if (draft.needsCallBack && random.chance(0.22)) {
      tags.push(DEMO_TAGS.callBack);
    }
    const first = tags[0];
    const note = first && random.chance(0.35) ? random.pick(first.notes) : null;
    return { tags, note };
  }

  private assemble(index: number, start: number, slot: CallSlot, draft: Draft): DemoCall {
    const { random } = this;
    const { routed, party, creator, campaign } = draft;
    const transactionId = stableUuid(this.seed, index);
    const answerAt = routed.answerAt;
    const billSec = answerAt === null ? 0 : routed.endAt - answerAt;
    const hasRecording = answerAt !== null;
    const recordingUrl = hasRecording ? demoRecordingUrl(transactionId, start) : "";

    let price = 0;
    if (routed.forwardOut) {
      price = outboundPrice(routed.forwardOut.provider, routed.forwardOut.seconds);
    } else if (draft.direction === "outbound" && party) {
      price = outboundPrice(party.provider, billSec);
    }

    const { tags, note } = this.annotate(draft, billSec);
    const createdDate = Math.min(
      this.nowMilliseconds,
      (routed.endAt + random.int(1, 3)) * 1000 + random.int(0, 999),
    );
    // A tag or note is added after the call: the record is updated then.
    const lastUpdatedDate =
      tags.length > 0 || note
        ? Math.min(this.nowMilliseconds, createdDate + random.int(20_000, 3 * 3_600_000))
        : createdDate;

    const call: Call = {
      transaction_id: transactionId,
      tenant_id: DEMO_TENANT_ID,
      direction: draft.direction,
      source_number: draft.sourceNumber,
      destination_number: draft.destinationNumber,
      bill_sec: billSec,
      record_seconds: hasRecording ? Math.max(1, billSec - random.int(0, 1)) : 0,
      time_start_to_answer: answerAt,
      recording_file: hasRecording ? demoRecordingFile(transactionId) : "",
      recording_file_url: recordingUrl,
      recording_data: null,
      sip_user: routed.sipUser?.extension ?? null,
      created_date: createdDate,
      last_updated_date: Math.max(createdDate, lastUpdatedDate),
      is_auto_call: campaign !== null,
      ivr: "none",
      provider: party?.provider ?? null,
      duration: routed.endAt - start,
      user: routed.staff.map(callUserOf),
      customer: party?.customer
        ? {
            full_name: party.customer.fullName,
            full_name_unsigned: party.customer.fullNameUnsigned,
          }
        : null,
      state: null,
      call_uuid: null,
      from_number: null,
      to_number: null,
      hotline: null,
      is_have_forward_out: routed.forwardOut !== null,
      bill_sec_forward_out: routed.forwardOut?.seconds ?? 0,
      call_out_price: price,
      note,
      tag: tags.map((tag) => tag.id),
      invite_failure_status: routed.hangup.inviteFailureStatus,
      answer_sec: answerAt === null ? 0 : answerAt - start,
      autocall_uuid: campaign ? stableUuid(this.seed, index, 1) : null,
      autocall_id: campaign?.id ?? null,
      sip_number: draft.hotline?.number ?? null,
      phone_number: draft.phoneNumber,
      create_by: creatorOf(creator),
      transfer_histories: routed.transfers,
      user_data_str: null,
      user_ref_code: null,
      endby_name: routed.hangup.endBy,
      hangup_cause: routed.hangup.cause,
      sip_hangup_disposition: routed.hangup.disposition,
      hangup_cause_q850: routed.hangup.q850,
      is_voicemail: routed.isVoicemail,
      recording_file_voicemail: routed.isVoicemail ? recordingUrl : null,
      domain_fusion: DEMO_DOMAIN,
      send_num_retry: random.weighted(SEND_RETRIES),
      time_start_call: start,
      time_end_call: routed.endAt,
      out_of_working_time: !slot.working,
      sip_number_tags: [],
      evaluations: null,
      total_evaluate: null,
      internal_destination: null,
      classifies: null,
      collect_info_variables: null,
    };
    return { call, legs: routed.legs };
  }
}

type Creator = NonNullable<Call["create_by"]>;

function creatorOf(agent: DemoAgent | null): Creator {
  if (!agent) {
    // Calls no agent placed (inbound, campaigns): the vendor's placeholder creator.
    return {
      id: null,
      name: NO_AGENT_CREATOR_NAME,
      contact_id: null,
      avatar: null,
      gender: null,
      uuid: null,
      type: "extension",
    };
  }
  return {
    id: agent.id,
    name: agent.fullName,
    contact_id: agent.contactId,
    avatar: null,
    gender: null,
    uuid: null,
    type: "agent",
  };
}

/** Checks the options at once (a generator's body would only run at its first call). */
export function generateDemoCalls(options: GenerateDemoCallsOptions): Generator<DemoCall> {
  const { count, now } = options;
  if (!Number.isSafeInteger(count) || count < 0) {
    throw new RangeError(`count must be a whole number of calls, 0 or more (got ${count})`);
  }
  if (!Number.isSafeInteger(options.seed)) {
    throw new RangeError(`seed must be an integer (got ${options.seed})`);
  }
  if (!(now instanceof Date) || Number.isNaN(now.getTime())) {
    throw new RangeError("now must be a valid date");
  }
  return demoCalls(count, options.seed >>> 0, Math.floor(now.getTime() / 1000));
}

function* demoCalls(count: number, seed: number, nowSeconds: number): Generator<DemoCall> {
  if (count === 0) return;
  const factory = new DemoCallFactory(seed, count, nowSeconds);
  let index = 0;
  for (const slot of callSlots(count, nowSeconds, seed)) {
    for (const start of slot.starts) {
      yield factory.make(index, start, slot);
      index += 1;
    }
  }
}
