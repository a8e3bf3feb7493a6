/**
 * A browser context signed in to the test server: the session cookie comes from the real
 * sign-in endpoint (the form itself is tested in sign-in.test.ts), and every page of the
 * context carries it, as a supervisor's browser would after signing in.
 */
import type { Browser, BrowserContext, BrowserContextOptions, Page } from "playwright-core";
import type { RunningServer } from "./dashboard-server.ts";

export async function signedInContext(
  browser: Browser,
  server: RunningServer,
  options: BrowserContextOptions = {},
  user = server.supervisor,
): Promise<BrowserContext> {
  const context = await browser.newContext({ baseURL: server.url, ...options });
  const response = await context.request.post(`${server.url}/api/session`, { data: user });
  if (!response.ok()) {
    throw new Error(
      `sign-in as ${user.username} failed: ${response.status()} ${await response.text()}`,
    );
  }
  return context;
}

/** A page of its own signed-in context (closing the page's context is the caller's affair). */
export async function signedInPage(
  browser: Browser,
  server: RunningServer,
  options: BrowserContextOptions = {},
): Promise<Page> {
  const context = await signedInContext(browser, server, options);
  return context.newPage();
}

/** Signs in as `user` (the demo supervisor by default): the session cookie to send, `name=value`. */
export async function signInCookie(
  server: RunningServer,
  user = server.supervisor,
): Promise<string> {
  const response = await fetch(`${server.url}/api/session`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(user),
  });
  const cookie = response.headers.get("set-cookie")?.split(";")[0];
  if (!response.ok || !cookie) throw new Error(`sign-in failed: HTTP ${response.status}`);
  return cookie;
}

type SignedInFetch = (path: string, init?: RequestInit) => Promise<Response>;

/** `fetch` on the server's API with a session cookie (from signInCookie). */
export function fetchWithCookie(server: RunningServer, cookie: string): SignedInFetch {
  return (path, init = {}) =>
    fetch(`${server.url}${path}`, { ...init, headers: { ...init.headers, cookie } });
}

/** `fetch` on the server's API as the signed-in supervisor, for tests that compare with it. */
export async function signedInFetch(server: RunningServer): Promise<SignedInFetch> {
  return fetchWithCookie(server, await signInCookie(server));
}
