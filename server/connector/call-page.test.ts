import { describe, expect, it } from "vitest";
import seedDetail from "../../tests/fixtures/seed-detail-response.json" with { type: "json" };
import seedList from "../../tests/fixtures/seed-list-response.json" with { type: "json" };
import { parseVendorCall, readCallDetail, readCallPage } from "./call-page.ts";

const call = { ...seedDetail.payload, transaction_id: "c1", tenant_id: "t1" };
const camel = (value: unknown): unknown => {
  if (Array.isArray(value)) return value.map(camel);
  if (typeof value !== "object" || value === null) return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, inner]) => [
      key.replace(/_([a-z0-9])/g, (_, letter: string) => letter.toUpperCase()),
      camel(inner),
    ]),
  );
};

describe("readCallPage", () => {
  it("reads the v1 list envelope of the seed, with its pagination", () => {
    const page = readCallPage(seedList);
    expect(page).toMatchObject({ hasNext: false, totalPages: 1, totalItems: 1 });
    expect(page?.items).toHaveLength(1);
  });

  it("finds the calls in plausible v3 variants", () => {
    const variants: unknown[] = [
      { status_code: 9999, payload: [call] },
      { status_code: 9999, payload: { data: [call], total: 1 } },
      { data: { items: [call], hasNext: true, totalItems: 80 } },
      { data: [call], pagination: { total_pages: 2 } },
      { items: [call] },
    ];
    for (const body of variants) {
      const page = readCallPage(body);
      expect(page?.items, JSON.stringify(body).slice(0, 60)).toHaveLength(1);
    }
    expect(readCallPage(variants[2])).toMatchObject({ hasNext: true, totalItems: 80 });
    expect(readCallPage(variants[3])).toMatchObject({ totalPages: 2 });
  });

  it("takes a configured path, and says so when there is no list", () => {
    expect(readCallPage({ result: { rows: [call] } }, "result.rows")?.items).toHaveLength(1);
    expect(readCallPage({ status_code: 9999, payload: { message: "hi" } })).toBeNull();
    expect(readCallPage("nope")).toBeNull();
  });
});

describe("parseVendorCall", () => {
  it("holds calls to the contract, renaming camelCase records", () => {
    expect(parseVendorCall(call)).toMatchObject({ ok: true, call: { transaction_id: "c1" } });
    expect(parseVendorCall(camel(call))).toMatchObject({
      ok: true,
      call: { transaction_id: "c1" },
    });
  });

  it("names what is wrong with a call that fails", () => {
    const result = parseVendorCall({ ...call, bill_sec: "five" });
    expect(result).toMatchObject({ ok: false, transactionId: "c1" });
    expect(result.ok ? [] : result.problems.join()).toContain("bill_sec");
  });
});

describe("readCallDetail", () => {
  it("reads the seed's detail: the call and its legs", () => {
    const detail = readCallDetail(seedDetail);
    expect(detail.call?.direction).toBe("outbound");
    expect(detail.legs).toHaveLength(1);
    expect(detail.rejectedLegs).toBe(0);
  });

  it("tells legs unknown (null) from no legs, and drops legs that fail the contract", () => {
    expect(readCallDetail({ payload: call }).legs).toBeNull();
    expect(readCallDetail({ payload: call, call_stacks: [] }).legs).toEqual([]);
    const mixed = readCallDetail({
      payload: call,
      call_stacks: [seedDetail.call_stacks[0], { index: 2 }],
    });
    expect(mixed.legs).toHaveLength(1);
    expect(mixed.rejectedLegs).toBe(1);
  });
});
