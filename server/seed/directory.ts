/**
 * Who the demo calls are between: the tenant's groups (ring groups and queues), their agents,
 * hotlines and auto-call campaigns, and its customers. Built from the seed alone (customers also
 * from their number), so the same seed always staffs the same center.
 */
import type { CallUser } from "@/contract/call.ts";
import { DEMO_EMAIL_DOMAIN } from "./demo-tenant.ts";
import { emailLocalPart, type Gender, randomAgentName, randomCustomerName } from "./people.ts";
import { type MobileNumber, type Provider, randomMobileNumber } from "./phone-numbers.ts";
import { objectId, Random } from "./random.ts";

/** How calls reach the group's agents; also the `type` of their legs. */
export type GroupStrategy = "queue" | "ring-group";

export type DemoGroup = {
  code: string;
  name: string;
  /** The group's number in the PBX: agent legs go `to` `<number>-<extension>`. */
  number: string;
  strategy: GroupStrategy;
  /** Seconds an agent rings before the group moves on. */
  ringTimeout: number;
  /** Median and spread (log-normal sigma) of the group's conversations, in seconds. */
  talkMedian: number;
  talkSigma: number;
  agents: DemoAgent[];
};

export type DemoAgent = {
  id: string;
  contactId: string;
  extension: string;
  fullName: string;
  fullNameUnsigned: string;
  gender: Gender;
  email: string;
  group: DemoGroup;
  /** `to` of the legs that ring this agent. */
  legTarget: string;
  /** The vendor's user tags (team labels), or null. */
  userTags: readonly string[] | null;
  /** Mobile the PBX forwards to when this agent is on call after hours. */
  mobile: MobileNumber;
  /** How much of the outbound work falls to this agent (full-time, part-time…). */
  activity: number;
};

export type DemoHotline = {
  number: string;
  group: DemoGroup;
  /** 1900/1800 service numbers only receive calls; landlines also present outbound calls. */
  canCallOut: boolean;
  /** After hours, the line forwards to an on-call agent's mobile instead of voicemail. */
  forwardsAfterHours: boolean;
  /** Relative share of the inbound calls. */
  inboundShare: number;
};

export type DemoCampaign = { id: string; name: string; group: DemoGroup; hotline: DemoHotline };

export type DemoStaff = {
  groups: DemoGroup[];
  agents: DemoAgent[];
  hotlines: DemoHotline[];
  campaigns: DemoCampaign[];
};

type GroupTemplate = Omit<DemoGroup, "number" | "agents"> & { staffShare: number };

/** The first three groups every center has; the other two only larger ones. */
const GROUP_TEMPLATES: GroupTemplate[] = [
  {
    code: "CSKH",
    name: "Chăm sóc khách hàng",
    strategy: "queue",
    ringTimeout: 20,
    talkMedian: 150,
    talkSigma: 0.8,
    staffShare: 0.38,
  },
  {
    code: "BH",
    name: "Bán hàng",
    strategy: "ring-group",
    ringTimeout: 25,
    talkMedian: 120,
    talkSigma: 0.9,
    staffShare: 0.3,
  },
  {
    code: "KT",
    name: "Kỹ thuật",
    strategy: "queue",
    ringTimeout: 30,
    talkMedian: 260,
    talkSigma: 0.75,
    staffShare: 0.18,
  },
  {
    code: "GV",
    name: "Giao vận",
    strategy: "ring-group",
    ringTimeout: 15,
    talkMedian: 80,
    talkSigma: 0.7,
    staffShare: 0.08,
  },
  {
    code: "KTOAN",
    name: "Kế toán",
    strategy: "ring-group",
    ringTimeout: 20,
    talkMedian: 110,
    talkSigma: 0.7,
    staffShare: 0.06,
  },
];

/** Vendor ids carry their creation time; the tenant's staff were created in 2023–2024. */
const STAFF_CREATED_FROM = Date.UTC(2023, 0, 1) / 1000;
const STAFF_CREATED_TO = Date.UTC(2024, 11, 31) / 1000;

/**
 * Shares `total` agents out by the groups' shares (largest remainders), at least two per group,
 * so that the sizes add up to exactly `total`.
 */
function groupSizes(total: number, shares: readonly number[]): number[] {
  const exact = shares.map((share) => share * total);
  const sizes = exact.map((size) => Math.max(2, Math.floor(size)));
  const gap = (index: number) => exact[index]! - sizes[index]!;
  const byGap = () => sizes.map((_, index) => index).sort((a, b) => gap(b) - gap(a));
  let sum = sizes.reduce((a, b) => a + b, 0);
  while (sum < total) {
    sizes[byGap()[0]!]! += 1;
    sum += 1;
  }
  while (sum > total) {
    const largest = sizes.indexOf(Math.max(...sizes));
    sizes[largest]! -= 1;
    sum -= 1;
  }
  return sizes;
}

const digits = (random: Random, count: number) =>
  String(random.int(0, 10 ** count - 1)).padStart(count, "0");

export function buildDemoStaff(seed: number): DemoStaff {
  const random = new Random(seed, 1);
  const groupCount = random.int(3, 5);
  const agentCount = random.int(20, 60);
  const firstGroupNumber = random.int(70_000, 79_000);

  const templates = GROUP_TEMPLATES.slice(0, groupCount);
  const shareTotal = templates.reduce((sum, template) => sum + template.staffShare, 0);
  const groups: DemoGroup[] = templates.map(({ staffShare: _, ...template }, index) => ({
    ...template,
    number: String(firstGroupNumber + index),
    agents: [],
  }));

  const sizes = groupSizes(
    agentCount,
    templates.map((template) => template.staffShare / shareTotal),
  );
  const agents: DemoAgent[] = [];
  const emails = new Set<string>();
  let extension = 101;
  groups.forEach((group, groupIndex) => {
    for (let member = 0; member < sizes[groupIndex]!; member += 1) {
      const person = randomAgentName(random);
      let email = emailLocalPart(person.name);
      for (let suffix = 2; emails.has(email); suffix += 1) {
        email = `${emailLocalPart(person.name)}${suffix}`;
      }
      emails.add(email);
      const ext = String(extension);
      extension += 1;
      const agent: DemoAgent = {
        id: objectId(random, random.int(STAFF_CREATED_FROM, STAFF_CREATED_TO)),
        contactId: objectId(random, random.int(STAFF_CREATED_FROM, STAFF_CREATED_TO)),
        extension: ext,
        fullName: person.fullName,
        fullNameUnsigned: person.fullNameUnsigned,
        gender: person.gender,
        email: `${email}@${DEMO_EMAIL_DOMAIN}`,
        group,
        legTarget: `${group.number}-${ext}`,
        userTags: random.chance(0.5)
          ? [`${group.code}_${String(member + 1).padStart(2, "0")}`]
          : null,
        mobile: randomMobileNumber(random),
        activity: random.between(0.5, 1.5),
      };
      group.agents.push(agent);
      agents.push(agent);
    }
  });

  const groupByCode = (code: string) => groups.find((group) => group.code === code) ?? groups[0]!;
  const hotlineTemplates: DemoHotline[] = [
    {
      number: `1900${digits(random, 4)}`,
      group: groupByCode("CSKH"),
      canCallOut: false,
      forwardsAfterHours: false,
      inboundShare: 35,
    },
    {
      number: `84287300${digits(random, 4)}`,
      group: groupByCode("BH"),
      canCallOut: true,
      forwardsAfterHours: false,
      inboundShare: 25,
    },
    {
      number: `1800${digits(random, 4)}`,
      group: groupByCode("KT"),
      canCallOut: false,
      forwardsAfterHours: true,
      inboundShare: 20,
    },
    {
      number: `84249995${digits(random, 4)}`,
      group: groupByCode("CSKH"),
      canCallOut: true,
      forwardsAfterHours: false,
      inboundShare: 10,
    },
    {
      number: `0287108${digits(random, 4)}`,
      group: groupByCode("GV"),
      canCallOut: true,
      forwardsAfterHours: false,
      inboundShare: 6,
    },
    {
      number: `0243625${digits(random, 4)}`,
      group: groupByCode("KTOAN"),
      canCallOut: true,
      forwardsAfterHours: false,
      inboundShare: 4,
    },
  ];
  const hotlines = hotlineTemplates.slice(0, random.int(3, 6));
  const outboundHotlines = hotlines.filter((hotline) => hotline.canCallOut);

  const campaignNames = [
    ["Nhắc lịch bảo dưỡng định kỳ", "KT"],
    ["Khảo sát hài lòng sau mua hàng", "CSKH"],
    ["Khuyến mãi cuối tuần", "BH"],
  ] as const;
  const campaigns = campaignNames.map(([name, code]) => ({
    id: objectId(random, random.int(STAFF_CREATED_TO, STAFF_CREATED_TO + 180 * 86_400)),
    name,
    group: groupByCode(code),
    hotline: random.pick(outboundHotlines),
  }));

  return { groups, agents, hotlines, campaigns };
}

export type DemoCustomer = {
  fullName: string;
  fullNameUnsigned: string;
  phoneNumber: string;
  provider: Provider;
  /** The agent who owns the customer in the CRM: the criteria script rings them first. */
  owner: DemoAgent | null;
  vip: boolean;
};

/**
 * The tenant's known customers, with distinct numbers. Kept apart from the staff because their
 * number grows with the number of calls, so that callers repeat as often at 5 000 calls as at
 * a million.
 */
export function buildDemoCustomers(seed: number, count: number, staff: DemoStaff): DemoCustomer[] {
  const random = new Random(seed, 2);
  // Owners are the agents who keep accounts: sales and customer care.
  const owners = staff.agents.filter((agent) => ["BH", "CSKH"].includes(agent.group.code));
  const customers: DemoCustomer[] = [];
  const numbers = new Set<string>();
  while (customers.length < count) {
    const mobile = randomMobileNumber(random);
    if (numbers.has(mobile.phoneNumber)) continue;
    numbers.add(mobile.phoneNumber);
    const name = randomCustomerName(random);
    customers.push({
      fullName: name.fullName,
      fullNameUnsigned: name.fullNameUnsigned,
      phoneNumber: mobile.phoneNumber,
      provider: mobile.provider,
      owner: owners.length > 0 && random.chance(0.4) ? random.pick(owners) : null,
      vip: random.chance(0.06),
    });
  }
  return customers;
}

/** The vendor's `user[]` entry for an agent: a fresh object, so callers may change theirs. */
export function callUserOf(agent: DemoAgent): CallUser {
  return {
    full_name: agent.fullName,
    full_name_unsigned: agent.fullNameUnsigned,
    note: null,
    tag: agent.userTags ? agent.userTags.map((name) => ({ name })) : null,
  };
}
