/**
 * The fixed mixes of list queries the benchmark times, over the demo store. Values that depend on
 * the data (an agent, a phone fragment, a name) are picked from the store itself so the mixes work
 * for any seed.
 */
import type Database from "better-sqlite3";
import { foldDiacritics } from "@/lib/fold-diacritics.ts";

export type ListMix = { name: string; query: Record<string, string> };

export function listMixes(sqlite: Database.Database): ListMix[] {
  const newest = (
    sqlite.prepare("SELECT max(time_start_call) AS t FROM calls").get() as { t: number }
  ).t;
  const agent = sqlite
    .prepare(
      "SELECT sip_user FROM calls WHERE sip_user IS NOT NULL GROUP BY sip_user ORDER BY count(*) DESC LIMIT 1",
    )
    .get() as { sip_user: string };
  const sample = JSON.parse(
    (
      sqlite
        .prepare(
          "SELECT record FROM call_records WHERE json_extract(record, '$.customer.full_name') IS NOT NULL LIMIT 1 OFFSET 1000",
        )
        .get() as { record: string }
    ).record,
  ) as { phone_number: string; customer: { full_name: string } };
  const sevenDaysAgo = (newest - 7 * 86_400) * 1000;
  return [
    { name: "no filter", query: {} },
    { name: "last 7 days", query: { from_date: String(sevenDaysAgo) } },
    { name: "inbound + missed", query: { direction: "inbound", status: "missed" } },
    { name: "one agent", query: { sip_user: agent.sip_user } },
    { name: "keyword: phone substring", query: { keyword: sample.phone_number.slice(2, 8) } },
    {
      name: "keyword: name without diacritics",
      query: { keyword: foldDiacritics(sample.customer.full_name) },
    },
    { name: "sorted by duration desc", query: { sort: "-duration" } },
    { name: "page 1 000 of 50", query: { page: "1000" } },
  ];
}

/**
 * Filters for the browser's "filter change → rows" runs, as the SPA's URL states them: one per
 * agent (then outcome and direction combinations), each distinct so no run is served from the
 * app's query cache, and consecutive ones never show the same rows.
 */
export function browserFilterSearches(sqlite: Database.Database): string[] {
  const agents = sqlite
    .prepare(
      "SELECT sip_user FROM calls WHERE sip_user IS NOT NULL GROUP BY sip_user ORDER BY count(*) DESC LIMIT 40",
    )
    .all() as { sip_user: string }[];
  const combinations = ["inbound", "outbound"].flatMap((direction) =>
    ["answered", "missed", "busy"].map((status) => ({ direction, status })),
  );
  return [
    ...agents.map((agent) => `/?${new URLSearchParams({ sip_user: agent.sip_user })}`),
    ...combinations.map((combination) => `/?${new URLSearchParams(combination)}`),
  ];
}
