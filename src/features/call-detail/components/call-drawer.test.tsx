import { act, configure, fireEvent, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import {
  installDrawerApi,
  installLayoutStubs,
  makePeaks,
  renderDrawer,
} from "../testing/drawer-test-kit.tsx";
import {
  exampleLegs,
  makeCall,
  makeEnvelope,
  makeLeg,
  CALL_START as S,
} from "../testing/fixtures.ts";

// wavesurfer.js draws on a canvas jsdom does not have: a stand-in records what it was given.
const wavesurfers = vi.hoisted(() => {
  type Listener = (...args: unknown[]) => void;
  class FakeWaveSurfer {
    listeners = new Map<string, Set<Listener>>();
    playing = false;
    destroyed = false;
    constructor(readonly options: Record<string, unknown> & { media: HTMLMediaElement }) {}
    on(event: string, listener: Listener) {
      const set = this.listeners.get(event) ?? new Set();
      set.add(listener);
      this.listeners.set(event, set);
      return () => set.delete(listener);
    }
    once(event: string, listener: Listener) {
      const off = this.on(event, (...args) => {
        off();
        listener(...args);
      });
      return off;
    }
    emit(event: string, ...args: unknown[]) {
      for (const listener of this.listeners.get(event) ?? []) listener(...args);
    }
    setTime(seconds: number) {
      this.options.media.currentTime = seconds;
      this.emit("timeupdate", seconds);
    }
    async playPause() {
      this.playing = !this.playing;
      this.emit(this.playing ? "play" : "pause");
    }
    setPlaybackRate(rate: number) {
      this.options.media.playbackRate = rate;
    }
    setVolume(volume: number) {
      this.options.media.volume = volume;
    }
    setMuted(muted: boolean) {
      this.options.media.muted = muted;
    }
    destroy() {
      this.destroyed = true;
    }
  }
  return { FakeWaveSurfer, created: [] as InstanceType<typeof FakeWaveSurfer>[] };
});

vi.mock("wavesurfer.js", () => ({
  default: {
    create: (options: ConstructorParameters<typeof wavesurfers.FakeWaveSurfer>[0]) => {
      const instance = new wavesurfers.FakeWaveSurfer(options);
      wavesurfers.created.push(instance);
      return instance;
    },
  },
}));
vi.mock("wavesurfer.js/plugins/hover", () => ({ default: { create: () => ({}) } }));
vi.mock("wavesurfer.js/plugins/timeline", () => ({ default: { create: () => ({}) } }));

vi.setConfig({ testTimeout: 15_000 });
// The player and the chart are lazy chunks, the names a request of their own: on a loaded
// machine they take longer than Testing Library's default second to arrive.
configure({ asyncUtilTimeout: 5_000 });

beforeEach(() => {
  wavesurfers.created.length = 0;
  installLayoutStubs();
});
afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

/** The value shown beside a field's label (a <dt>/<dd> pair). */
function fieldValue(label: string, scope: HTMLElement = document.body): string | null | undefined {
  return within(scope).getByText(label, { selector: "dt" }).nextElementSibling?.textContent;
}

const NO_RECORDING = {
  record_seconds: 0,
  recording_file: "",
  recording_file_url: "",
} as const;

describe("the call drawer", () => {
  it("is a labelled dialog that takes focus on open and gives it back on close", async () => {
    installDrawerApi({ calls: [makeEnvelope(makeCall(NO_RECORDING))] });
    const row = document.createElement("button");
    row.textContent = "A row of the table";
    document.body.append(row);
    row.focus();

    const view = renderDrawer({ transactionId: "call-0001" });
    const dialog = screen.getByRole("dialog", { name: "Call details" });
    expect(dialog).toHaveAttribute("aria-modal", "false");
    expect(dialog).toHaveFocus();
    expect(await within(dialog).findByText("Overview", { selector: "summary" })).toBeVisible();

    view.unmount();
    expect(row).toHaveFocus();
    row.remove();
  });

  it("closes with Esc and steps to the next and previous call with Alt+↓/↑ and its buttons", async () => {
    installDrawerApi({ calls: [makeEnvelope(makeCall(NO_RECORDING))] });
    const { onClose, onNavigate } = renderDrawer({ transactionId: "call-0001" });
    const user = userEvent.setup();
    await screen.findByText("Overview", { selector: "summary" });

    await user.keyboard("{Alt>}{ArrowDown}{/Alt}");
    expect(onNavigate).toHaveBeenLastCalledWith("next");
    await user.keyboard("{Alt>}{ArrowUp}{/Alt}");
    expect(onNavigate).toHaveBeenLastCalledWith("previous");
    await user.click(screen.getByRole("button", { name: "Next call" }));
    expect(onNavigate).toHaveBeenLastCalledWith("next");
    await user.click(screen.getByRole("button", { name: "Previous call" }));
    expect(onNavigate).toHaveBeenLastCalledWith("previous");

    await user.keyboard("{Escape}");
    expect(onClose).toHaveBeenCalledTimes(1);
    await user.click(screen.getByRole("button", { name: "Close" }));
    expect(onClose).toHaveBeenCalledTimes(2);
  });

  it("summarises the call in plain words above the details, and lists its transfers", async () => {
    const call = makeCall({
      ...NO_RECORDING,
      transfer_histories: [{ from_user: "101", to_user: "112", at: S + 120, type: "blind" }],
    });
    installDrawerApi({ calls: [makeEnvelope(call)] });
    renderDrawer({ transactionId: "call-0001" });

    expect(
      await screen.findByText(
        "Rang 3 agents over 41 s (1 busy, 1 timed out); answered by Nguyễn Văn A (ext 101) after 18 s; transferred to Võ Thị Nga (ext 112) at 2:00; talked 3:12; the customer hung up.",
      ),
    ).toBeVisible();
    const transfers = screen.getByRole("heading", { name: "Transfers" }).nextElementSibling;
    expect(transfers).toHaveTextContent(
      "Nguyễn Văn A (ext 101) → Võ Thị Nga (ext 112) · 14:29:57 (at 2:00) · blind",
    );
  });

  it("shows every field, nulls as —, in Vietnamese too", async () => {
    const call = makeCall({
      ...NO_RECORDING,
      customer: null,
      create_by: null,
      note: null,
      provider: null,
      sip_user: null,
      user: [],
      time_start_to_answer: null,
      hangup_cause: null,
      hangup_cause_q850: null,
      endby_name: null,
      tag: ["tag-vip", "tag-unknown"],
      call_out_price: 1100,
    });
    installDrawerApi({ calls: [makeEnvelope(call, [])] });
    renderDrawer({ transactionId: "call-0001", language: "vi" });

    const dialog = await screen.findByRole("dialog", { name: "Chi tiết cuộc gọi" });
    await within(dialog).findByText("Tổng quan");
    expect(fieldValue("Tên khách hàng")).toBe("—");
    expect(fieldValue("Người thực hiện")).toBe("—");
    expect(fieldValue("Ghi chú")).toBe("—");
    expect(fieldValue("Nhà mạng")).toBe("—");
    expect(fieldValue("Lý do kết thúc")).toBe("—");
    expect(fieldValue("Nhân viên liên quan")).toBe("—");
    expect(fieldValue("Mã cuộc gọi")).toBe("call-0001");
    expect(fieldValue("Số khách hàng")).toBe("0983 223 566");
    expect(fieldValue("Tổng thời gian")).toBe("3:53 (233 giây)");
    expect(fieldValue("Ngoài giờ làm việc")).toBe("Không");
    await waitFor(() => expect(fieldValue("Thẻ")).toBe("VIPtag-unknown"));
    expect(fieldValue("Bắt đầu")).toBe("25/11/2026 14:27:57");
    expect(fieldValue("Cước gọi")).toMatch(/1\.100\s₫/);
    for (const group of ["Khách hàng", "Nhân viên", "Định tuyến", "Cước", "Kết thúc", "Kỹ thuật"]) {
      expect(within(dialog).getByText(group, { selector: "summary" })).toBeInTheDocument();
    }
    expect(within(dialog).queryByText("Thêm", { selector: "summary" })).not.toBeInTheDocument();
    expect(
      within(dialog).getByText("Không đổ chuông nhân viên nào", { exact: false }),
    ).toBeVisible();
    expect(
      within(dialog).getByText("Không có thông tin định tuyến cho cuộc gọi này."),
    ).toBeVisible();
    expect(within(dialog).getByText("Cuộc gọi này không có ghi âm.")).toBeVisible();
    expect(document.querySelector("audio")).toBeNull();
  });

  it("lists fields the API adds later under More instead of dropping them", async () => {
    const call = {
      ...makeCall(NO_RECORDING),
      sentiment_score: 0.82,
      queue_name: "Hỗ trợ kỹ thuật",
      customer: { full_name: "Trần Đình Tâm", full_name_unsigned: null, email: "tam@example.vn" },
      create_by: {
        id: "60e7",
        name: "Nguyễn Văn A",
        contact_id: null,
        avatar: null,
        gender: null,
        uuid: null,
        type: "agent",
        team: { name: "CSKH" },
      },
    };
    const envelope = { ...makeEnvelope(call), trace_id: "abc-123" };
    const legs = exampleLegs().map((leg, index) =>
      index === 2 ? { ...leg, queue_wait: 12 } : leg,
    );
    installDrawerApi({ calls: [{ ...envelope, call_stacks: legs }] });
    renderDrawer({ transactionId: "call-0001" });

    const more = (await screen.findByText("More", { selector: "summary" })).closest("details")!;
    expect(more).toHaveAttribute("open");
    expect(fieldValue("sentiment_score", more)).toBe("0.82");
    expect(fieldValue("queue_name", more)).toBe("Hỗ trợ kỹ thuật");
    expect(fieldValue("customer.email", more)).toBe("tam@example.vn");
    expect(fieldValue("create_by.team", more)).toBe('{"name":"CSKH"}');
    expect(fieldValue("envelope.trace_id", more)).toBe("abc-123");
    // Known fields stay in their groups.
    expect(fieldValue("Customer name")).toBe("Trần Đình Tâm");
    expect(fieldValue("Name without diacritics")).toBe("—");
    expect(fieldValue("Made by")).toBe("Nguyễn Văn A");
    // A leg's unknown field appears in the legs table.
    expect(screen.getByRole("columnheader", { name: "More" })).toBeInTheDocument();
    expect(screen.getByText("queue_wait")).toBeInTheDocument();
  });

  it("says so when the call does not exist", async () => {
    installDrawerApi({ calls: [] });
    renderDrawer({ transactionId: "no-such-call" });
    expect(await screen.findByRole("alert")).toHaveTextContent("This call was not found.");
  });
});

describe("the recording player", () => {
  const envelope = makeEnvelope();

  async function renderWithRecording(initialTime?: number) {
    installDrawerApi({ calls: [envelope], peaks: { "call-0001": makePeaks("call-0001") } });
    const view = renderDrawer({ transactionId: "call-0001", initialTime });
    const player = await screen.findByRole("group", { name: "Recording player" });
    await waitFor(() => expect(wavesurfers.created).toHaveLength(1));
    return { ...view, player, wavesurfer: wavesurfers.created[0]! };
  }

  it("draws the server's peaks over a real audio element that streams the recording", async () => {
    const { wavesurfer } = await renderWithRecording();
    const audio = document.querySelector("audio")!;
    expect(wavesurfer.options.media).toBe(audio);
    expect(wavesurfer.options.url).toBe("/api/recordings/call-0001");
    expect(wavesurfer.options.duration).toBe(192);
    const peaks = wavesurfer.options.peaks as number[][];
    expect(peaks).toHaveLength(2);
    expect(peaks[0]![3]).toBe(0.3);
    expect(peaks[1]![3]).toBe(0.3);
    expect(screen.getByRole("link", { name: "Download" })).toHaveAttribute(
      "href",
      "/api/recordings/call-0001?download=1",
    );
  });

  it("starts where the link's t says, and plays, pauses, skips and changes speed", async () => {
    const { wavesurfer } = await renderWithRecording(93);
    const audio = document.querySelector("audio")!;
    act(() => wavesurfer.emit("ready", 192));
    expect(audio.currentTime).toBe(93);
    const user = userEvent.setup();

    await user.click(screen.getByRole("button", { name: "Play" }));
    expect(wavesurfer.playing).toBe(true);
    await user.click(screen.getByRole("button", { name: "Pause" }));
    expect(wavesurfer.playing).toBe(false);

    await user.click(screen.getByRole("button", { name: "Back 10 seconds" }));
    expect(audio.currentTime).toBe(83);
    await user.click(screen.getByRole("button", { name: "Forward 5 seconds" }));
    expect(audio.currentTime).toBe(88);
    expect(screen.getByRole("slider", { name: "Position in the recording" })).toHaveAttribute(
      "aria-valuetext",
      "1:28 of 3:12",
    );

    await user.selectOptions(screen.getByRole("combobox", { name: "Speed" }), "1.5");
    expect(audio.playbackRate).toBe(1.5);
  });

  it("answers Space and the arrows while the player has focus", async () => {
    const { wavesurfer } = await renderWithRecording();
    const audio = document.querySelector("audio")!;
    const slider = screen.getByRole("slider", { name: "Position in the recording" });
    slider.focus();
    fireEvent.keyDown(slider, { key: "ArrowRight" });
    expect(audio.currentTime).toBe(5);
    fireEvent.keyDown(slider, { key: "ArrowRight", shiftKey: true });
    expect(audio.currentTime).toBe(15);
    fireEvent.keyDown(slider, { key: "ArrowLeft" });
    expect(audio.currentTime).toBe(10);
    fireEvent.keyDown(slider, { key: " " });
    expect(wavesurfer.playing).toBe(true);
  });

  it("copies a link to the moment being heard", async () => {
    window.history.replaceState(null, "", "/?status=answered&call=call-0001");
    // user-event stands in for the clipboard.
    const user = userEvent.setup();
    const { wavesurfer } = await renderWithRecording();
    act(() => wavesurfer.setTime(93.6));

    await user.click(screen.getByRole("button", { name: "Copy link at 1:33" }));
    expect(await navigator.clipboard.readText()).toBe(
      `${window.location.origin}/?status=answered&call=call-0001&t=93`,
    );
    expect(await screen.findByText("Link at 1:33 copied.")).toBeVisible();
  });

  it("says plainly when the recording file is missing", async () => {
    installDrawerApi({ calls: [envelope] });
    renderDrawer({ transactionId: "call-0001" });
    expect(await screen.findByText("The recording file of this call was not found.")).toBeVisible();
  });
});

describe("the leg timeline", () => {
  it("labels each lane, and plays the recording from a talk segment", async () => {
    installDrawerApi({
      calls: [makeEnvelope()],
      peaks: { "call-0001": makePeaks("call-0001") },
    });
    renderDrawer({ transactionId: "call-0001" });
    await waitFor(() => expect(wavesurfers.created).toHaveLength(1));
    const audio = document.querySelector("audio")!;

    const talk = await screen.findByRole("button", {
      name: "Play the talk with Nguyễn Văn A (ext 101) from 0:00 (3:12)",
    });
    fireEvent.keyDown(talk, { key: "Enter" });
    expect(audio.currentTime).toBe(0);
    expect(screen.getByText("3 · Ring group")).toBeInTheDocument();
    expect(screen.getByText("Nguyễn Văn A · 101")).toBeInTheDocument();
    expect(screen.getByRole("list", { name: "Legend" })).toHaveTextContent(
      "WaitRingingTalkAnsweredBusyDo not disturbOfflineTimed out",
    );
  });

  it("draws one lane per leg, however many", async () => {
    const legs = Array.from({ length: 20 }, (_, index) =>
      makeLeg({
        index: index + 1,
        to: `70759-${120 + index}`,
        at: S + index,
        bye_at: S + index + 1,
      }),
    );
    installDrawerApi({ calls: [makeEnvelope(makeCall(NO_RECORDING), legs)] });
    renderDrawer({ transactionId: "call-0001" });
    expect(await screen.findByText("20 · Ring group")).toBeInTheDocument();
    expect(screen.getAllByText(/^\d+ · Ring group$/)).toHaveLength(20);
  });
});
