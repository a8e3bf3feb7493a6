/**
 * The options each filter offers, in the supervisor's language: fixed ones (direction, outcome)
 * from the contract, the rest from /api/filters. Chips and selects share these labels.
 */
import { useQuery } from "@tanstack/react-query";
import { STATUS_ICONS } from "@/components/ui/call-status-badge.tsx";
import type { SelectOption } from "@/components/ui/multi-select.tsx";
import { CALL_DIRECTIONS, CALL_STATUSES } from "@/contract/call.ts";
import type { FilterOptions } from "@/contract/filter-options.ts";
import { CALL_DIRECTION_LABELS, CALL_STATUS_LABELS } from "@/lib/call-vocabulary.ts";
import { formatPhoneNumber } from "@/lib/format.ts";
import { useMessages } from "@/lib/i18n/messages.ts";
import { usePreferences } from "@/lib/i18n/preferences.tsx";
import { callQueries } from "../api/call-queries.ts";
import { HANGUP_CAUSE_LABELS, providerName } from "../messages.ts";
import type { ListFilterKey } from "../search/calls-search.ts";

export type FilterOptionLists = Record<ListFilterKey, SelectOption[]>;

const EMPTY_OPTIONS: FilterOptions = {
  agents: [],
  hotlines: [],
  tags: [],
  providers: [],
  hangup_causes: [],
};

export function useFilterOptionLists(): FilterOptionLists {
  const { language } = usePreferences();
  const hangupCauses = useMessages(HANGUP_CAUSE_LABELS);
  const { data = EMPTY_OPTIONS } = useQuery(callQueries.filterOptions());
  return {
    direction: CALL_DIRECTIONS.map((direction) => ({
      value: direction,
      label: CALL_DIRECTION_LABELS[language][direction],
    })),
    status: CALL_STATUSES.map((status) => {
      const Icon = STATUS_ICONS[status];
      return {
        value: status,
        label: CALL_STATUS_LABELS[language][status],
        icon: (
          <Icon
            aria-hidden="true"
            className="size-3.5"
            style={{ color: `var(--status-${status})` }}
          />
        ),
      };
    }),
    sip_user: data.agents.map((agent) => ({
      value: agent.value,
      label: agent.label ?? agent.value,
      hint: agent.value,
    })),
    sip_number: data.hotlines.map((hotline) => ({
      value: hotline.value,
      label: hotline.label ?? formatPhoneNumber(hotline.value),
    })),
    provider: data.providers.map((provider) => ({
      value: provider.value,
      label: provider.label ?? providerName(provider.value),
    })),
    tag: data.tags.map((tag) => ({ value: tag.value, label: tag.label ?? tag.value })),
    hangup_cause: data.hangup_causes.map((cause) => ({
      value: cause.value,
      label: cause.label ?? hangupCauses[cause.value] ?? cause.value,
    })),
  };
}

/** The label of a selected value, even when /api/filters does not (or not yet) list it. */
export function optionLabel(options: readonly SelectOption[], value: string): string {
  return options.find((option) => option.value === value)?.label ?? value;
}
