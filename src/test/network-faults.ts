/**
 * Faults a component test can put between the SPA and its fake API: the server down, an answer
 * that is not JSON, an error status, no answer at all, the browser going offline. Each panel's
 * fault tests (table, drawer) use the same ones, so they mean the same thing everywhere.
 */
import { act } from "@testing-library/react";
import { vi } from "vitest";

export type Fault = (init: RequestInit | undefined) => Promise<Response>;

/** What fetch does when the server cannot be reached. */
export const serverDown: Fault = () => Promise.reject(new TypeError("Failed to fetch"));

/** A 200 carrying a proxy's HTML page. */
export const notJson: Fault = async () =>
  new Response("<html><body>502 Bad Gateway</body></html>", {
    status: 200,
    headers: { "content-type": "text/html" },
  });

/** An error status with the error envelope our server (and the vendor) sends. */
export function serverError(status: number, code = "internal_error"): Fault {
  const envelope = {
    instance_id: "test",
    instance_version: "1.2.164",
    key_enabled: false,
    status_code: -9999,
    message: code,
    payload: null,
  };
  return async () =>
    new Response(JSON.stringify(envelope), {
      status,
      headers: { "content-type": "application/json" },
    });
}

/** No answer until the request is aborted. */
export const noAnswer: Fault = (init) =>
  new Promise((_, reject) =>
    init?.signal?.addEventListener("abort", () =>
      reject(new DOMException("aborted", "AbortError")),
    ),
  );

/**
 * Wraps the fetch installed now (a test kit's fake API): requests `affects` picks fail as
 * `control.fault` says while it is set; `undefined` lets them through.
 */
export function interceptRequests(affects: (url: URL) => boolean) {
  const answer = globalThis.fetch;
  const control: { fault: Fault | undefined } = { fault: undefined };
  vi.stubGlobal("fetch", (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(String(input), "http://localhost");
    return control.fault && affects(url) ? control.fault(init) : answer(input, init);
  });
  return control;
}

export function setBrowserOnline(online: boolean) {
  vi.spyOn(navigator, "onLine", "get").mockReturnValue(online);
  act(() => {
    window.dispatchEvent(new Event(online ? "online" : "offline"));
  });
}
