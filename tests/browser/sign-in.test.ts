/**
 * Signing in as a supervisor does, through the form, against the real server: a wrong password
 * is refused without saying which field was wrong, a deep link survives signing in, and signing
 * out leaves nothing of the calls on screen. An agent sees only its own calls.
 */
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callListEnvelopeSchema } from "@/contract/call.ts";
import { callRows } from "./support/call-rows.ts";
import { launchChromium } from "./support/chromium.ts";
import { type RunningServer, startDashboardServer } from "./support/dashboard-server.ts";

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  [server, browser] = await Promise.all([
    startDashboardServer({ seedCalls: 3000 }),
    launchChromium(),
  ]);
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function signedOutPage() {
  const context = await browser.newContext({ locale: "en-US", timezoneId: "Asia/Ho_Chi_Minh" });
  return context.newPage();
}

describe("signing in through the form", () => {
  it("refuses a wrong password, then opens the deep link it was given", async () => {
    const page = await signedOutPage();
    await page.goto(`${server.url}/?direction=inbound&sort=-duration`);
    await page.getByLabel("Username").fill(server.supervisor.username);
    await page.getByLabel("Password", { exact: true }).fill("not the password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect
      .poll(() => page.getByRole("alert").innerText())
      .toContain("Wrong username or password");
    expect(await page.getByRole("table").count()).toBe(0);

    await page.getByLabel("Password", { exact: true }).fill(server.supervisor.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    const rows = callRows(page);
    await rows.first().waitFor();
    expect(new URL(page.url()).search).toBe("?direction=inbound&sort=-duration");
    for (const row of (await rows.allInnerTexts()).slice(0, 10)) expect(row).toContain("Inbound");

    await page.getByRole("button", { name: "Sign out" }).click();
    await page.getByRole("button", { name: "Sign in" }).waitFor();
    expect(await page.getByRole("table").count()).toBe(0);
    // The old session is over on the server too, not only forgotten by the page.
    const after = await page.request.get(`${server.url}/api/call_transaction/list`);
    expect(after.status()).toBe(401);
    await page.context().close();
  });

  it("shows an agent only the calls its extension took part in", async () => {
    const page = await signedOutPage();
    await page.goto(server.url);
    await page.getByLabel("Username").fill("agent");
    await page.getByLabel("Password", { exact: true }).fill(server.supervisor.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await callRows(page).first().waitFor();
    const asAgent = callListEnvelopeSchema.parse(
      await (await page.request.get(`${server.url}/api/call_transaction/list?size=1`)).json(),
    ).payload.total_items;
    const session = await (await page.request.get(`${server.url}/api/session`)).json();
    expect(session.payload.user.role).toBe("agent");
    expect(asAgent).toBeGreaterThan(0);
    expect(asAgent).toBeLessThan(3000);
    await page.context().close();
  });
});
