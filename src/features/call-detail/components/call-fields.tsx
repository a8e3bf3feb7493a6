/**
 * Every field of the call, grouped (overview, customer, agent, routing, billing, hangup,
 * technical), then "more": whatever the API sends that the contract does not know yet.
 */
import { ChevronRight } from "lucide-react";
import type { ReactNode } from "react";
import type { CallDetailEnvelope } from "@/contract/call.ts";
import { useMessages } from "@/lib/i18n/messages.ts";
import { type FieldGroup, groupCallFields } from "../lib/call-fields.ts";
import { callDetailMessages } from "../messages.ts";
import { type FieldLookups, FieldValue } from "./field-value.tsx";

/** Read most; the technical ones are there for the curious and for support tickets. */
const COLLAPSED: ReadonlySet<FieldGroup> = new Set(["technical"]);

export function CallFields({
  envelope,
  lookups,
}: {
  envelope: CallDetailEnvelope;
  lookups: FieldLookups;
}) {
  const messages = useMessages(callDetailMessages).fields;
  const { groups, more } = groupCallFields(envelope.payload, envelope);
  return (
    <section aria-labelledby="call-detail-fields" className="space-y-2">
      <h3 id="call-detail-fields" className="font-semibold">
        {messages.heading}
      </h3>
      {groups.map(({ group, fields }) => (
        <FieldGroupPanel key={group} title={messages.groups[group]} open={!COLLAPSED.has(group)}>
          {fields.map((field) => (
            <div key={field.key} className="contents">
              <dt className="text-slate-500" title={field.key}>
                {messages.labels[field.key]}
              </dt>
              <dd className="min-w-0">
                <FieldValue kind={field.kind} value={field.value} lookups={lookups} />
              </dd>
            </div>
          ))}
        </FieldGroupPanel>
      ))}
      {more.length > 0 && (
        <FieldGroupPanel title={messages.groups.more} open hint={messages.moreHint}>
          {more.map((field) => (
            <div key={field.path} className="contents">
              <dt className="font-mono text-[12px] break-all text-slate-500">{field.path}</dt>
              <dd className="min-w-0">
                <FieldValue kind="json" value={field.value} />
              </dd>
            </div>
          ))}
        </FieldGroupPanel>
      )}
    </section>
  );
}

function FieldGroupPanel({
  title,
  open,
  hint,
  children,
}: {
  title: string;
  open: boolean;
  hint?: string;
  children: ReactNode;
}) {
  return (
    <details open={open} className="group rounded-md border border-slate-200">
      <summary className="flex cursor-pointer list-none items-center gap-1 px-2 py-1.5 font-medium select-none hover:bg-slate-50 [&::-webkit-details-marker]:hidden">
        <ChevronRight
          aria-hidden="true"
          className="size-3.5 text-slate-500 transition-transform group-open:rotate-90"
        />
        {title}
      </summary>
      {hint && <p className="px-2 text-[12px] text-slate-500">{hint}</p>}
      <dl
        aria-label={title}
        className="grid grid-cols-[minmax(0,10.5rem)_minmax(0,1fr)] gap-x-4 gap-y-1 px-2 pt-1 pb-2"
      >
        {children}
      </dl>
    </details>
  );
}
