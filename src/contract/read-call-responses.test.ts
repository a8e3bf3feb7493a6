import { describe, expect, it } from "vitest";
import {
  CALL_START,
  exampleLegs,
  makeCall,
  makeEnvelope,
  makeLeg,
} from "@/features/call-detail/testing/fixtures.ts";
import seedList from "../../tests/fixtures/seed-list-response.json" with { type: "json" };
import type { CallListItem } from "./call.ts";
import { listFieldNames } from "./drift-basics.ts";
import { readCall, readCallDetailAnswer, readCallListAnswer } from "./read-call-responses.ts";

const REQUESTED = { page: 1, size: 50 };

/** A list answer in the contract's shape around `items` (raw, so drifted items fit). */
function listBody(items: unknown[], pagination: Record<string, unknown> = {}) {
  return {
    instance_id: "test",
    instance_version: "1.2.164",
    key_enabled: false,
    status_code: 9999,
    payload: {
      items,
      page_number: 1,
      page_size: 50,
      total_items: items.length,
      total_pages: 1,
      has_next: false,
      next_page: 1,
      has_previous: false,
      previous_page: 1,
      extension: null,
      ...pagination,
    },
  };
}

/** A call with some fields replaced by anything (drift), or removed (`undefined`). */
function drifted(overrides: Record<string, unknown>, base: CallListItem = makeCall()) {
  const call: Record<string, unknown> = { ...base, ...overrides };
  for (const [key, value] of Object.entries(overrides)) if (value === undefined) delete call[key];
  return call;
}

describe("reading a list answer leniently", () => {
  it("reads an answer in the contract's shape exactly as the strict schema would", () => {
    const calls = [makeCall(), makeCall({ transaction_id: "call-0002", status: "missed" })];
    const page = readCallListAnswer(listBody(calls), REQUESTED);

    expect(page?.items).toEqual(calls);
    expect(page).toMatchObject({
      total_items: 2,
      unreadable: [],
      repaired: [],
      paginationMissing: false,
    });
  });

  it("keeps the calls it can read and reports the one it cannot, by field", () => {
    const body = listBody([
      makeCall({ transaction_id: "a" }),
      drifted({ transaction_id: "b", bill_sec: "ninety", direction: "sideways" }),
      makeCall({ transaction_id: "c" }),
    ]);
    const page = readCallListAnswer(body, REQUESTED);

    expect(page?.items.map((call) => call.transaction_id)).toEqual(["a", "c"]);
    expect(page?.unreadable).toEqual([
      { position: 1, id: "b", fields: expect.arrayContaining(["bill_sec", "direction"]) },
    ]);
  });

  it("coerces what is safely coercible and empties unreadable optional fields", () => {
    const call = readCall(
      drifted({
        bill_sec: "95",
        call_out_price: "1100.5",
        phone_number: 983223566,
        is_auto_call: "false",
        is_voicemail: 0,
        direction: "Inbound",
        time_start_call: CALL_START * 1000, // milliseconds where seconds belong
        time_end_call: new Date((CALL_START + 233) * 1000).toISOString(),
        created_date: CALL_START, // seconds where milliseconds belong
        note: { text: "an object where a string belongs" },
        hotline: undefined, // missing, and nullable
        tag: null, // a list sent as null
        sentiment_score: 0.8, // a field this page does not know
      }),
    );

    expect(call).toMatchObject({
      ok: true,
      value: {
        bill_sec: 95,
        call_out_price: 1100.5,
        phone_number: "983223566",
        is_auto_call: false,
        is_voicemail: false,
        direction: "inbound",
        time_start_call: CALL_START,
        time_end_call: CALL_START + 233,
        created_date: CALL_START * 1000,
        note: null,
        hotline: null,
        tag: [],
        sentiment_score: 0.8,
      },
      repaired: ["note"],
    });
  });

  it("works out our derived fields when an answer lacks them (the vendor's own record)", () => {
    const page = readCallListAnswer(seedList, REQUESTED);

    expect(page?.unreadable).toEqual([]);
    expect(page?.items[0]).toMatchObject({
      status: "answered",
      agents_rung: 0,
      is_transferred: false,
    });
    expect(page?.repaired).toEqual(
      expect.arrayContaining(["status", "agents_rung", "is_transferred"]),
    );
  });

  it("accepts camelCase pagination with numbers as strings", () => {
    const calls = [makeCall()];
    const body = {
      payload: {
        items: calls,
        pageNumber: "3",
        pageSize: 25,
        totalItems: "1234",
        totalPages: 50,
        hasNext: true,
        hasPrevious: true,
      },
    };
    const page = readCallListAnswer(body, { page: 3, size: 25 });

    expect(page).toMatchObject({
      page_number: 3,
      page_size: 25,
      total_items: 1234,
      total_pages: 50,
      has_next: true,
      has_previous: true,
      paginationMissing: false,
    });
  });

  it("shows the rows without a total when pagination is missing, guessing more from a full page", () => {
    const full = Array.from({ length: 25 }, (_, index) =>
      makeCall({ transaction_id: `call-${index}` }),
    );
    const page = readCallListAnswer({ payload: { items: full } }, { page: 2, size: 25 });
    const last = readCallListAnswer(
      { payload: { items: full.slice(0, 3) } },
      { page: 2, size: 25 },
    );

    expect(page).toMatchObject({
      page_number: 2,
      total_items: null,
      total_pages: null,
      has_next: true,
      has_previous: true,
      paginationMissing: true,
    });
    expect(page?.items).toHaveLength(25);
    expect(last?.has_next).toBe(false);
  });

  it("finds no page in an answer without a list of calls", () => {
    expect(readCallListAnswer({ payload: { items: "none" } }, REQUESTED)).toBeNull();
    expect(readCallListAnswer("<html>", REQUESTED)).toBeNull();
    expect(readCallListAnswer({ data: [makeCall()] }, REQUESTED)?.items).toHaveLength(1);
  });
});

describe("reading a detail answer leniently", () => {
  it("lists a leg it cannot read and keeps the others, with times normalized", () => {
    const [first, second, third] = exampleLegs();
    const body = {
      ...makeEnvelope(),
      call_stacks: [
        first,
        { ...second, at: "yesterday", type: null },
        { ...third, at: (third?.at ?? 0) * 1000, index: "3" },
      ],
    };
    const reading = readCallDetailAnswer(body);

    expect(reading?.envelope?.call_stacks).toEqual([first, third]);
    expect(reading?.unreadableLegs).toEqual([
      { position: 1, id: "2", fields: expect.arrayContaining(["at", "type"]) },
    ]);
  });

  it("keeps what the server sent of a call it cannot read", () => {
    const call = drifted({ transaction_id: undefined, duration: "long" }) as CallListItem;
    const body = makeEnvelope(call, [makeLeg()]);
    const reading = readCallDetailAnswer(body);

    expect(reading?.envelope).toBeNull();
    expect(reading?.unreadableFields).toEqual(
      expect.arrayContaining(["transaction_id", "duration"]),
    );
    expect(reading?.rawCall).toHaveProperty("duration", "long");
  });

  it("finds no call in an answer without one", () => {
    expect(readCallDetailAnswer({ payload: null })).toBeNull();
    expect(readCallDetailAnswer([])).toBeNull();
  });
});

describe("naming fields in a notice", () => {
  it("sorts, drops repeats and cuts a long list", () => {
    expect(listFieldNames(["note", "bill_sec", "note"])).toBe("bill_sec, note");
    expect(listFieldNames(["f", "e", "d", "c", "b", "a"])).toBe("a, b, c, d, …");
  });
});
