import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import {
  currentUrlParams,
  installFakeApi,
  makeCall,
  renderCallsPage,
} from "../testing/calls-test-kit.tsx";

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});
vi.setConfig({ testTimeout: 15_000 });

async function firstRowsShown() {
  await screen.findByText("0983 223 566");
}

describe("filters become request parameters and URL state", () => {
  it("asks for the chosen outcomes, from the first page, and shows them as a chip", async () => {
    const api = installFakeApi({
      calls: Array.from({ length: 60 }, (_, index) => makeCall(index)),
    });
    renderCallsPage({ url: "/?page=2" });
    await screen.findByText("0983 223 616");
    const user = userEvent.setup();

    await user.click(screen.getByRole("button", { name: "Kết quả" }));
    await user.click(screen.getByRole("checkbox", { name: "Nhỡ" }));
    await user.click(screen.getByRole("checkbox", { name: "Máy bận" }));

    await waitFor(() => expect(api.lastList()).toEqual({ status: "busy,missed" }));
    expect(currentUrlParams()).toEqual({ status: "busy,missed" });
    const chips = screen.getByRole("list", { name: "Bộ lọc đang dùng" });
    expect(within(chips).getByText("Kết quả: Máy bận, Nhỡ")).toBeInTheDocument();
  });

  it("finds agents by name without diacritics or by extension", async () => {
    const api = installFakeApi();
    renderCallsPage();
    await firstRowsShown();
    const user = userEvent.setup();

    await user.click(screen.getByRole("button", { name: "Nhân viên" }));
    const search = await screen.findByRole("combobox", { name: "Tìm theo tên hoặc số máy lẻ" });
    expect(search).toHaveFocus();
    const agents = screen.getByRole("listbox", { name: "Nhân viên" });
    await user.type(search, "van duc");
    expect(
      within(agents)
        .getAllByRole("option")
        .map((option) => option.textContent),
    ).toEqual(["Nguyễn Văn Đức105"]);
    await user.clear(search);
    await user.type(search, "112");
    const [nga, ...others] = within(agents).getAllByRole("option");
    expect(others).toEqual([]);
    await user.click(nga!);

    await waitFor(() => expect(api.lastList()).toEqual({ sip_user: "112" }));
    expect(within(agents).getByRole("option", { name: /Võ Thị Nga/ })).toHaveAttribute(
      "aria-checked",
      "true",
    );
  });

  it("searches as the supervisor types, with one request per pause rather than per key", async () => {
    const api = installFakeApi();
    renderCallsPage();
    await firstRowsShown();
    const user = userEvent.setup();

    await user.type(screen.getByRole("searchbox", { name: "Tìm cuộc gọi" }), "Đức 0983");

    await waitFor(() => expect(api.lastList()).toEqual({ keyword: "Đức 0983" }));
    const keywords = new Set(api.listRequests.map((params) => params.get("keyword")));
    expect([...keywords]).toEqual([null, "Đức 0983"]);
    expect(currentUrlParams()).toEqual({ keyword: "Đức 0983" });
  });

  it("computes date presets in Ho Chi Minh City time and stores the absolute window", async () => {
    // 25/11/2026 09:00 in Ho Chi Minh City (UTC+7); the test machine runs in UTC.
    vi.useFakeTimers({
      toFake: ["Date"],
      now: Date.UTC(2026, 10, 25, 2, 0),
      shouldAdvanceTime: true,
    });
    const api = installFakeApi();
    renderCallsPage();
    await firstRowsShown();
    // The default view: the last 7 days, today included.
    expect(api.listRequests[0]?.get("from_date")).toBe(String(Date.UTC(2026, 10, 18, 17, 0)));
    expect(api.listRequests[0]?.get("to_date")).toBe(String(Date.UTC(2026, 10, 25, 17, 0) - 1));
    const user = userEvent.setup();

    await user.click(screen.getByRole("button", { name: "Khoảng thời gian: 7 ngày qua" }));
    await user.click(screen.getByRole("button", { name: "Hôm qua" }));

    await waitFor(() =>
      expect(api.listRequests.at(-1)?.get("from_date")).toBe(String(Date.UTC(2026, 10, 23, 17, 0))),
    );
    expect(api.listRequests.at(-1)?.get("to_date")).toBe(String(Date.UTC(2026, 10, 24, 17, 0) - 1));
    expect(currentUrlParams()).toEqual({ from: "2026-11-24T00:00", to: "2026-11-24T23:59" });
    expect(screen.getByRole("button", { name: "Khoảng thời gian: Hôm qua" })).toBeInTheDocument();
  });

  it("takes a custom window to the minute", async () => {
    vi.useFakeTimers({
      toFake: ["Date"],
      now: Date.UTC(2026, 10, 25, 2, 0),
      shouldAdvanceTime: true,
    });
    const api = installFakeApi();
    renderCallsPage();
    await firstRowsShown();
    const user = userEvent.setup();

    await user.click(screen.getByRole("button", { name: /Khoảng thời gian/ }));
    const from = screen.getByLabelText("Từ");
    const to = screen.getByLabelText("Đến");
    await user.clear(from);
    await user.type(from, "2026-11-20T08:00");
    await user.clear(to);
    await user.type(to, "2026-11-20T17:30");
    await user.click(screen.getByRole("button", { name: "Áp dụng" }));

    await waitFor(() =>
      expect(currentUrlParams()).toEqual({ from: "2026-11-20T08:00", to: "2026-11-20T17:30" }),
    );
    expect(api.listRequests.at(-1)?.get("from_date")).toBe(String(Date.UTC(2026, 10, 20, 1, 0)));
    expect(api.listRequests.at(-1)?.get("to_date")).toBe(
      String(Date.UTC(2026, 10, 20, 10, 31) - 1),
    );
    expect(
      screen.getByRole("button", { name: "Khoảng thời gian: 20/11/2026 08:00 – 20/11/2026 17:30" }),
    ).toBeInTheDocument();
  });

  it("applies the less used filters from “More filters”", async () => {
    const api = installFakeApi();
    renderCallsPage();
    await firstRowsShown();
    const user = userEvent.setup();

    await user.click(screen.getByRole("button", { name: "Bộ lọc khác" }));
    await user.selectOptions(screen.getByRole("combobox", { name: "Có ghi âm" }), "Có");
    await user.selectOptions(screen.getByRole("combobox", { name: "Đã chuyển tiếp" }), "Không");
    await user.type(screen.getByRole("textbox", { name: /Thời lượng từ/ }), "1:30{Enter}");
    await user.click(screen.getByRole("button", { name: "Nhà mạng" }));
    await user.click(screen.getByRole("checkbox", { name: "Viettel" }));

    await waitFor(() =>
      expect(api.lastList()).toEqual({
        provider: "viettel",
        min_duration: "90",
        has_recording: "true",
        transferred: "false",
      }),
    );
  });

  it("removes one filter with its chip and all of them with one action", async () => {
    const api = installFakeApi();
    renderCallsPage({
      url: "/?status=missed&sip_user=105&keyword=abc&has_recording=true&range=all",
    });
    await firstRowsShown();
    expect(api.lastList()).toEqual({
      status: "missed",
      sip_user: "105",
      keyword: "abc",
      has_recording: "true",
    });
    const user = userEvent.setup();

    await user.click(screen.getByRole("button", { name: "Bỏ bộ lọc Nhân viên: Nguyễn Văn Đức" }));
    await waitFor(() =>
      expect(api.lastList()).toEqual({ status: "missed", keyword: "abc", has_recording: "true" }),
    );
    expect(screen.getByRole("searchbox", { name: "Tìm cuộc gọi" })).toHaveValue("abc");

    await user.click(screen.getByRole("button", { name: "Xóa tất cả bộ lọc" }));
    await waitFor(() => expect(api.lastList()).toEqual({}));
    expect(api.listRequests.at(-1)?.has("from_date")).toBe(true);
    expect(window.location.search).toBe("");
    expect(screen.getByRole("searchbox", { name: "Tìm cuộc gọi" })).toHaveValue("");
    expect(screen.queryByRole("list", { name: "Bộ lọc đang dùng" })).not.toBeInTheDocument();
  });

  it("links the export to the whole filtered result in the reader's zone and language", async () => {
    installFakeApi({ calls: Array.from({ length: 60 }, (_, index) => makeCall(index)) });
    renderCallsPage({ url: "/?status=missed&sort=duration&page=2&size=25&range=all" });
    await screen.findByText("0983 223 591");

    const link = screen.getByRole("link", { name: "Xuất CSV" });
    const url = new URL(link.getAttribute("href") ?? "", "http://localhost");
    expect(url.pathname).toBe("/api/call_transaction/export");
    expect(Object.fromEntries(url.searchParams)).toEqual({
      status: "missed",
      sort: "duration",
      tz: "Asia/Ho_Chi_Minh",
      lang: "vi",
    });
  });
});
