import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { sessionQueries } from "@/features/auth/api/session-queries.ts";
import {
  installFakeSession,
  SUPERVISOR,
  SUPERVISOR_PASSWORD,
} from "@/features/auth/testing/session-test-kit.ts";
import { currentUrlParams, installFakeApi } from "@/features/calls/testing/calls-test-kit.tsx";
import type { Language } from "@/lib/i18n/preferences.tsx";
import { App } from "./app.tsx";
import { createQueryClient } from "./query-client.ts";

// The drawer is another feature's; here it only shows which call the URL opened.
vi.mock("@/features/call-detail/components/call-drawer.tsx", () => ({
  default: ({ transactionId }: { transactionId: string }) => (
    <div role="dialog" aria-label={`Call ${transactionId}`} />
  ),
}));

afterEach(() => vi.unstubAllGlobals());
vi.setConfig({ testTimeout: 15_000 });

/** The whole app, with the app's own QueryClient (its 401 handling is under test). */
function renderApp({ url = "/", language = "vi" }: { url?: string; language?: Language } = {}) {
  localStorage.setItem(
    "call-dashboard.preferences",
    JSON.stringify({ language, timeZoneMode: "call-center" }),
  );
  window.history.replaceState(null, "", url);
  const queryClient = createQueryClient();
  render(<App queryClient={queryClient} />);
  return { queryClient, user: userEvent.setup() };
}

async function signIn(
  user: ReturnType<typeof userEvent.setup>,
  { username = SUPERVISOR.username, password = SUPERVISOR_PASSWORD } = {},
) {
  await user.type(await screen.findByLabelText("Tên đăng nhập"), username);
  await user.type(screen.getByLabelText("Mật khẩu"), password);
  await user.click(screen.getByRole("button", { name: "Đăng nhập" }));
}

const FIRST_CALL = "0983 223 566";

describe("signing in", () => {
  it("says the server cannot be reached when the session cannot be checked, and still offers sign-in", async () => {
    installFakeApi();
    const session = installFakeSession();
    session.breakSession("server error");
    renderApp({ language: "en" });

    // The app's client asks twice more (1 s, then 2 s) before a 5xx counts as a failure.
    expect(await screen.findByRole("alert", {}, { timeout: 6000 })).toHaveTextContent(
      "The server has a problem. Please try again later.",
    );
    expect(screen.getByRole("form", { name: "Sign in" })).toBeVisible();
  });

  it("shows a skeleton while the session is checked, then the sign-in page when there is none", async () => {
    const api = installFakeApi();
    installFakeSession();
    renderApp();

    expect(screen.getByRole("status", { name: "Đang kiểm tra phiên đăng nhập…" })).toBeVisible();
    expect(await screen.findByRole("form", { name: "Đăng nhập" })).toBeVisible();
    expect(screen.getByRole("heading", { name: "Lịch sử cuộc gọi" })).toBeVisible();
    expect(screen.getByLabelText("Tên đăng nhập")).toHaveAttribute("autocomplete", "username");
    expect(screen.getByLabelText("Mật khẩu")).toHaveAttribute("autocomplete", "current-password");
    expect(screen.getByLabelText("Mật khẩu")).toHaveAttribute("type", "password");
    expect(screen.queryByRole("table")).not.toBeInTheDocument();
    expect(screen.queryByRole("alert")).not.toBeInTheDocument();
    expect(api.listRequests).toHaveLength(0);
  });

  it("says a wrong password is wrong without saying which field, and keeps what was typed", async () => {
    installFakeApi();
    const session = installFakeSession();
    const { user } = renderApp();

    await signIn(user, { password: "not it" });

    expect(await screen.findByRole("alert")).toHaveTextContent(
      "Tên đăng nhập hoặc mật khẩu không đúng.",
    );
    expect(screen.getByLabelText("Tên đăng nhập")).toHaveValue(SUPERVISOR.username);
    expect(screen.getByLabelText("Mật khẩu")).toHaveValue("not it");
    expect(screen.getByLabelText("Mật khẩu")).toHaveFocus();
    expect(session.signInAttempts).toEqual([{ username: SUPERVISOR.username, password: "not it" }]);
    expect(session.isSignedIn()).toBe(false);
  });

  it("says how many seconds to wait when sign-in is throttled, in either language", async () => {
    installFakeApi();
    const session = installFakeSession();
    session.throttle(42);
    const { user } = renderApp();

    await signIn(user);
    expect(await screen.findByRole("alert")).toHaveTextContent(
      "Quá nhiều lần thử, vui lòng thử lại sau 42 giây.",
    );

    await user.click(screen.getByRole("button", { name: "English" }));
    expect(screen.getByRole("alert")).toHaveTextContent("Too many attempts, try again in 42 s.");
    expect(screen.getByRole("form", { name: "Sign in" })).toBeVisible();
    expect(screen.getByLabelText("Password")).toHaveValue(SUPERVISOR_PASSWORD);
    expect(document.documentElement.lang).toBe("en");
  });

  it("tells an unreachable server from a failing one", async () => {
    installFakeApi();
    const session = installFakeSession();
    const { user } = renderApp();
    await screen.findByRole("form", { name: "Đăng nhập" });

    session.breakSession("offline");
    await signIn(user);
    expect(await screen.findByRole("alert")).toHaveTextContent("Không kết nối được máy chủ.");

    session.breakSession("server error");
    await user.click(screen.getByRole("button", { name: "Đăng nhập" }));
    await waitFor(() =>
      expect(screen.getByRole("alert")).toHaveTextContent("Máy chủ đang gặp sự cố."),
    );
  });

  it("shows and hides the password", async () => {
    installFakeApi();
    installFakeSession();
    const { user } = renderApp();
    const password = await screen.findByLabelText("Mật khẩu");
    const toggle = screen.getByRole("button", { name: "Hiện mật khẩu" });

    await user.click(toggle);
    expect(password).toHaveAttribute("type", "text");
    expect(toggle).toHaveAttribute("aria-pressed", "true");

    await user.click(toggle);
    expect(password).toHaveAttribute("type", "password");
    expect(toggle).toHaveAttribute("aria-pressed", "false");
  });

  it("shows progress while signing in, then the calls the link pointed at, without a reload", async () => {
    const api = installFakeApi();
    const session = installFakeSession();
    const link = "/?status=missed&sort=duration&call=call-0003";
    const { user } = renderApp({ url: link });
    const release = session.holdSignIn();

    await signIn(user);
    expect(screen.getByRole("button", { name: "Đang đăng nhập…" })).toBeDisabled();
    release();

    expect(await screen.findByText(FIRST_CALL)).toBeVisible();
    expect(await screen.findByRole("dialog", { name: "Call call-0003" })).toBeVisible();
    expect(`${window.location.pathname}${window.location.search}`).toBe(link);
    expect(api.lastList()).toMatchObject({ status: "missed", sort: "duration" });
    const signedIn = screen.getByRole("region", { name: "Người dùng đang đăng nhập" });
    expect(signedIn).toHaveTextContent("Trần Thị Mai");
    expect(signedIn).toHaveTextContent("Giám sát viên");
    expect(screen.getByRole("banner")).toHaveTextContent("Sao Mai Telecom");
    expect(screen.queryByRole("form", { name: "Đăng nhập" })).not.toBeInTheDocument();
  });
});

describe("signed in", () => {
  it("names the user and role in the header, in English too", async () => {
    installFakeApi();
    installFakeSession({ signedIn: true });
    renderApp({ language: "en" });

    const signedIn = await screen.findByRole("region", { name: "Signed-in user" });
    expect(within(signedIn).getByText("Trần Thị Mai")).toBeVisible();
    expect(within(signedIn).getByText("Supervisor")).toBeVisible();
    expect(within(signedIn).getByRole("button", { name: "Sign out" })).toBeVisible();
  });

  it("signs out to the sign-in page and forgets every call it fetched", async () => {
    installFakeApi();
    const session = installFakeSession({ signedIn: true });
    const { user, queryClient } = renderApp({ url: "/?status=answered" });
    await screen.findByText(FIRST_CALL);

    await user.click(screen.getByRole("button", { name: "Đăng xuất" }));

    expect(await screen.findByRole("form", { name: "Đăng nhập" })).toBeVisible();
    expect(screen.queryByText(FIRST_CALL)).not.toBeInTheDocument();
    expect(session.isSignedIn()).toBe(false);
    expect(
      queryClient
        .getQueryCache()
        .getAll()
        .map((query) => query.queryKey),
    ).toEqual([sessionQueries.current().queryKey]);
    expect(currentUrlParams()).toEqual({ status: "answered" });
  });

  it("signs out on screen even when the server cannot be told", async () => {
    installFakeApi();
    const session = installFakeSession({ signedIn: true });
    const { user } = renderApp();
    await screen.findByText(FIRST_CALL);

    session.breakSession("offline");
    await user.click(screen.getByRole("button", { name: "Đăng xuất" }));

    expect(await screen.findByRole("form", { name: "Đăng nhập" })).toBeVisible();
    expect(screen.queryByText(FIRST_CALL)).not.toBeInTheDocument();
  });

  it("returns to the sign-in page, on the same URL, when the session expires", async () => {
    const api = installFakeApi();
    const session = installFakeSession({ signedIn: true });
    const { user } = renderApp({ url: "/?direction=inbound" });
    await screen.findByText(FIRST_CALL);
    const listRequestsBefore = api.listRequests.length;

    session.expire();
    await user.click(screen.getByRole("button", { name: "Thời lượng" }));

    expect(await screen.findByRole("form", { name: "Đăng nhập" })).toBeVisible();
    expect(screen.queryByRole("table")).not.toBeInTheDocument();
    const url = currentUrlParams();
    expect(url).toMatchObject({ direction: "inbound", sort: expect.stringContaining("duration") });

    await signIn(user);
    expect(await screen.findByText(FIRST_CALL)).toBeVisible();
    expect(currentUrlParams()).toEqual(url);
    // The refused request reached no call data; the list came again once signed in.
    expect(api.listRequests.length).toBeGreaterThan(listRequestsBefore);
  });
});
