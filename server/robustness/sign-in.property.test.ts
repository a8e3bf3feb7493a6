/**
 * Sign-in (`POST /api/session`), given any body: arbitrary JSON, fields of the wrong type, huge
 * or odd strings, text that is not JSON. It answers 400, 401 or 429 in the envelope; never a
 * 5xx, never a session.
 */
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUser } from "../auth/users.ts";
import { TEST_TENANT_ID } from "../test/call-builder.ts";
import { isErrorEnvelope, type RobustApp, startRobustApp } from "./robust-app.ts";

const USERNAME = "hoa.nguyen";
const PASSWORD = "the right password, 2026";

const oddString = fc.oneof(
  fc.string({ unit: "grapheme", maxLength: 80 }),
  fc.constantFrom(
    "",
    " ",
    USERNAME,
    ` ${USERNAME.toUpperCase()} `,
    `${PASSWORD} `,
    "\u0000",
    "admin' OR '1'='1",
    "x".repeat(257),
    "y".repeat(200_000),
  ),
);
const field = fc.oneof(
  { weight: 4, arbitrary: oddString },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }) },
);
const signInBody = fc.oneof(
  fc
    .record({ username: field, password: field }, { requiredKeys: [] })
    .map((body) => JSON.stringify(body)),
  fc
    .tuple(fc.dictionary(fc.string({ maxLength: 10 }), field, { maxKeys: 4 }), fc.boolean())
    .map(([extra, withUser]) =>
      JSON.stringify(withUser ? { ...extra, username: USERNAME, password: "wrong!" } : extra),
    ),
  fc.jsonValue({ maxDepth: 3 }).map((value) => JSON.stringify(value) ?? "null"),
  fc.string({ unit: "grapheme", maxLength: 100 }),
);

async function signIn(robust: RobustApp, body: string, contentType: string) {
  return robust.app.inject({
    method: "POST",
    url: "/api/session",
    headers: { "content-type": contentType },
    payload: body,
  });
}

function expectRefused(response: Awaited<ReturnType<typeof signIn>>, allowed: number[]) {
  expect(allowed, response.body).toContain(response.statusCode);
  expect(isErrorEnvelope(response.json()), response.body).toBe(true);
  expect(response.headers["set-cookie"]).toBeUndefined();
}

describe("POST /api/session with any body", () => {
  let robust: RobustApp;

  beforeAll(async () => {
    // A limit no run reaches, so the property sees 400 and 401 (the next test covers 429).
    robust = await startRobustApp({ signInAttemptsPerMinute: 10_000 });
    await createUser(robust.store, {
      tenantId: TEST_TENANT_ID,
      username: USERNAME,
      password: PASSWORD,
      role: "supervisor",
    });
  });

  afterAll(async () => {
    await robust.close();
  });

  it("answers 400 or 401, never a 5xx and never a session", async () => {
    const statuses = new Set<number>();
    await fc.assert(
      fc.asyncProperty(
        signInBody,
        fc.constantFrom("application/json", "application/json; charset=utf-8", "text/plain"),
        async (body, contentType) => {
          const response = await signIn(robust, body, contentType);
          statuses.add(response.statusCode);
          expectRefused(response, [400, 401]);
        },
      ),
      { numRuns: 150 },
    );
    expect([...statuses].sort()).toEqual([400, 401]);
  });

  it("answers a body over the size limit, or of another media type, with a 4xx envelope", async () => {
    const huge = JSON.stringify({ username: USERNAME, password: "p".repeat(2 * 1024 * 1024) });
    expectRefused(await signIn(robust, huge, "application/json"), [413]);
    expectRefused(await signIn(robust, "username=a&password=b", "application/xml"), [415]);
    const notJson = await signIn(robust, '{"username": ', "application/json");
    expectRefused(notJson, [400]);
    expect(notJson.json()).toMatchObject({
      message: "invalid_parameter",
      errors: [{ parameter: "body", message: "the body is not valid JSON" }],
    });
    // The property cannot fail for want of a right answer: the right one still signs in.
    const right = await signIn(
      robust,
      JSON.stringify({ username: USERNAME, password: PASSWORD }),
      "application/json",
    );
    expect(right.statusCode, right.body).toBe(200);
  });
});

describe("POST /api/session over the attempt limit, with any body", () => {
  let robust: RobustApp;

  beforeAll(async () => {
    robust = await startRobustApp({ signInAttemptsPerMinute: 3 });
  });

  afterAll(async () => {
    await robust.close();
  });

  it("answers 429 with Retry-After once the limit is spent, whatever the body", async () => {
    let limited = 0;
    await fc.assert(
      fc.asyncProperty(signInBody, async (body) => {
        const response = await signIn(robust, body, "application/json");
        expectRefused(response, [400, 401, 429]);
        if (response.statusCode === 429) {
          limited += 1;
          expect(response.json().message).toBe("too_many_attempts");
          expect(Number(response.headers["retry-after"])).toBeGreaterThan(0);
        }
      }),
      { numRuns: 40 },
    );
    expect(limited).toBeGreaterThanOrEqual(40 - 3);
  });
});
