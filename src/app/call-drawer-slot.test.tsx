import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import {
  currentUrlParams,
  installFakeApi,
  makeCall,
  renderCallsPage,
} from "@/features/calls/testing/calls-test-kit.tsx";
import { CallDrawerSlot } from "./call-drawer-slot.tsx";

const preloadDrawerParts = vi.hoisted(() => vi.fn(() => Promise.resolve()));

// The drawer is another feature's; here only its contract with the shell matters.
vi.mock("@/features/call-detail/components/call-drawer.tsx", () => ({
  preloadDrawerParts,
  default: ({
    transactionId,
    initialTime,
    onClose,
    onNavigate,
  }: {
    transactionId: string;
    initialTime: number | undefined;
    onClose: () => void;
    onNavigate: (direction: "next" | "previous") => void;
  }) => (
    <div role="dialog" aria-label={`Call ${transactionId} from ${initialTime ?? 0}s`}>
      <button type="button" onClick={() => onNavigate("previous")}>
        Previous call
      </button>
      <button type="button" onClick={() => onNavigate("next")}>
        Next call
      </button>
      <button type="button" onClick={onClose}>
        Close
      </button>
    </div>
  ),
}));

afterEach(() => vi.unstubAllGlobals());
vi.setConfig({ testTimeout: 15_000 });

describe("the call drawer beside the table", () => {
  it("fetches the drawer's code once the first rows are on screen, before a call is opened", async () => {
    installFakeApi();
    renderCallsPage({ url: "/", alongside: <CallDrawerSlot /> });
    await screen.findByText("0983 223 569");
    await waitFor(() => expect(preloadDrawerParts).toHaveBeenCalledTimes(1));
    expect(screen.queryByRole("dialog")).not.toBeInTheDocument();
  });

  it("opens for the call in the URL, with the recording's start time", async () => {
    installFakeApi();
    renderCallsPage({ url: "/?call=call-0003&t=42", alongside: <CallDrawerSlot /> });

    expect(await screen.findByRole("dialog", { name: "Call call-0003 from 42s" })).toBeVisible();
    const row = (await screen.findByText("0983 223 569")).closest("tr");
    expect(row).toHaveAttribute("aria-current", "true");
  });

  it("steps to the next and previous call, across pages, and closes", async () => {
    installFakeApi({ calls: Array.from({ length: 30 }, (_, index) => makeCall(index)) });
    renderCallsPage({ url: "/?size=25&call=call-0023", alongside: <CallDrawerSlot /> });
    await screen.findByRole("dialog", { name: /call-0023/ });
    const user = userEvent.setup();

    await user.click(screen.getByRole("button", { name: "Next call" }));
    await screen.findByRole("dialog", { name: /call-0024/ });
    await user.click(screen.getByRole("button", { name: "Next call" }));
    await screen.findByRole("dialog", { name: /call-0025/ });
    expect(currentUrlParams()).toEqual({ size: "25", page: "2", call: "call-0025" });
    await screen.findByText("0983 223 591");

    await user.click(screen.getByRole("button", { name: "Previous call" }));
    await waitFor(() => expect(currentUrlParams()).toEqual({ size: "25", call: "call-0024" }));

    await user.click(screen.getByRole("button", { name: "Close" }));
    expect(currentUrlParams()).toEqual({ size: "25" });
    expect(screen.queryByRole("dialog")).not.toBeInTheDocument();
  });

  it("moves the open call with j and k from the table, and Esc closes it", async () => {
    installFakeApi();
    renderCallsPage({ url: "/?call=call-0002", alongside: <CallDrawerSlot /> });
    await screen.findByRole("dialog", { name: /call-0002/ });
    await screen.findByText("0983 223 566");
    const user = userEvent.setup();

    await user.keyboard("j");
    await screen.findByRole("dialog", { name: /call-0003/ });
    await user.keyboard("kk");
    await screen.findByRole("dialog", { name: /call-0001/ });

    await user.keyboard("{Escape}");
    expect(currentUrlParams()).toEqual({});
  });
});
