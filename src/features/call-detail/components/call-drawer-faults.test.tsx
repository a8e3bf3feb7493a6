/**
 * The drawer when the API is down, fails, answers with something that is not JSON, is slow, or
 * the browser goes offline: a clear message and Retry; a call already shown stays shown.
 */
import { act, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { SLOW_AFTER_MS } from "@/lib/use-network-state.ts";
import {
  interceptRequests,
  noAnswer,
  notJson,
  serverDown,
  serverError,
  setBrowserOnline,
} from "@/test/network-faults.ts";
import { installDrawerApi, installLayoutStubs, renderDrawer } from "../testing/drawer-test-kit.tsx";
import { makeCall, makeEnvelope } from "../testing/fixtures.ts";

const CALL_ID = "call-0001";
// No recording: these tests are about the call's own request, not the player's.
const CALL = makeEnvelope(
  makeCall({ record_seconds: 0, recording_file: "", recording_file_url: "" }),
);

vi.setConfig({ testTimeout: 20_000 });
beforeEach(() => installLayoutStubs());
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

/** The drawer's API with the call's own detail request failing as `fault` says while it is set. */
function installFaultyDrawerApi() {
  installDrawerApi({ calls: [CALL] });
  return interceptRequests((url) => url.pathname.startsWith("/api/call_transaction/detail/"));
}

const callShown = () => screen.findByText("Overview", { selector: "summary" });

describe("a call that cannot be loaded", () => {
  it("says the server cannot be reached, and loads on Retry", async () => {
    const api = installFaultyDrawerApi();
    api.fault = serverDown;
    renderDrawer({ transactionId: CALL_ID });

    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("Could not load the call: the server could not be reached.");
    api.fault = undefined;
    await userEvent.setup().click(within(alert).getByRole("button", { name: "Retry" }));
    await callShown();
    expect(screen.queryByRole("alert")).not.toBeInTheDocument();
  });

  it("names a server error by its code and status, in Vietnamese too", async () => {
    installFaultyDrawerApi().fault = serverError(500);
    renderDrawer({ transactionId: CALL_ID, language: "vi" });

    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("Không tải được cuộc gọi: internal_error (HTTP 500).");
    expect(within(alert).getByRole("button", { name: "Thử lại" })).toBeInTheDocument();
  });

  it("says the answer was not JSON when a 200 carries an HTML page, and loads on Retry", async () => {
    const api = installFaultyDrawerApi();
    api.fault = notJson;
    renderDrawer({ transactionId: CALL_ID });

    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent(
      "Could not load the call: the answer was not JSON (perhaps an error page from a proxy).",
    );
    api.fault = undefined;
    await userEvent.setup().click(within(alert).getByRole("button", { name: "Retry" }));
    await callShown();
  });

  it("offers no Retry for a call that does not exist, only Close", async () => {
    installFaultyDrawerApi().fault = serverError(404, "call_not_found");
    const { onClose } = renderDrawer({ transactionId: CALL_ID });

    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("This call was not found.");
    expect(within(alert).queryByRole("button", { name: "Retry" })).not.toBeInTheDocument();
    await userEvent.setup().click(within(alert).getByRole("button", { name: "Close" }));
    expect(onClose).toHaveBeenCalled();
  });

  it("says it is still loading after 10 s, and starts again on Retry", async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const api = installFaultyDrawerApi();
    api.fault = noAnswer;
    renderDrawer({ transactionId: CALL_ID });
    const slowNotice = () => screen.queryByText("Still loading… the server is slow.");

    await act(() => vi.advanceTimersByTimeAsync(SLOW_AFTER_MS - 1_000));
    expect(slowNotice()).not.toBeInTheDocument();
    expect(screen.getByText("Loading the call…")).toBeInTheDocument();
    await act(() => vi.advanceTimersByTimeAsync(1_000));
    const notice = slowNotice()?.closest("[role=status]");
    expect(notice).toBeInstanceOf(HTMLElement);

    api.fault = undefined;
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    await user.click(within(notice as HTMLElement).getByRole("button", { name: "Retry" }));
    await callShown();
    expect(slowNotice()).not.toBeInTheDocument();
  });

  it("waits for the connection when the browser is offline, then loads", async () => {
    installDrawerApi({ calls: [CALL] });
    setBrowserOnline(false);
    renderDrawer({ transactionId: CALL_ID });

    expect(
      await screen.findByText("You are offline: the call will load when the connection is back."),
    ).toBeInTheDocument();
    setBrowserOnline(true);
    await callShown();
    expect(screen.queryByText(/You are offline/)).not.toBeInTheDocument();
  });
});

describe("a call already on screen", () => {
  it("stays when a refresh fails, says so, and refreshes on Retry", async () => {
    const api = installFaultyDrawerApi();
    const { queryClient } = renderDrawer({ transactionId: CALL_ID });
    await callShown();

    // What a sync landing or the window regaining focus does: ask for the call again.
    api.fault = serverDown;
    await act(() => queryClient.refetchQueries());
    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent(
      "Could not refresh the call (the server could not be reached); showing it as it was loaded.",
    );
    expect(screen.getByText("Overview", { selector: "summary" })).toBeVisible();

    api.fault = undefined;
    await userEvent.setup().click(within(alert).getByRole("button", { name: "Retry" }));
    await waitFor(() => expect(screen.queryByRole("alert")).not.toBeInTheDocument());
    expect(screen.getByText("Overview", { selector: "summary" })).toBeVisible();
  });

  it("stays when the browser goes offline, and says it may be out of date", async () => {
    installDrawerApi({ calls: [CALL] });
    renderDrawer({ transactionId: CALL_ID });
    await callShown();

    setBrowserOnline(false);
    expect(
      await screen.findByText("You are offline: showing the call as it was loaded."),
    ).toBeInTheDocument();
    expect(screen.getByText("Overview", { selector: "summary" })).toBeVisible();
    setBrowserOnline(true);
    await waitFor(() => expect(screen.queryByText(/You are offline/)).not.toBeInTheDocument());
  });
});
