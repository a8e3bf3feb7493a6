import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { installFakeApi, renderCallsPage } from "@/features/calls/testing/calls-test-kit.tsx";
import { AppHeader } from "./app-header.tsx";

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});
vi.setConfig({ testTimeout: 15_000 });

describe("the header's display preferences", () => {
  it("switches the whole page between Vietnamese and English, and remembers it", async () => {
    installFakeApi();
    renderCallsPage({ alongside: <AppHeader /> });
    await screen.findByText("0983 223 566");
    expect(screen.getByRole("heading", { name: "Lịch sử cuộc gọi" })).toBeInTheDocument();
    expect(document.documentElement.lang).toBe("vi");
    const user = userEvent.setup();

    await user.click(screen.getByRole("button", { name: "English" }));

    expect(screen.getByRole("heading", { name: "Call history" })).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "English" })).toHaveAttribute("aria-pressed", "true");
    expect(screen.getByRole("columnheader", { name: /Started/ })).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Outcome" })).toBeInTheDocument();
    const firstRow = screen.getByText("0983 223 566").closest("tr")!;
    expect(within(firstRow).getByText("Answered")).toBeInTheDocument();
    expect(within(firstRow).getByText("Outbound")).toBeInTheDocument();
    expect(screen.getByRole("navigation", { name: "Pagination" })).toHaveTextContent("12 calls");
    expect(screen.getByRole("link", { name: "Export CSV" }).getAttribute("href")).toContain(
      "lang=en",
    );
    expect(document.documentElement.lang).toBe("en");
    expect(JSON.parse(localStorage.getItem("call-dashboard.preferences") ?? "{}")).toMatchObject({
      language: "en",
    });
  });

  it("shows times in the call center's zone or in the browser's", async () => {
    vi.useFakeTimers({
      toFake: ["Date"],
      now: Date.UTC(2026, 10, 25, 9, 0),
      shouldAdvanceTime: true,
    });
    installFakeApi();
    renderCallsPage({ alongside: <AppHeader /> });
    // 14:27:57 in Ho Chi Minh City (UTC+7); the test browser runs in UTC.
    const firstRow = (await screen.findByText("0983 223 566")).closest("tr")!;
    expect(within(firstRow).getByText("25/11 14:27:57")).toBeInTheDocument();
    const user = userEvent.setup();

    await user.selectOptions(
      screen.getByRole("combobox", { name: "Múi giờ" }),
      "Giờ trình duyệt (UTC)",
    );

    expect(within(firstRow).getByText("25/11 07:27:57")).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "Xuất CSV" }).getAttribute("href")).toContain("tz=UTC");
  });
});
