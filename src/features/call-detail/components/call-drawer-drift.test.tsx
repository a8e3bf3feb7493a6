/**
 * The drawer given a call that drifted from the contract: it shows what it can with a notice,
 * lists the legs it could not read, and falls back to what the server sent; never a crash.
 */
import { configure, screen, within } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { CallDetailEnvelope } from "@/contract/call.ts";
import { formatDateTime } from "@/lib/format.ts";
import { installDrawerApi, installLayoutStubs, renderDrawer } from "../testing/drawer-test-kit.tsx";
import { CALL_START, exampleLegs, makeCall, makeEnvelope } from "../testing/fixtures.ts";

vi.setConfig({ testTimeout: 15_000 });
configure({ asyncUtilTimeout: 5_000 });

beforeEach(() => installLayoutStubs());
afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

const NO_RECORDING = { record_seconds: 0, recording_file: "", recording_file_url: "" } as const;

/** An answer with the call's and the legs' fields replaced by anything. */
function driftedEnvelope(callFields: Record<string, unknown>, legs: unknown[] = exampleLegs()) {
  const envelope = makeEnvelope(makeCall(NO_RECORDING));
  return {
    ...envelope,
    payload: { ...envelope.payload, ...callFields },
    call_stacks: legs,
  } as CallDetailEnvelope;
}

/** The value shown beside a field's label (a <dt>/<dd> pair). */
function fieldValue(label: string): string | null | undefined {
  return screen.getByText(label, { selector: "dt" }).nextElementSibling?.textContent;
}

describe("the drawer given a drifted call", () => {
  it("shows a call with odd fields, and names the values it emptied", async () => {
    installDrawerApi({
      calls: [
        driftedEnvelope({
          customer: "Trần Đình Tâm",
          time_start_call: CALL_START * 1000,
          bill_sec: "192",
          hangup_cause_q850: "sixteen",
        }),
      ],
    });
    renderDrawer({ transactionId: "call-0001" });

    expect(
      await screen.findByText(
        "Some values could not be read and are shown empty or worked out from the rest (customer, hangup_cause_q850).",
      ),
    ).toHaveAttribute("role", "status");
    const dialog = screen.getByRole("dialog", { name: "Call details" });
    expect(dialog).toHaveAccessibleDescription(
      expect.stringContaining(formatDateTime(CALL_START, "Asia/Ho_Chi_Minh")),
    );
    expect(fieldValue("Customer name")).toBe("—");
    expect(fieldValue("Q.850 code")).toBe("—");
    expect(fieldValue("Billed talk time")).toBe("3:12 (192 s)");
  });

  it("lists a leg it cannot read instead of breaking the timeline", async () => {
    const [first, second, third] = exampleLegs();
    installDrawerApi({
      calls: [driftedEnvelope({}, [first, { ...second, at: "yesterday" }, third])],
    });
    renderDrawer({ transactionId: "call-0001" });

    const notice = await screen.findByText("1 leg could not be read and is not on the chart.");
    expect(within(notice.parentElement as HTMLElement).getByRole("listitem")).toHaveTextContent(
      "Leg 2: could not be read (at)",
    );
    // The legs that were read are on the timeline (and in its table).
    const asTable = screen.getByText("Show as a table").closest("details") as HTMLElement;
    expect(within(asTable).getAllByRole("row")).toHaveLength(3);
  });

  it("shows what the server sent of a call it cannot read", async () => {
    installDrawerApi({
      calls: [driftedEnvelope({ direction: "sideways", duration: "long", note: "<b>hi</b>" })],
    });
    renderDrawer({ transactionId: "call-0001" });

    expect(await screen.findByRole("alert")).toHaveTextContent(
      "This call could not be read (direction, duration); below is what the server sent.",
    );
    const received = screen.getByRole("region", { name: "As received" });
    expect(
      within(received).getByText("duration", { selector: "dt" }).nextSibling,
    ).toHaveTextContent("long");
    // As text, never as markup.
    expect(within(received).getByText("<b>hi</b>")).toBeInTheDocument();
  });
});
