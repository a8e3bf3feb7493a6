/**
 * Test kit for the calls page: realistic list items, a fake API behind `fetch` that records every
 * request and answers like the server (envelope, paging), and a render with a fresh QueryClient
 * (no retries) and pinned preferences.
 */
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { configure, render } from "@testing-library/react";
import type { ReactNode } from "react";
import { vi } from "vitest";
import type { CallListItem, CallStatus } from "@/contract/call.ts";
import type { FilterOptions } from "@/contract/filter-options.ts";
import { type Language, PreferencesProvider } from "@/lib/i18n/preferences.tsx";
import { CallsPage } from "../components/calls-page.tsx";
import { parseCallsSearch } from "../search/calls-search.ts";

// A whole page of rows renders slowly in jsdom on a busy machine: wait longer than the default
// second before deciding something did not appear.
configure({ asyncUtilTimeout: 4000 });

const BASE_START = 1_795_591_677; // 2026-11-25 14:27:57 in Ho Chi Minh City

export function makeCall(index: number, overrides: Partial<CallListItem> = {}): CallListItem {
  const status: CallStatus = overrides.status ?? (index % 4 === 3 ? "missed" : "answered");
  const answered = status === "answered";
  const start = BASE_START - index * 300;
  const id = `call-${String(index).padStart(4, "0")}`;
  return {
    transaction_id: id,
    tenant_id: "64f1c2a97b3e5d0012a8e4c7",
    direction: index % 3 === 0 ? "outbound" : "inbound",
    source_number: "0983223566",
    destination_number: "842499950998",
    bill_sec: answered ? 95 : 0,
    record_seconds: answered ? 95 : 0,
    time_start_to_answer: answered ? start + 12 : null,
    recording_file: answered ? `${id}.wav` : "",
    recording_file_url: answered ? `https://recordings.demo.invalid/${id}.wav` : "",
    recording_data: null,
    sip_user: "105",
    created_date: start * 1000,
    last_updated_date: start * 1000,
    is_auto_call: false,
    ivr: "none",
    provider: "viettel",
    duration: answered ? 107 : 25,
    user: [
      { full_name: "Nguyễn Văn Đức", full_name_unsigned: "Nguyen Van Duc", note: null, tag: null },
    ],
    customer: { full_name: `Khách ${index}`, full_name_unsigned: `Khach ${index}` },
    state: null,
    call_uuid: null,
    from_number: null,
    to_number: null,
    hotline: null,
    is_have_forward_out: false,
    bill_sec_forward_out: 0,
    call_out_price: answered ? 1100 : 0,
    note: null,
    tag: index % 5 === 0 ? ["tag-vip"] : [],
    invite_failure_status: null,
    answer_sec: answered ? 12 : 0,
    autocall_uuid: null,
    autocall_id: null,
    sip_number: "842499950998",
    phone_number: `09832${String(23566 + index).padStart(5, "0")}`,
    create_by: null,
    transfer_histories: [],
    user_data_str: null,
    user_ref_code: null,
    endby_name: "end_call_by_customer",
    hangup_cause: answered ? "NORMAL_CLEARING" : "NO_ANSWER",
    sip_hangup_disposition: "send_bye",
    hangup_cause_q850: answered ? 16 : 19,
    is_voicemail: false,
    recording_file_voicemail: null,
    domain_fusion: "saomaidemo",
    send_num_retry: 0,
    time_start_call: start,
    time_end_call: start + (answered ? 107 : 25),
    out_of_working_time: false,
    sip_number_tags: [],
    evaluations: null,
    total_evaluate: null,
    internal_destination: null,
    classifies: null,
    collect_info_variables: null,
    status,
    agents_rung: 1,
    is_transferred: false,
    ...overrides,
  };
}

export const FILTER_OPTIONS: FilterOptions = {
  agents: [
    { value: "101", label: "Nguyễn Thanh Xuân" },
    { value: "105", label: "Nguyễn Văn Đức" },
    { value: "112", label: "Võ Thị Nga" },
  ],
  hotlines: [
    { value: "19008414", label: null },
    { value: "842499950998", label: null },
  ],
  tags: [
    { value: "tag-vip", label: "VIP" },
    { value: "tag-callback", label: "Gọi lại" },
  ],
  providers: [
    { value: "viettel", label: null },
    { value: "vinaphone", label: null },
  ],
  hangup_causes: [
    { value: "NORMAL_CLEARING", label: null },
    { value: "NO_ANSWER", label: null },
  ],
};

const INSTANCE = { instance_id: "test", instance_version: "1.2.164", key_enabled: false };

type Answer = { status: number; body: unknown };
export type ListHandler = (params: URLSearchParams, calls: CallListItem[]) => Answer | undefined;

export function listAnswer(calls: CallListItem[], params: URLSearchParams): Answer {
  const page = Number(params.get("page") ?? 1);
  const size = Number(params.get("size") ?? 50);
  const totalPages = Math.ceil(calls.length / size);
  return {
    status: 200,
    body: {
      ...INSTANCE,
      payload: {
        items: calls.slice((page - 1) * size, page * size),
        page_number: page,
        page_size: size,
        total_items: calls.length,
        total_pages: totalPages,
        has_next: page < totalPages,
        next_page: page < totalPages ? page + 1 : page,
        has_previous: page > 1,
        previous_page: page > 1 ? page - 1 : page,
        extension: null,
      },
      status_code: 9999,
    },
  };
}

export function errorAnswer(status: number, message = "internal_error"): Answer {
  return { status, body: { ...INSTANCE, status_code: -9999, message, payload: null } };
}

/**
 * Replaces fetch with the fake API. `list` may answer differently per request (errors, empty
 * results); by default it pages through `calls`. Returns the list requests' parameters.
 */
export function installFakeApi({
  // One page by default: a small DOM keeps queries by role fast.
  calls = Array.from({ length: 12 }, (_, index) => makeCall(index)),
  list,
  delayMs = 0,
}: {
  calls?: CallListItem[];
  list?: ListHandler;
  delayMs?: number;
} = {}) {
  const listRequests: URLSearchParams[] = [];
  const fetchMock = vi.fn(async (input: RequestInfo | URL) => {
    const url = new URL(String(input), "http://localhost");
    let answer: Answer;
    if (url.pathname === "/api/filters") {
      answer = { status: 200, body: { ...INSTANCE, payload: FILTER_OPTIONS, status_code: 9999 } };
    } else if (url.pathname === "/api/call_transaction/list") {
      listRequests.push(url.searchParams);
      answer = list?.(url.searchParams, calls) ?? listAnswer(calls, url.searchParams);
    } else {
      answer = errorAnswer(404, "resource_not_found");
    }
    if (delayMs > 0) await new Promise((resolve) => setTimeout(resolve, delayMs));
    return new Response(JSON.stringify(answer.body), {
      status: answer.status,
      headers: { "content-type": "application/json" },
    });
  });
  vi.stubGlobal("fetch", fetchMock);
  return {
    listRequests,
    /**
     * The last request for the page the URL shows (not the next page fetched ahead of it),
     * without the date window, which moves daily.
     */
    lastList: () => {
      const { page } = parseCallsSearch(window.location.search).search;
      const pageParam = page === 1 ? null : String(page);
      return withoutDates(listRequests.findLast((params) => params.get("page") === pageParam));
    },
  };
}

export function withoutDates(params: URLSearchParams | undefined): Record<string, string> {
  const entries: Record<string, string> = {};
  for (const [key, value] of params ?? []) {
    if (key === "from_date" || key === "to_date") continue;
    entries[key] = entries[key] === undefined ? value : `${entries[key]},${value}`;
  }
  return entries;
}

/** jsdom lacks what Radix and cmdk measure with. */
function installLayoutStubs() {
  if (!("ResizeObserver" in window)) {
    vi.stubGlobal(
      "ResizeObserver",
      class {
        observe() {}
        unobserve() {}
        disconnect() {}
      },
    );
  }
  Element.prototype.scrollIntoView ??= () => {};
  Element.prototype.hasPointerCapture ??= () => false;
  Element.prototype.releasePointerCapture ??= () => {};
}

export function renderCallsPage({
  url = "/",
  language = "vi",
  alongside,
}: {
  url?: string;
  language?: Language;
  /** What the app shows with the page (its header, the drawer), for app-level tests. */
  alongside?: ReactNode;
} = {}) {
  installLayoutStubs();
  localStorage.clear();
  window.history.replaceState(null, "", url);
  const queryClient = new QueryClient({
    defaultOptions: { queries: { retry: false, gcTime: Number.POSITIVE_INFINITY } },
  });
  const view = render(
    <QueryClientProvider client={queryClient}>
      <PreferencesProvider initial={{ language, timeZoneMode: "call-center" }}>
        {alongside}
        <CallsPage />
      </PreferencesProvider>
    </QueryClientProvider>,
  );
  return { ...view, queryClient };
}

/** The page's URL query as an object, repeated keys joined by commas. */
export function currentUrlParams(): Record<string, string> {
  const entries: Record<string, string> = {};
  for (const [key, value] of new URLSearchParams(window.location.search)) {
    entries[key] = entries[key] === undefined ? value : `${entries[key]},${value}`;
  }
  return entries;
}
