import { act, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import {
  currentUrlParams,
  installFakeApi,
  makeCall,
  renderCallsPage,
} from "../testing/calls-test-kit.tsx";

afterEach(() => vi.unstubAllGlobals());

const sixtyCalls = () => Array.from({ length: 60 }, (_, index) => makeCall(index));

// Whole pages of rows make queries by role slow in jsdom.
vi.setConfig({ testTimeout: 15_000 });

function goBack() {
  // jsdom traverses history asynchronously and then fires popstate, as browsers do.
  return act(async () => {
    window.history.back();
    await new Promise((resolve) => window.addEventListener("popstate", resolve, { once: true }));
  });
}

describe("the URL holds the view", () => {
  it("reproduces a copied link: filters, window, sort, page and page size", async () => {
    const api = installFakeApi({ calls: sixtyCalls() });
    renderCallsPage({
      url: "/?status=missed&status=busy&sip_user=105&keyword=abc&has_recording=true&sort=duration&page=2&size=25&from=2026-11-20T08:00&to=2026-11-20T17:30",
    });

    await screen.findByText("0983 223 591");
    const request = api.listRequests[0]!;
    expect(
      Object.fromEntries(
        [...new Set(request.keys())].map((key) => [key, request.getAll(key).join(",")]),
      ),
    ).toEqual({
      status: "busy,missed",
      sip_user: "105",
      keyword: "abc",
      has_recording: "true",
      sort: "duration",
      page: "2",
      size: "25",
      from_date: String(Date.UTC(2026, 10, 20, 1, 0)),
      to_date: String(Date.UTC(2026, 10, 20, 10, 31) - 1),
    });
    expect(
      screen.getByRole("button", { name: "Khoảng thời gian: 20/11/2026 08:00 – 20/11/2026 17:30" }),
    ).toBeInTheDocument();
    expect(screen.getByRole("searchbox", { name: "Tìm cuộc gọi" })).toHaveValue("abc");
    expect(screen.getByRole("button", { name: "Kết quả 2 đã chọn" })).toBeInTheDocument();
    expect(screen.getByRole("columnheader", { name: /Thời lượng/ })).toHaveAttribute(
      "aria-sort",
      "ascending",
    );
    expect(screen.getByRole("button", { name: "Trang 2" })).toHaveAttribute("aria-current", "page");
    expect(screen.getByRole("combobox", { name: "Số dòng mỗi trang" })).toHaveValue("25");
  });

  it("writes changes back without defaults, and Back and Forward walk through them", async () => {
    const api = installFakeApi({
      calls: Array.from({ length: 30 }, (_, index) => makeCall(index)),
    });
    renderCallsPage({ url: "/?size=25" });
    await screen.findByText("0983 223 566");
    const user = userEvent.setup();

    await user.click(screen.getByRole("button", { name: "Hướng gọi" }));
    await user.click(screen.getByRole("checkbox", { name: "Gọi đến" }));
    await user.keyboard("{Escape}");
    await waitFor(() => expect(currentUrlParams()).toEqual({ direction: "inbound", size: "25" }));
    await user.click(screen.getByRole("button", { name: "Trang sau" }));
    await waitFor(() =>
      expect(currentUrlParams()).toEqual({ direction: "inbound", page: "2", size: "25" }),
    );

    await goBack();
    expect(currentUrlParams()).toEqual({ direction: "inbound", size: "25" });
    await waitFor(() => expect(api.lastList()).toEqual({ direction: "inbound", size: "25" }));
    expect(screen.getByRole("button", { name: "Trang 1" })).toHaveAttribute("aria-current", "page");

    await goBack();
    expect(currentUrlParams()).toEqual({ size: "25" });
    await waitFor(() =>
      expect(screen.queryByRole("list", { name: "Bộ lọc đang dùng" })).toBeNull(),
    );

    await act(async () => {
      window.history.forward();
      await new Promise((resolve) => window.addEventListener("popstate", resolve, { once: true }));
    });
    expect(currentUrlParams()).toEqual({ direction: "inbound", size: "25" });
    expect(
      within(screen.getByRole("list", { name: "Bộ lọc đang dùng" })).getByText(
        "Hướng gọi: Gọi đến",
      ),
    ).toBeInTheDocument();
  });

  it("falls back to defaults for what a malformed link gets wrong, says so, and keeps the rest", async () => {
    const api = installFakeApi();
    renderCallsPage({
      url: "/?page=abc&status=missed&status=bogus&size=37&sort=name&from=2026-13-45&call=<script>&direction=inbound",
    });

    expect(
      await screen.findByText(
        /Liên kết có tham số không hợp lệ \(status, sort, page, size, from, call\)/,
      ),
    ).toBeInTheDocument();
    await screen.findByText("0983 223 566");
    expect(api.lastList()).toEqual({ direction: "inbound" });

    const user = userEvent.setup();
    await user.click(screen.getByRole("button", { name: "Đóng thông báo" }));
    expect(currentUrlParams()).toEqual({ direction: "inbound" });
    expect(screen.queryByText(/Liên kết có tham số không hợp lệ/)).not.toBeInTheDocument();
  });

  it("opens a call into the URL from a row, and marks that row", async () => {
    installFakeApi();
    renderCallsPage({ url: "/?status=answered" });
    const row = (await screen.findByText("0983 223 567")).closest("tr")!;
    const user = userEvent.setup();

    await user.click(row);

    expect(currentUrlParams()).toEqual({ status: "answered", call: "call-0001" });
    expect(row).toHaveAttribute("aria-current", "true");
  });
});
