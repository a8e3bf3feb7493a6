/** One field's value, formatted for reading; nothing (null, "", []) is "—". */

import { StatusBadge } from "@/components/ui/call-status-badge.tsx";
import type { CallDirection, CallStatus, CallUser } from "@/contract/call.ts";
import { CALL_DIRECTIONS, CALL_STATUSES, NO_AGENT_CREATOR_NAME } from "@/contract/call.ts";
import { toUnixSeconds } from "@/contract/call-derivations.ts";
import { CALL_DIRECTION_LABELS } from "@/lib/call-vocabulary.ts";
import { formatDateTime, formatDuration, formatPhoneNumber, formatVnd } from "@/lib/format.ts";
import { useMessages } from "@/lib/i18n/messages.ts";
import { usePreferences } from "@/lib/i18n/preferences.tsx";
import { type FieldKind, isEmptyValue } from "../lib/call-fields.ts";
import { type Directory, readTransfers } from "../lib/people.ts";
import { callDetailMessages } from "../messages.ts";

export const EMPTY = "—";

export type FieldLookups = {
  directory?: Directory;
  /** Tag id → name. */
  tagNames?: ReadonlyMap<string, string>;
};

function compactJson(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

export function FieldValue({
  kind,
  value,
  lookups = {},
}: {
  kind: FieldKind;
  value: unknown;
  lookups?: FieldLookups;
}) {
  const messages = useMessages(callDetailMessages);
  const { language, timeZone } = usePreferences();
  if (isEmptyValue(value)) return <span className="text-slate-400">{EMPTY}</span>;
  const code = (text: string) => <span className="font-mono text-[12px] break-all">{text}</span>;
  const withCode = (words: string | undefined, raw: string) =>
    words ? (
      <>
        {words} <span className="font-mono text-[11px] text-slate-500">{raw}</span>
      </>
    ) : (
      code(raw)
    );

  switch (kind) {
    case "code":
      return code(String(value));
    case "timestamp":
      return typeof value === "number" ? (
        <span className="tabular-nums">{formatDateTime(toUnixSeconds(value), timeZone)}</span>
      ) : (
        code(String(value))
      );
    case "seconds":
      return typeof value === "number" ? (
        <span className="tabular-nums">
          {formatDuration(value)}{" "}
          <span className="text-slate-500">({messages.fields.seconds(value)})</span>
        </span>
      ) : (
        code(String(value))
      );
    case "price":
      return typeof value === "number" ? (
        <span className="tabular-nums">{formatVnd(value, language)}</span>
      ) : (
        code(String(value))
      );
    case "phone":
      return (
        <span className="tabular-nums">{formatPhoneNumber(String(value)) || String(value)}</span>
      );
    case "boolean":
      return typeof value === "boolean"
        ? value
          ? messages.fields.yes
          : messages.fields.no
        : code(compactJson(value));
    case "direction":
      return CALL_DIRECTIONS.includes(value as CallDirection)
        ? CALL_DIRECTION_LABELS[language][value as CallDirection]
        : code(String(value));
    case "status":
      return CALL_STATUSES.includes(value as CallStatus) ? (
        <StatusBadge status={value as CallStatus} />
      ) : (
        code(String(value))
      );
    case "endedBy":
      return withCode(messages.summary.endedBy[String(value)], String(value));
    case "creatorName":
      return value === NO_AGENT_CREATOR_NAME
        ? withCode(messages.fields.noAgent, String(value))
        : String(value);
    case "hangupCause":
      return withCode(messages.hangupCauses[String(value)], String(value));
    case "tags":
      return Array.isArray(value) ? (
        <span className="flex flex-wrap gap-1">
          {value.map((tag) => {
            const id = String(tag);
            const name = lookups.tagNames?.get(id);
            return (
              <span
                key={id}
                title={id}
                className="rounded bg-slate-100 px-1.5 text-[12px] text-slate-700"
              >
                {name ?? id}
              </span>
            );
          })}
        </span>
      ) : (
        code(compactJson(value))
      );
    case "staff":
      return Array.isArray(value) ? (
        <StaffList people={value as CallUser[]} />
      ) : (
        code(compactJson(value))
      );
    case "transfers":
      return <TransferList transfers={value} directory={lookups.directory} />;
    case "json":
      return code(typeof value === "string" ? value : compactJson(value));
    case "text":
      return typeof value === "object" ? code(compactJson(value)) : String(value);
  }
}

function StaffList({ people }: { people: CallUser[] }) {
  const messages = useMessages(callDetailMessages).fields;
  return (
    <ol className="space-y-0.5">
      {people.map((person, index) => (
        <li key={index}>
          <span className="sr-only">{messages.staffEntry(index + 1)}: </span>
          {person.full_name ?? EMPTY}
          {person.full_name_unsigned && person.full_name_unsigned !== person.full_name && (
            <span className="text-slate-500">
              {" "}
              ({messages.unsigned}: {person.full_name_unsigned})
            </span>
          )}
          {person.note && (
            <span className="text-slate-500">
              {" "}
              · {messages.staffNote}: {person.note}
            </span>
          )}
          {person.tag && person.tag.length > 0 && (
            <span className="text-slate-500">
              {" "}
              · {messages.staffTags}: {person.tag.map((tag) => tag.name).join(", ")}
            </span>
          )}
        </li>
      ))}
    </ol>
  );
}

/** Transfers as sent (their shape is not public): known fields in words, the rest as JSON. */
function TransferList({ transfers, directory }: { transfers: unknown; directory?: Directory }) {
  const messages = useMessages(callDetailMessages);
  const { timeZone } = usePreferences();
  if (!Array.isArray(transfers)) return <>{compactJson(transfers)}</>;
  const person = (extension: string | null) =>
    extension ? messages.summary.person(directory?.get(extension) ?? null, extension) : EMPTY;
  return (
    <ol className="space-y-0.5">
      {readTransfers({ transfer_histories: transfers }).map((transfer, index) => (
        <li key={index}>
          {transfer.fromUser || transfer.toUser ? (
            <>
              {messages.transfers.entry(person(transfer.fromUser), person(transfer.toUser))}
              {transfer.at !== null && (
                <span className="tabular-nums">
                  {" "}
                  · {formatDateTime(toUnixSeconds(transfer.at), timeZone)}
                </span>
              )}
              {transfer.type && (
                <span className="text-slate-500">
                  {" "}
                  · {messages.transfers.type[transfer.type] ?? transfer.type}
                </span>
              )}
            </>
          ) : (
            <span className="font-mono text-[12px] break-all">{compactJson(transfer.raw)}</span>
          )}
        </li>
      ))}
    </ol>
  );
}
