import { describe, expect, it } from "vitest";
import {
  DEFAULT_SEARCH,
  parseCallsSearch,
  serializeCallsSearch,
  toListQuery,
} from "./calls-search.ts";
import { matchingPreset, presetRange, resolvePreset, resolveRange } from "./date-range.ts";

const HCM = "Asia/Ho_Chi_Minh";
// 25/11/2026 01:30 in Ho Chi Minh City, still 24/11 in UTC.
const NOW = Date.UTC(2026, 10, 24, 18, 30);

describe("the calls page's URL", () => {
  it("reads an empty query as the default view and writes it back as nothing", () => {
    expect(parseCallsSearch("")).toEqual({ search: DEFAULT_SEARCH, problems: [] });
    expect(String(serializeCallsSearch(DEFAULT_SEARCH))).toBe("");
  });

  it("round-trips every parameter, in one canonical form", () => {
    const query =
      "direction=inbound&status=busy&status=missed&sip_user=101&sip_user=105&sip_number=19008414&provider=viettel&tag=t1&hangup_cause=NO_ANSWER&keyword=%C4%90%E1%BB%A9c&min_duration=30&max_duration=600&has_recording=true&is_auto_call=false&out_of_working_time=true&transferred=false&sort=-bill_sec&page=3&size=100&from=2026-11-20T08%3A00&to=2026-11-21T17%3A30&call=abc-123&t=42";
    const { search, problems } = parseCallsSearch(`?${query}`);
    expect(problems).toEqual([]);
    expect(String(serializeCallsSearch(search))).toBe(query);
  });

  it("sorts and deduplicates repeated values, and accepts the comma form", () => {
    const { search } = parseCallsSearch("?status=missed,busy&status=missed");
    expect(search.filters.status).toEqual(["busy", "missed"]);
  });

  it("drops what does not parse, keeps the rest, and names what it dropped", () => {
    const { search, problems } = parseCallsSearch(
      "?status=missed&status=nope&page=0&size=30&sort=-name&min_duration=90&max_duration=10&from=2026-02-30&range=soon&call=a%20b&t=x&keyword=ok",
    );
    expect(problems).toEqual([
      "status",
      "min_duration",
      "max_duration",
      "sort",
      "page",
      "size",
      "range",
      "from",
      "call",
    ]);
    expect(search).toEqual({
      ...DEFAULT_SEARCH,
      filters: { ...DEFAULT_SEARCH.filters, keyword: "ok" },
    });
  });

  it("rejects a window that ends before it starts", () => {
    const { search, problems } = parseCallsSearch("?from=2026-11-21T00:00&to=2026-11-20T00:00");
    expect(problems).toEqual(["from", "to"]);
    expect(search.range).toEqual({ kind: "default" });
  });

  it("reads bare dates as whole days in call-center time", () => {
    const { search } = parseCallsSearch("?from=2026-11-20&to=2026-11-21");
    expect(search.range).toEqual({
      kind: "between",
      from: "2026-11-20T00:00",
      to: "2026-11-21T23:59",
    });
    expect(resolveRange(search.range, "UTC", NOW)).toEqual({
      from: Date.UTC(2026, 10, 19, 17, 0),
      to: Date.UTC(2026, 10, 21, 17, 0) - 1,
    });
  });

  it("asks the list endpoint for the page, the order and the window", () => {
    const { search } = parseCallsSearch("?status=missed&page=2&range=all");
    expect(toListQuery(search, HCM, NOW)).toEqual({
      ...DEFAULT_SEARCH.filters,
      status: ["missed"],
      from_date: undefined,
      to_date: undefined,
      sort: "-time_start_call",
      page: 2,
      size: 50,
    });
  });
});

describe("date presets", () => {
  it("resolves presets to whole days in the reader's zone", () => {
    expect(resolvePreset("today", HCM, NOW)).toEqual({
      from: Date.UTC(2026, 10, 24, 17, 0),
      to: Date.UTC(2026, 10, 25, 17, 0) - 1,
    });
    // In UTC it is still the 24th.
    expect(resolvePreset("today", "UTC", NOW)).toEqual({
      from: Date.UTC(2026, 10, 24),
      to: Date.UTC(2026, 10, 25) - 1,
    });
    expect(resolvePreset("last_month", HCM, NOW)).toEqual({
      from: Date.UTC(2026, 9, 1) - 7 * 3_600_000,
      to: Date.UTC(2026, 10, 1) - 7 * 3_600_000 - 1,
    });
  });

  it("names a stored window by its preset only while it still is that preset", () => {
    const yesterday = presetRange("yesterday", HCM, NOW);
    expect(yesterday).toEqual({
      kind: "between",
      from: "2026-11-24T00:00",
      to: "2026-11-24T23:59",
    });
    expect(matchingPreset(yesterday, HCM, NOW)).toBe("yesterday");
    expect(matchingPreset(yesterday, HCM, NOW + 86_400_000)).toBeUndefined();
    expect(matchingPreset({ kind: "default" }, HCM, NOW)).toBe("last_7_days");
  });
});
