/**
 * Test kit for the call drawer: a fake API behind `fetch` (detail, peaks, directory), a render
 * with a fresh QueryClient (no retries) and pinned preferences, and jsdom's missing layout APIs.
 */
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { render } from "@testing-library/react";
import { vi } from "vitest";
import type { CallDetailEnvelope } from "@/contract/call.ts";
import type { RecordingPeaks } from "@/contract/recording-peaks.ts";
import { type Language, PreferencesProvider } from "@/lib/i18n/preferences.tsx";
import { CallDrawer } from "../components/call-drawer.tsx";

const INSTANCE = { instance_id: "test", instance_version: "1.2.164", key_enabled: false };

export const DIRECTORY = {
  agents: [
    { value: "101", label: "Nguyễn Văn A" },
    { value: "105", label: "Lê Thị B" },
    { value: "112", label: "Võ Thị Nga" },
  ],
  hotlines: [],
  tags: [{ value: "tag-vip", label: "VIP" }],
  providers: [],
  hangup_causes: [],
};

export function makePeaks(transactionId: string, duration = 192): RecordingPeaks {
  const count = duration * 10;
  return {
    transaction_id: transactionId,
    duration,
    sample_rate: 8000,
    peaks_per_second: 10,
    channels: [
      { name: "agent", peaks: Array.from({ length: count }, (_, index) => (index % 7) / 10) },
      { name: "customer", peaks: Array.from({ length: count }, (_, index) => (index % 5) / 10) },
    ],
  };
}

type Answer = { status: number; body: unknown };

function notFound(message: string): Answer {
  return { status: 404, body: { ...INSTANCE, status_code: -9999, message, payload: null } };
}

/** Answers like the server: the given calls' details and peaks; anything else is a 404. */
export function installDrawerApi({
  calls,
  peaks = {},
}: {
  calls: CallDetailEnvelope[];
  /** Peaks by transaction id; a call with a recording but no peaks here gets a 404. */
  peaks?: Record<string, RecordingPeaks>;
}) {
  const fetchMock = vi.fn(async (input: RequestInfo | URL) => {
    const url = new URL(String(input), "http://localhost");
    const path = decodeURIComponent(url.pathname);
    let answer: Answer = notFound("resource_not_found");
    const detail = /^\/api\/call_transaction\/detail\/(.+)$/.exec(path);
    const peaksPath = /^\/api\/recordings\/(.+)\/peaks$/.exec(path);
    if (path === "/api/filters") {
      answer = { status: 200, body: { ...INSTANCE, status_code: 9999, payload: DIRECTORY } };
    } else if (detail) {
      const envelope = calls.find((entry) => entry.payload.transaction_id === detail[1]);
      answer = envelope ? { status: 200, body: envelope } : notFound("call_not_found");
    } else if (peaksPath) {
      const found = peaksPath[1] ? peaks[peaksPath[1]] : undefined;
      answer = found ? { status: 200, body: found } : notFound("recording_not_found");
    }
    return new Response(JSON.stringify(answer.body), {
      status: answer.status,
      headers: { "content-type": "application/json" },
    });
  });
  vi.stubGlobal("fetch", fetchMock);
  return fetchMock;
}

/** jsdom has no layout: charts measure their box with ResizeObserver; give them one. */
export function installLayoutStubs({ width = 640, height = 240 } = {}) {
  vi.stubGlobal(
    "ResizeObserver",
    class {
      constructor(private readonly callback: ResizeObserverCallback) {}
      observe(target: Element) {
        const rect = { width, height, top: 0, left: 0, bottom: height, right: width, x: 0, y: 0 };
        this.callback(
          [{ target, contentRect: rect, borderBoxSize: [], contentBoxSize: [] } as never],
          this as never,
        );
      }
      unobserve() {}
      disconnect() {}
    },
  );
  vi.spyOn(HTMLElement.prototype, "clientWidth", "get").mockReturnValue(width);
  vi.spyOn(HTMLElement.prototype, "clientHeight", "get").mockReturnValue(height);
  vi.spyOn(HTMLElement.prototype, "offsetWidth", "get").mockReturnValue(width);
  vi.spyOn(HTMLElement.prototype, "offsetHeight", "get").mockReturnValue(height);
  // jsdom does not play media.
  vi.spyOn(HTMLMediaElement.prototype, "pause").mockImplementation(() => undefined);
  vi.spyOn(HTMLMediaElement.prototype, "load").mockImplementation(() => undefined);
}

export function renderDrawer({
  transactionId,
  initialTime,
  language = "en",
}: {
  transactionId: string;
  initialTime?: number;
  language?: Language;
}) {
  const onClose = vi.fn();
  const onNavigate = vi.fn();
  const queryClient = new QueryClient({
    defaultOptions: { queries: { retry: false, gcTime: Number.POSITIVE_INFINITY } },
  });
  const ui = (id: string) => (
    <QueryClientProvider client={queryClient}>
      <PreferencesProvider initial={{ language, timeZoneMode: "call-center" }}>
        <CallDrawer
          transactionId={id}
          initialTime={initialTime}
          onClose={onClose}
          onNavigate={onNavigate}
        />
      </PreferencesProvider>
    </QueryClientProvider>
  );
  const view = render(ui(transactionId));
  return {
    ...view,
    onClose,
    onNavigate,
    queryClient,
    /** What the app shell does on next/previous: the same drawer, another call. */
    showCall: (id: string) => view.rerender(ui(id)),
  };
}
