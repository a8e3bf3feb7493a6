/**
 * The calls page when the API is down, fails, answers with something that is not JSON, is slow,
 * or the browser goes offline: a clear message, Retry, and the rows already shown stay.
 */
import { act, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { SLOW_AFTER_MS } from "@/lib/use-network-state.ts";
import {
  type Fault,
  interceptRequests,
  noAnswer,
  notJson,
  serverDown,
  setBrowserOnline,
} from "@/test/network-faults.ts";
import {
  errorAnswer,
  installFakeApi,
  makeCall,
  renderCallsPage,
} from "../testing/calls-test-kit.tsx";

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});
vi.setConfig({ testTimeout: 20_000 });

/**
 * The kit's fake API, with list requests failing as `fault` says while it is set (`undefined`
 * lets them through), for every page or only `faultyPage` (the page after the first is fetched
 * ahead: a fault meant for it must be there from the start). Other endpoints answer as usual.
 */
function installFaultyApi(options: Parameters<typeof installFakeApi>[0] = {}) {
  const api = installFakeApi(options);
  const control: { fault: Fault | undefined; faultyPage?: string } = interceptRequests(
    (url) =>
      url.pathname === "/api/call_transaction/list" &&
      (control.faultyPage === undefined || url.searchParams.get("page") === control.faultyPage),
  );
  return { ...api, control };
}

describe("faults on the first load", () => {
  it("says the server cannot be reached when it is down, and loads on retry", async () => {
    const api = installFaultyApi();
    api.control.fault = serverDown;
    renderCallsPage();

    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("Không tải được danh sách cuộc gọi");
    expect(alert).toHaveTextContent("Không kết nối được máy chủ.");
    expect(alert).not.toHaveTextContent("Máy chủ trả lời");
    api.control.fault = undefined;
    await userEvent.setup().click(within(alert).getByRole("button", { name: "Thử lại" }));

    await screen.findByText("0983 223 566");
    expect(screen.queryByRole("alert")).not.toBeInTheDocument();
  });

  it("names a server error by its code and status", async () => {
    installFakeApi({ list: () => errorAnswer(500, "internal_error") });
    renderCallsPage({ language: "en" });

    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("The server said: internal_error (HTTP 500)");
    expect(within(alert).getByRole("button", { name: "Retry" })).toBeInTheDocument();
  });

  it("says the answer was not JSON when a 200 carries an HTML page", async () => {
    const api = installFaultyApi();
    api.control.fault = notJson;
    renderCallsPage({ language: "en" });

    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent(
      "The answer was not JSON (perhaps an error page from a proxy).",
    );
    api.control.fault = undefined;
    await userEvent.setup().click(within(alert).getByRole("button", { name: "Retry" }));
    await screen.findByText("0983 223 566");
  });
});

describe("faults once rows are on screen", () => {
  const calls = Array.from({ length: 30 }, (_, index) => makeCall(index));

  it("keeps the rows when the server goes down, says so, and retries", async () => {
    const api = installFaultyApi({ calls });
    Object.assign(api.control, { fault: serverDown, faultyPage: "2" });
    renderCallsPage({ url: "/?size=25" });
    await screen.findByText("0983 223 566");
    const user = userEvent.setup();

    await user.click(screen.getByRole("button", { name: "Trang sau" }));

    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent(
      "Không cập nhật được; đang hiển thị dữ liệu trước đó. (không kết nối được máy chủ)",
    );
    expect(screen.getByText("0983 223 566")).toBeInTheDocument();
    api.control.fault = undefined;
    await user.click(within(alert).getByRole("button", { name: "Thử lại" }));
    await screen.findByText("0983 223 591");
  });

  it("keeps the rows when the answer is not JSON", async () => {
    const api = installFaultyApi({ calls });
    Object.assign(api.control, { fault: notJson, faultyPage: "2" });
    renderCallsPage({ url: "/?size=25", language: "en" });
    await screen.findByText("0983 223 566");

    await userEvent.setup().click(screen.getByRole("button", { name: "Next page" }));

    expect(await screen.findByRole("alert")).toHaveTextContent(
      "Could not update; showing the previous data. (the answer was not JSON",
    );
    expect(screen.getByText("0983 223 566")).toBeInTheDocument();
  });

  it("says when the browser is offline, keeps the rows, and loads when it is back", async () => {
    const api = installFaultyApi({
      calls: Array.from({ length: 80 }, (_, index) => makeCall(index)),
    });
    renderCallsPage({ url: "/?size=25", language: "en" });
    await screen.findByText("0983 223 566");
    const user = userEvent.setup();

    setBrowserOnline(false);
    expect(await screen.findByRole("alert")).toHaveTextContent(
      "You are offline: showing the calls already loaded; they will update when the connection is back.",
    );
    // Page 2 was fetched ahead; page 3 waits for the connection, and page 2's rows stay.
    await user.click(screen.getByRole("button", { name: "Next page" }));
    await screen.findByText("0983 223 591");
    const requestsBefore = api.listRequests.length;
    await user.click(screen.getByRole("button", { name: "Next page" }));
    expect(screen.getByText("0983 223 591")).toBeInTheDocument();
    expect(screen.getByRole("alert")).toHaveTextContent("You are offline");
    expect(api.listRequests.length).toBe(requestsBefore);

    setBrowserOnline(true);
    await screen.findByText("0983 223 616");
    await waitFor(() => expect(screen.queryByRole("alert")).not.toBeInTheDocument());
  });

  it("loads again when the connection returns after a request failed offline", async () => {
    const api = installFaultyApi({ calls });
    // The request fails before the browser notices it is offline.
    Object.assign(api.control, { fault: serverDown, faultyPage: "2" });
    renderCallsPage({ url: "/?size=25", language: "en" });
    await screen.findByText("0983 223 566");

    await userEvent.setup().click(screen.getByRole("button", { name: "Next page" }));
    await screen.findByText(/the server could not be reached/);
    setBrowserOnline(false);
    expect(await screen.findByRole("alert")).toHaveTextContent("You are offline");

    api.control.fault = undefined;
    setBrowserOnline(true);
    await screen.findByText("0983 223 591");
  });
});

describe("a slow server", () => {
  it("says it is still loading after 10 s, keeps waiting, and can stop and retry", async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const api = installFaultyApi();
    api.control.fault = noAnswer;
    renderCallsPage({ language: "en" });
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    const slowNotice = () => screen.queryByText("Still loading… the server is slow.");

    await act(() => vi.advanceTimersByTimeAsync(SLOW_AFTER_MS - 1_000));
    expect(slowNotice()).not.toBeInTheDocument();
    expect(screen.getByText("Loading calls…")).toBeInTheDocument();
    await act(() => vi.advanceTimersByTimeAsync(1_000));
    expect(slowNotice()).toBeInTheDocument();
    // Still waiting: the skeleton stays, no error.
    expect(screen.getByRole("table", { name: "Call history" })).toHaveAttribute(
      "aria-busy",
      "true",
    );

    await user.click(screen.getByRole("button", { name: "Cancel" }));
    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("Loading the calls was cancelled.");
    expect(slowNotice()).not.toBeInTheDocument();

    api.control.fault = undefined;
    await user.click(within(alert).getByRole("button", { name: "Retry" }));
    await screen.findByText("0983 223 566");
    expect(screen.queryByRole("alert")).not.toBeInTheDocument();
  });

  it("restarts a slow request on retry while keeping the rows shown", async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const calls = Array.from({ length: 30 }, (_, index) => makeCall(index));
    const api = installFaultyApi({ calls });
    Object.assign(api.control, { fault: noAnswer, faultyPage: "2" });
    renderCallsPage({ url: "/?size=25", language: "en" });
    await screen.findByText("0983 223 566");
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });

    await user.click(screen.getByRole("button", { name: "Next page" }));
    await act(() => vi.advanceTimersByTimeAsync(SLOW_AFTER_MS));
    const notice = screen.getByText("Still loading… the server is slow.").closest("[role=status]");
    expect(notice).not.toBeNull();
    expect(screen.getByText("0983 223 566")).toBeInTheDocument();

    api.control.fault = undefined;
    await user.click(within(notice as HTMLElement).getByRole("button", { name: "Retry" }));
    await screen.findByText("0983 223 591");
    expect(screen.queryByText("Still loading… the server is slow.")).not.toBeInTheDocument();
  });
});
