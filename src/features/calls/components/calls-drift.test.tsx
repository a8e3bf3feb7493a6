/**
 * The calls page given answers that drifted from the contract: it shows the calls it can read,
 * says what it could not, and never blanks.
 */
import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { CallListItem } from "@/contract/call.ts";
import { formatDateTime } from "@/lib/format.ts";
import {
  installFakeApi,
  listAnswer,
  makeCall,
  renderCallsPage,
} from "../testing/calls-test-kit.tsx";

afterEach(() => vi.unstubAllGlobals());
vi.setConfig({ testTimeout: 15_000 });

/** A call of the test kit with fields replaced by anything, or removed (`undefined`). */
function drifted(index: number, overrides: Record<string, unknown>): CallListItem {
  const call: Record<string, unknown> = { ...makeCall(index), ...overrides };
  for (const [key, value] of Object.entries(overrides)) if (value === undefined) delete call[key];
  return call as CallListItem;
}

/** The kit's list answer with its pagination replaced (or removed). */
function withPagination(calls: CallListItem[], pagination: Record<string, unknown> | null) {
  return () => {
    const { items } = (listAnswer(calls, new URLSearchParams()).body as { payload: { items: [] } })
      .payload;
    return { status: 200, body: { status_code: 9999, payload: { items, ...pagination } } };
  };
}

describe("a list answer that drifted", () => {
  it("shows the calls it can read and says how many it could not, naming the fields", async () => {
    const calls = [
      makeCall(0),
      drifted(1, { bill_sec: "chín mươi" }),
      makeCall(2),
      drifted(3, { direction: "sideways", transaction_id: undefined }),
    ];
    installFakeApi({ calls });
    renderCallsPage();

    await screen.findByText("0983 223 566");
    expect(screen.getByText("0983 223 568")).toBeInTheDocument();
    expect(screen.queryByText("0983 223 567")).not.toBeInTheDocument();
    expect(
      await screen.findByText(
        "2 cuộc gọi trên trang này không đọc được (trường bill_sec, direction, transaction_id).",
      ),
    ).toBeInTheDocument();
  });

  it("says it in English too, and names emptied values", async () => {
    installFakeApi({
      calls: [makeCall(0), drifted(1, { duration: null }), drifted(2, { customer: "Trần" })],
    });
    renderCallsPage({ language: "en" });

    await screen.findByText("0983 223 566");
    expect(
      await screen.findByText("1 call on this page could not be read (field duration)."),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        "Some values could not be read and are shown empty or worked out from the rest (customer).",
      ),
    ).toBeInTheDocument();
    // The call whose customer was unreadable still shows, as an unknown caller.
    const row = screen.getByText("0983 223 568").closest("tr");
    expect(row && within(row).getByText("Unknown caller")).toBeInTheDocument();
  });

  it("reads numbers sent as strings, nulls for lists, and times in the other unit", async () => {
    const start = makeCall(0).time_start_call;
    installFakeApi({
      calls: [
        drifted(0, {
          time_start_call: start * 1000,
          created_date: start,
          bill_sec: "95",
          call_out_price: "1100",
          tag: null,
          user: null,
          is_auto_call: "false",
          sentiment: { score: 0.8 },
        }),
        // One that cannot be read, so the notice shows what it counted.
        drifted(1, { duration: "long" }),
      ],
    });
    renderCallsPage();

    const row = (await screen.findByText("0983 223 566")).closest("tr");
    expect(row).not.toBeNull();
    const cells = within(row as HTMLElement);
    expect(cells.getByTitle(formatDateTime(start, "Asia/Ho_Chi_Minh"))).toBeInTheDocument();
    // Only the other call is counted; nothing of the coerced one was emptied.
    await screen.findByText("1 cuộc gọi trên trang này không đọc được (trường duration).");
    expect(screen.queryByText(/Một số giá trị/)).not.toBeInTheDocument();
  });

  it("puts times sent in milliseconds right even in an answer that fits the contract", async () => {
    const start = makeCall(0).time_start_call;
    installFakeApi({ calls: [makeCall(0, { time_start_call: start * 1000 })] });
    renderCallsPage();

    const row = (await screen.findByText("0983 223 566")).closest("tr");
    expect(
      within(row as HTMLElement).getByTitle(formatDateTime(start, "Asia/Ho_Chi_Minh")),
    ).toBeInTheDocument();
  });

  it("accepts camelCase pagination", async () => {
    const calls = Array.from({ length: 25 }, (_, index) => makeCall(index));
    installFakeApi({
      list: withPagination(calls, {
        pageNumber: 1,
        pageSize: 25,
        totalItems: "1234",
        totalPages: 50,
        hasNext: true,
        hasPrevious: false,
      }),
    });
    renderCallsPage({ url: "/?size=25", language: "en" });

    await screen.findByText("0983 223 566");
    const pager = screen.getByRole("navigation", { name: "Pagination" });
    expect(pager).toHaveTextContent("1,234 calls");
    expect(within(pager).getByRole("button", { name: "Page 50" })).toBeInTheDocument();
  });

  it("shows the rows without a total when pagination is missing, and says so", async () => {
    const calls = Array.from({ length: 25 }, (_, index) => makeCall(index));
    const api = installFakeApi({ list: withPagination(calls, null) });
    renderCallsPage({ url: "/?size=25", language: "en" });

    await screen.findByText("0983 223 566");
    expect(
      await screen.findByText(
        "The server did not say how many calls match: the rows received are shown without a total.",
      ),
    ).toBeInTheDocument();
    const pager = screen.getByRole("navigation", { name: "Pagination" });
    expect(pager).not.toHaveTextContent(/calls/);

    // A full page suggests more: "next" stays usable.
    await userEvent.setup().click(within(pager).getByRole("button", { name: "Next page" }));
    expect(api.lastList()).toEqual({ page: "2", size: "25" });
  });

  it("explains an answer with no list of calls in it, instead of a blank table", async () => {
    installFakeApi({
      list: () => ({ status: 200, body: { status_code: 9999, payload: { rows: [] } } }),
    });
    renderCallsPage({ language: "en" });

    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("The calls could not be loaded");
    expect(alert).toHaveTextContent("The server answered in an unexpected shape.");
    expect(within(alert).getByRole("button", { name: "Retry" })).toBeInTheDocument();
  });
});
