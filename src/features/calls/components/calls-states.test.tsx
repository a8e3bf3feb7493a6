import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import {
  currentUrlParams,
  errorAnswer,
  installFakeApi,
  listAnswer,
  makeCall,
  renderCallsPage,
} from "../testing/calls-test-kit.tsx";

afterEach(() => vi.unstubAllGlobals());
vi.setConfig({ testTimeout: 15_000 });

describe("loading, empty and error states", () => {
  it("shows skeleton rows and says it is loading until the first page arrives", async () => {
    installFakeApi({ delayMs: 150 });
    renderCallsPage();

    const table = screen.getByRole("table", { name: "Lịch sử cuộc gọi" });
    expect(table).toHaveAttribute("aria-busy", "true");
    expect(screen.getByText("Đang tải cuộc gọi…")).toBeInTheDocument();

    await screen.findByText("0983 223 566");
    expect(table).not.toHaveAttribute("aria-busy");
  });

  it("suggests widening the window or dropping filters when nothing matches", async () => {
    const api = installFakeApi({
      list: (params, calls) => listAnswer(params.has("from_date") ? [] : calls, params),
    });
    renderCallsPage({ url: "/?status=voicemail" });
    await screen.findByText("Không có cuộc gọi nào khớp bộ lọc");
    const user = userEvent.setup();

    await user.click(screen.getByRole("button", { name: "Xem toàn bộ thời gian" }));

    expect(currentUrlParams()).toEqual({ status: "voicemail", range: "all" });
    expect(api.listRequests.at(-1)?.has("from_date")).toBe(false);
    await screen.findByText("0983 223 566");
  });

  it("explains a failed first load and loads again on retry", async () => {
    let fail = true;
    installFakeApi({
      list: (params, calls) =>
        fail ? errorAnswer(503, "store_unavailable") : listAnswer(calls, params),
    });
    renderCallsPage();

    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("Không tải được danh sách cuộc gọi");
    expect(alert).toHaveTextContent("store_unavailable (HTTP 503)");
    fail = false;
    await userEvent.setup().click(screen.getByRole("button", { name: "Thử lại" }));

    await screen.findByText("0983 223 566");
    expect(screen.queryByRole("alert")).not.toBeInTheDocument();
  });

  it("keeps the rows on screen when a later request fails, and says so", async () => {
    const calls = Array.from({ length: 30 }, (_, index) => makeCall(index));
    let failPageTwo = true;
    installFakeApi({
      calls,
      list: (params) =>
        params.get("page") === "2" && failPageTwo ? errorAnswer(500) : listAnswer(calls, params),
    });
    renderCallsPage({ url: "/?size=25" });
    await screen.findByText("0983 223 566");
    const user = userEvent.setup();

    await user.click(screen.getByRole("button", { name: "Trang sau" }));

    expect(await screen.findByRole("alert")).toHaveTextContent(
      "Không cập nhật được; đang hiển thị dữ liệu trước đó.",
    );
    expect(screen.getByText("0983 223 566")).toBeInTheDocument();

    failPageTwo = false;
    await user.click(screen.getByRole("button", { name: "Thử lại" }));
    await screen.findByText("0983 223 591");
    await waitFor(() => expect(screen.queryByRole("alert")).not.toBeInTheDocument());
  });

  it("shows the previous page, dimmed, while the next one loads", async () => {
    installFakeApi({
      calls: Array.from({ length: 30 }, (_, index) => makeCall(index)),
      delayMs: 100,
    });
    renderCallsPage({ url: "/?size=25" });
    await screen.findByText("0983 223 566");
    const user = userEvent.setup();

    await user.click(screen.getByRole("button", { name: "Đàm thoại" }));

    expect(screen.getByText("0983 223 566")).toBeInTheDocument();
    expect(screen.getByText("Đang cập nhật…")).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByText("Đang cập nhật…")).not.toBeInTheDocument());
  });
});
