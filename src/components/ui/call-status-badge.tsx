/**
 * A call's outcome as its colour, icon and word (never colour alone): the same badge in the
 * table, the filters and the drawer, from the --status-* colours in styles.css.
 */
import {
  Ban,
  CircleAlert,
  CircleCheck,
  type LucideIcon,
  PhoneMissed,
  Voicemail,
} from "lucide-react";
import type { CallStatus } from "@/contract/call.ts";
import { CALL_STATUS_LABELS } from "@/lib/call-vocabulary.ts";
import { usePreferences } from "@/lib/i18n/preferences.tsx";

export const STATUS_ICONS: Record<CallStatus, LucideIcon> = {
  answered: CircleCheck,
  missed: PhoneMissed,
  voicemail: Voicemail,
  busy: Ban,
  failed: CircleAlert,
};

export function StatusBadge({ status }: { status: CallStatus }) {
  const { language } = usePreferences();
  const Icon = STATUS_ICONS[status];
  return (
    <span
      className="inline-flex items-center gap-1 rounded-full px-1.5 text-[12px] leading-[18px] font-medium whitespace-nowrap"
      style={{
        color: `color-mix(in srgb, var(--status-${status}) 65%, black)`,
        backgroundColor: `color-mix(in srgb, var(--status-${status}) 11%, white)`,
      }}
    >
      <Icon aria-hidden="true" className="size-3.5" style={{ color: `var(--status-${status})` }} />
      {CALL_STATUS_LABELS[language][status]}
    </span>
  );
}
