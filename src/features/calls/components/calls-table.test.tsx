import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import {
  currentUrlParams,
  installFakeApi,
  makeCall,
  renderCallsPage,
} from "../testing/calls-test-kit.tsx";

afterEach(() => vi.unstubAllGlobals());
vi.setConfig({ testTimeout: 15_000 });

const manyCalls = (count: number) => Array.from({ length: count }, (_, index) => makeCall(index));

describe("sorting", () => {
  it("sorts on the server by the clicked column, longest first, then flips", async () => {
    const api = installFakeApi();
    renderCallsPage({ url: "/?page=1" });
    await screen.findByText("0983 223 566");
    const user = userEvent.setup();
    const started = screen.getByRole("columnheader", { name: /Bắt đầu/ });
    expect(started).toHaveAttribute("aria-sort", "descending");

    await user.click(screen.getByRole("button", { name: "Thời lượng" }));
    await waitFor(() => expect(api.lastList()).toEqual({ sort: "-duration" }));
    expect(currentUrlParams()).toEqual({ sort: "-duration" });
    expect(screen.getByRole("columnheader", { name: /Thời lượng/ })).toHaveAttribute(
      "aria-sort",
      "descending",
    );
    expect(started).not.toHaveAttribute("aria-sort");

    await user.click(screen.getByRole("button", { name: "Thời lượng" }));
    await waitFor(() => expect(api.lastList()).toEqual({ sort: "duration" }));
    expect(screen.getByRole("columnheader", { name: /Thời lượng/ })).toHaveAttribute(
      "aria-sort",
      "ascending",
    );
  });

  it("starts again from the first page when the order changes", async () => {
    installFakeApi({ calls: manyCalls(60) });
    renderCallsPage({ url: "/?page=2&size=25" });
    await screen.findByText("0983 223 591");
    const user = userEvent.setup();

    await user.click(screen.getByRole("button", { name: "Đàm thoại" }));

    expect(currentUrlParams()).toEqual({ sort: "-bill_sec", size: "25" });
  });
});

describe("pagination", () => {
  it("shows the total, moves between pages, and fetches the next page ahead", async () => {
    const api = installFakeApi({ calls: manyCalls(60) });
    renderCallsPage({ url: "/?size=25" });
    const pager = await screen.findByRole("navigation", { name: "Phân trang" });
    await within(pager).findByText("60 cuộc gọi");
    expect(within(pager).getByText("· 1–25 trong 60", { exact: false })).toBeInTheDocument();
    // Page 2 is asked for before anybody clicks.
    await waitFor(() =>
      expect(api.listRequests.map((params) => params.get("page"))).toContain("2"),
    );
    const user = userEvent.setup();
    expect(within(pager).getByRole("button", { name: "Trang trước" })).toBeDisabled();

    await user.click(within(pager).getByRole("button", { name: "Trang sau" }));
    expect(currentUrlParams()).toEqual({ page: "2", size: "25" });
    await screen.findByText("0983 223 591");
    expect(within(pager).getByText("· 26–50 trong 60", { exact: false })).toBeInTheDocument();

    await user.click(within(pager).getByRole("button", { name: "Trang cuối" }));
    expect(currentUrlParams()).toEqual({ page: "3", size: "25" });
    await screen.findByText("0983 223 616");
    expect(within(pager).getByRole("button", { name: "Trang sau" })).toBeDisabled();
    expect(within(pager).getByRole("button", { name: "Trang 3" })).toHaveAttribute(
      "aria-current",
      "page",
    );

    await user.click(within(pager).getByRole("button", { name: "Trang đầu" }));
    expect(currentUrlParams()).toEqual({ size: "25" });
  });

  it("changes the page size and keeps the first row on screen within view", async () => {
    const api = installFakeApi({ calls: manyCalls(120) });
    renderCallsPage({ url: "/?page=3&size=25" });
    await screen.findByText("0983 223 616");
    const user = userEvent.setup();

    await user.selectOptions(screen.getByRole("combobox", { name: "Số dòng mỗi trang" }), "50");

    // Row 51 was first on screen: it is on page 2 of 50.
    expect(currentUrlParams()).toEqual({ page: "2" });
    await waitFor(() => expect(api.lastList()).toEqual({ page: "2" }));
  });

  it("offers the last page when a link points past the end", async () => {
    installFakeApi({ calls: manyCalls(30) });
    renderCallsPage({ url: "/?page=9&size=25" });
    const user = userEvent.setup();

    await user.click(await screen.findByRole("button", { name: "Về trang cuối" }));

    expect(currentUrlParams()).toEqual({ page: "2", size: "25" });
    await screen.findByText("0983 223 591");
  });
});

describe("keyboard", () => {
  it("moves between rows with j and k, and opens the call with Enter", async () => {
    installFakeApi();
    renderCallsPage();
    await screen.findByText("0983 223 566");
    const user = userEvent.setup();
    const rowOf = (phone: string) => screen.getByText(phone).closest("tr");

    await user.keyboard("j");
    expect(rowOf("0983 223 566")).toHaveFocus();
    await user.keyboard("jj");
    expect(rowOf("0983 223 568")).toHaveFocus();
    await user.keyboard("k");
    expect(rowOf("0983 223 567")).toHaveFocus();
    await user.keyboard("{ArrowDown}");
    expect(rowOf("0983 223 568")).toHaveFocus();

    await user.keyboard("{Enter}");
    expect(currentUrlParams()).toEqual({ call: "call-0002" });
  });

  it("leaves j and k to the search box while typing", async () => {
    const api = installFakeApi();
    renderCallsPage();
    await screen.findByText("0983 223 566");
    const user = userEvent.setup();

    await user.type(screen.getByRole("searchbox", { name: "Tìm cuộc gọi" }), "kj");

    await waitFor(() => expect(api.lastList()).toEqual({ keyword: "kj" }));
    expect(screen.getByRole("searchbox", { name: "Tìm cuộc gọi" })).toHaveFocus();
  });
});

describe("view preferences", () => {
  it("remembers the chosen columns and density in the browser", async () => {
    installFakeApi();
    renderCallsPage();
    await screen.findByText("0983 223 566");
    const user = userEvent.setup();
    expect(screen.queryByRole("columnheader", { name: "Nhà mạng" })).not.toBeInTheDocument();

    await user.click(screen.getByRole("button", { name: "Cột hiển thị" }));
    await user.click(screen.getByRole("checkbox", { name: "Nhà mạng" }));
    await user.click(screen.getByRole("checkbox", { name: "Nhãn" }));
    await user.keyboard("{Escape}");
    await user.click(screen.getByRole("button", { name: "Thoáng" }));

    expect(screen.getByRole("columnheader", { name: "Nhà mạng" })).toBeInTheDocument();
    expect(screen.queryByRole("columnheader", { name: "Nhãn" })).not.toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Thoáng" })).toHaveAttribute("aria-pressed", "true");
    expect(JSON.parse(localStorage.getItem("call-dashboard.calls-table") ?? "{}")).toEqual({
      density: "comfortable",
      columnVisibility: { provider: true, hangup_cause: false, tags: false },
    });
  });
});

describe("large pages", () => {
  it("never puts all the rows of a 500-row page in the document, and j still starts at the top", async () => {
    installFakeApi({ calls: manyCalls(500) });
    const bodyRows = () => document.querySelectorAll("tbody tr[data-row-id]").length;
    let most = 0;
    const observer = new MutationObserver(() => {
      most = Math.max(most, bodyRows());
    });
    observer.observe(document.body, { childList: true, subtree: true });
    // jsdom lays nothing out: the virtualizer reads the scroll container's height from here.
    const height = vi.spyOn(HTMLElement.prototype, "clientHeight", "get").mockReturnValue(800);
    renderCallsPage({ url: "/?size=500" });
    await screen.findByText("0983 223 566");
    // The rows below the screen are a spacer, whether the code for large pages is here yet or not.
    await waitFor(() => expect(document.querySelector("tbody tr[aria-hidden] td")).not.toBeNull());
    observer.disconnect();
    height.mockRestore();

    expect(most).toBeGreaterThan(0);
    expect(most).toBeLessThan(100);
    await userEvent.setup().keyboard("j");
    expect(screen.getByText("0983 223 566").closest("tr")).toHaveFocus();
  });
});
