/** Sign-in, the session cookie, sign-out, the attempt limit and the security headers. */
import type { FastifyInstance } from "fastify";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { buildApp } from "../app.ts";
import type { Store } from "../store/open-store.ts";
import { openTemporaryStore, TEST_TENANT_ID } from "../test/call-builder.ts";
import { SESSION_COOKIE } from "./authentication.ts";
import { createUser } from "./users.ts";

const PASSWORD = "mật khẩu đủ dài";

let app: FastifyInstance;
let store: Store;
let cleanup: () => Promise<void>;

async function start(options: { signInAttemptsPerMinute?: number; trustProxy?: boolean } = {}) {
  app = await buildApp({ store, ...options });
}

beforeEach(async () => {
  ({ store, cleanup } = await openTemporaryStore());
  await createUser(store, {
    tenantId: TEST_TENANT_ID,
    tenantName: "Công ty Thử",
    username: "Hoa.Nguyen",
    displayName: "Nguyễn Thị Hoa",
    password: PASSWORD,
    role: "supervisor",
  });
});

afterEach(async () => {
  await app?.close();
  await cleanup();
});

const signIn = (payload: unknown, headers: Record<string, string> = {}) =>
  app.inject({ method: "POST", url: "/api/session", payload: payload as object, headers });

function sessionCookieOf(response: Awaited<ReturnType<typeof signIn>>): string {
  const header = [response.headers["set-cookie"] ?? []]
    .flat()
    .find((cookie) => cookie.startsWith(`${SESSION_COOKIE}=`));
  expect(header, "a session cookie").toBeDefined();
  return header!;
}

describe("signing in", () => {
  it("answers the user and sets an HttpOnly, SameSite=Lax session cookie", async () => {
    await start();
    const response = await signIn({ username: " HOA.nguyen ", password: PASSWORD });
    expect(response.statusCode).toBe(200);
    expect(response.json().payload.user).toEqual({
      username: "hoa.nguyen",
      display_name: "Nguyễn Thị Hoa",
      role: "supervisor",
      tenant_id: TEST_TENANT_ID,
      tenant_name: "Công ty Thử",
      sip_user: null,
    });
    const cookie = sessionCookieOf(response);
    expect(cookie).toMatch(/; HttpOnly/);
    expect(cookie).toMatch(/; SameSite=Lax/);
    expect(cookie).not.toMatch(/; Secure/);

    const token = cookie.split(";")[0]!;
    const session = await app.inject({ url: "/api/session", headers: { cookie: token } });
    expect(session.statusCode).toBe(200);
    expect(session.json().payload.user.username).toBe("hoa.nguyen");
    const list = await app.inject({
      url: "/api/call_transaction/list",
      headers: { cookie: token },
    });
    expect(list.statusCode).toBe(200);
  });

  it("marks the cookie Secure when served over TLS behind a trusted proxy", async () => {
    await start({ trustProxy: true });
    const response = await signIn(
      { username: "hoa.nguyen", password: PASSWORD },
      { "x-forwarded-proto": "https" },
    );
    expect(sessionCookieOf(response)).toMatch(/; Secure/);
  });

  it("answers a wrong password and an unknown user alike", async () => {
    await start();
    const wrongPassword = await signIn({ username: "hoa.nguyen", password: "not it at all" });
    const unknownUser = await signIn({ username: "nobody.here", password: PASSWORD });
    expect(wrongPassword.statusCode).toBe(401);
    expect(unknownUser.statusCode).toBe(401);
    expect(wrongPassword.body).toBe(unknownUser.body);
    expect(JSON.parse(wrongPassword.body).message).toBe("invalid_credentials");
    expect(wrongPassword.headers["set-cookie"]).toBeUndefined();
  });

  it.each([
    ["no body", undefined],
    ["a string", "hoa.nguyen:password"],
    ["missing password", { username: "hoa.nguyen" }],
    ["empty username", { username: "  ", password: PASSWORD }],
    ["a number as password", { username: "hoa.nguyen", password: 12345678 }],
    ["an oversized password", { username: "hoa.nguyen", password: "x".repeat(10_000) }],
  ])("refuses %s with a 4xx envelope", async (_name, body) => {
    await start();
    const response = await signIn(body);
    expect(response.statusCode).toBeGreaterThanOrEqual(400);
    expect(response.statusCode).toBeLessThan(500);
    expect(response.json().status_code).toBe(-9999);
  });

  it("limits attempts from one address, with Retry-After", async () => {
    await start({ signInAttemptsPerMinute: 3 });
    for (let attempt = 0; attempt < 3; attempt += 1) {
      expect((await signIn({ username: "hoa.nguyen", password: "guess-guess" })).statusCode).toBe(
        401,
      );
    }
    const limited = await signIn({ username: "hoa.nguyen", password: PASSWORD });
    expect(limited.statusCode).toBe(429);
    expect(limited.json().message).toBe("too_many_attempts");
    expect(Number(limited.headers["retry-after"])).toBeGreaterThan(0);
  });
});

describe("signing out and sessions", () => {
  it("ends the session: the old cookie no longer opens anything", async () => {
    await start();
    const token = sessionCookieOf(
      await signIn({ username: "hoa.nguyen", password: PASSWORD }),
    ).split(";")[0]!;
    const signOut = await app.inject({
      method: "DELETE",
      url: "/api/session",
      headers: { cookie: token },
    });
    expect(signOut.statusCode).toBe(204);
    expect(String(signOut.headers["set-cookie"])).toMatch(new RegExp(`${SESSION_COOKIE}=;`));
    const after = await app.inject({
      url: "/api/call_transaction/list",
      headers: { cookie: token },
    });
    expect(after.statusCode).toBe(401);
  });

  it("refuses a made-up or malformed token", async () => {
    await start();
    for (const token of ["x", "A".repeat(43), "<script>", "a".repeat(5000)]) {
      const response = await app.inject({
        url: "/api/call_transaction/list",
        headers: { cookie: `${SESSION_COOKIE}=${encodeURIComponent(token)}` },
      });
      expect(response.statusCode).toBe(401);
      expect(response.json().message).toBe("unauthenticated");
    }
  });

  it("expires a session left idle", async () => {
    await start();
    const token = sessionCookieOf(
      await signIn({ username: "hoa.nguyen", password: PASSWORD }),
    ).split(";")[0]!;
    store.sqlite
      .prepare("UPDATE sessions SET last_seen_at = last_seen_at - 13 * 3600 * 1000")
      .run();
    const response = await app.inject({ url: "/api/session", headers: { cookie: token } });
    expect(response.statusCode).toBe(401);
  });
});

describe("security headers", () => {
  it("sends a CSP without inline scripts, no framing, nosniff and a referrer policy", async () => {
    await start();
    const response = await app.inject({ url: "/api/health" });
    const policy = String(response.headers["content-security-policy"]);
    expect(policy).toMatch(/script-src 'self'(;|$)/);
    expect(policy).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(policy).toContain("frame-ancestors 'none'");
    expect(response.headers["x-content-type-options"]).toBe("nosniff");
    expect(response.headers["referrer-policy"]).toBe("same-origin");
    expect(response.headers["x-frame-options"]).toBe("DENY");
  });
});
