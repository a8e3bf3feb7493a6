/**
 * Who a leg rang, and agents' names by extension. Legs name agents only as `<group>-<extension>`
 * (`70759-118`); names come from the store's agent directory (`/api/filters`) and, failing that,
 * from the call itself: `sip_user` is the agent who took or made the call, who is `user[0]`, and
 * each transfer's `to_user` is the next person in `user[]`.
 */
import { type CallListItem, NO_AGENT_CREATOR_NAME } from "@/contract/call.ts";

/** Extension → agent name. */
export type Directory = ReadonlyMap<string, string>;

export type LegTarget =
  | { kind: "agent"; extension: string; group: string | null; name: string | null }
  | { kind: "voicemail"; group: string | null }
  | { kind: "number"; number: string }
  | { kind: "other"; value: string | null };

const AGENT_TARGET = /^(?:(\d+)-)?(\d{2,6})$/;
const VOICEMAIL_TARGET = /^(?:(\d+)-)?voicemail$/i;
const PHONE_NUMBER = /^\+?\d{7,15}$/;

export function parseLegTarget(to: string | null, directory: Directory): LegTarget {
  const value = to?.trim() ?? "";
  if (!value) return { kind: "other", value: null };
  const voicemail = VOICEMAIL_TARGET.exec(value);
  if (voicemail) return { kind: "voicemail", group: voicemail[1] ?? null };
  // A bare run of 7+ digits is a phone number; shorter ones, or group-extension, are agents.
  const agent = value.includes("-") || value.length < 7 ? AGENT_TARGET.exec(value) : null;
  if (agent?.[2]) {
    const extension = agent[2];
    return {
      kind: "agent",
      extension,
      group: agent[1] ?? null,
      name: directory.get(extension) ?? null,
    };
  }
  if (PHONE_NUMBER.test(value)) return { kind: "number", number: value };
  return { kind: "other", value };
}

/** The transfer fields the demo data and the webhook show; the vendor's shape is not public. */
export type TransferRecord = {
  fromUser: string | null;
  toUser: string | null;
  at: number | null;
  type: string | null;
  /** The entry as sent, for anything else it carries. */
  raw: unknown;
};

function stringField(record: Record<string, unknown>, ...keys: string[]): string | null {
  for (const key of keys) {
    const value = record[key];
    if (typeof value === "string" && value) return value;
    if (typeof value === "number") return String(value);
  }
  return null;
}

export function readTransfers(call: Pick<CallListItem, "transfer_histories">): TransferRecord[] {
  return call.transfer_histories.map((entry) => {
    if (typeof entry !== "object" || entry === null) {
      return { fromUser: null, toUser: null, at: null, type: null, raw: entry };
    }
    const record = entry as Record<string, unknown>;
    const at = record.at ?? record.time ?? record.created_at;
    return {
      fromUser: stringField(record, "from_user", "from", "from_extension"),
      toUser: stringField(record, "to_user", "to", "to_extension"),
      at: typeof at === "number" && at > 0 ? at : null,
      type: stringField(record, "type"),
      raw: entry,
    };
  });
}

/** The directory's names, completed with what the call itself says about its people. */
export function buildDirectory(
  call: Pick<CallListItem, "sip_user" | "user" | "transfer_histories" | "create_by">,
  agents: readonly { value: string; label: string | null }[] = [],
): Directory {
  const directory = new Map<string, string>();
  for (const agent of agents) if (agent.label) directory.set(agent.value, agent.label);
  const fill = (extension: string | null, name: string | null | undefined) => {
    if (extension && name && !directory.has(extension)) directory.set(extension, name);
  };
  const creator = call.create_by?.name;
  fill(
    call.sip_user,
    call.user[0]?.full_name ?? (creator !== NO_AGENT_CREATOR_NAME ? creator : null),
  );
  readTransfers(call).forEach((transfer, index) => {
    fill(transfer.toUser, call.user[index + 1]?.full_name);
  });
  return directory;
}
