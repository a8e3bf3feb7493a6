/**
 * A fake `/api/session` in front of the fake call API (install that first): sign-in with one
 * known user and password, sign-out, and, like the real server, 401 `unauthenticated` for every
 * other `/api/*` request while signed out. Tests can expire the session, throttle sign-in, or
 * hold a sign-in answer to see the page while it waits.
 */
import { vi } from "vitest";
import type { SessionUser } from "@/contract/session.ts";
import { errorAnswer } from "@/features/calls/testing/calls-test-kit.tsx";

export const SUPERVISOR: SessionUser = {
  username: "mai.tran",
  display_name: "Trần Thị Mai",
  role: "supervisor",
  tenant_id: "64f1c2a97b3e5d0012a8e4c7",
  tenant_name: "Sao Mai Telecom",
  sip_user: null,
};
export const SUPERVISOR_PASSWORD = "correct horse battery";

function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "content-type": "application/json", ...headers },
  });
}

function fromAnswer({ status, body }: ReturnType<typeof errorAnswer>): Response {
  return json(status, body);
}

export function installFakeSession({
  signedIn = false,
  user = SUPERVISOR,
}: {
  signedIn?: boolean;
  user?: SessionUser;
} = {}) {
  const callApi = globalThis.fetch;
  const state = {
    signedIn,
    retryAfterSeconds: undefined as number | undefined,
    held: undefined as Promise<void> | undefined,
    fault: undefined as "offline" | "server error" | undefined,
  };
  const signInAttempts: { username: string; password: string }[] = [];
  const sessionAnswer = () =>
    json(200, {
      instance_id: "test",
      instance_version: "1.2.164",
      key_enabled: false,
      status_code: 9999,
      payload: { user },
    });

  const fetchMock = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(String(input), "http://localhost");
    const method = init?.method ?? "GET";
    if (url.pathname !== "/api/session") {
      if (!state.signedIn) return fromAnswer(errorAnswer(401, "unauthenticated"));
      return callApi(input, init);
    }
    if (method !== "DELETE") await state.held;
    if (state.fault === "offline") throw new TypeError("Failed to fetch");
    if (state.fault === "server error") return fromAnswer(errorAnswer(500));
    if (method === "GET") {
      return state.signedIn ? sessionAnswer() : fromAnswer(errorAnswer(401, "unauthenticated"));
    }
    if (method === "DELETE") {
      state.signedIn = false;
      return new Response(null, { status: 204 });
    }
    const attempt = JSON.parse(String(init?.body)) as { username: string; password: string };
    signInAttempts.push(attempt);
    if (state.retryAfterSeconds !== undefined) {
      const { status, body } = errorAnswer(429, "too_many_attempts");
      return json(status, body, { "retry-after": String(state.retryAfterSeconds) });
    }
    if (attempt.username !== user.username || attempt.password !== SUPERVISOR_PASSWORD) {
      return fromAnswer(errorAnswer(401, "invalid_credentials"));
    }
    state.signedIn = true;
    return sessionAnswer();
  });
  vi.stubGlobal("fetch", fetchMock);

  return {
    signInAttempts,
    isSignedIn: () => state.signedIn,
    /** The session ends on the server (expired, or signed out in another tab). */
    expire: () => {
      state.signedIn = false;
    },
    throttle: (retryAfterSeconds: number) => {
      state.retryAfterSeconds = retryAfterSeconds;
    },
    /** `/api/session` fails: the server cannot be reached, or answers 500. */
    breakSession: (fault: "offline" | "server error") => {
      state.fault = fault;
    },
    /** Session answers (check and sign-in) wait until the returned function is called. */
    holdSignIn: () => {
      let release = () => {};
      state.held = new Promise((resolve) => {
        release = resolve;
      });
      return release;
    },
  };
}
