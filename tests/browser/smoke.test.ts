import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callListEnvelopeSchema } from "@/contract/call.ts";
import { formatPhoneNumber } from "@/lib/format.ts";
import { callRows } from "./support/call-rows.ts";
import { launchChromium } from "./support/chromium.ts";
import { type RunningServer, startDashboardServer } from "./support/dashboard-server.ts";
import { signedInFetch, signedInPage } from "./support/sign-in.ts";

let server: RunningServer;
let api: Awaited<ReturnType<typeof signedInFetch>>;
let browser: Browser;

beforeAll(async () => {
  [server, browser] = await Promise.all([
    // Enough calls that the built server seeds them in its worker thread (seed-demo-calls.ts).
    startDashboardServer({ seedCalls: 20_000 }),
    launchChromium(),
  ]);
  api = await signedInFetch(server);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe("the dashboard in Chromium against the real server", () => {
  it("loads and shows the newest calls from the store", async () => {
    const response = await api(`/api/call_transaction/list?size=1`);
    const envelope = callListEnvelopeSchema.parse(await response.json());
    expect(envelope.payload.total_items).toBe(20_000);
    const newest = envelope.payload.items[0];
    expect(newest).toBeDefined();

    const page = await signedInPage(browser, server, { locale: "vi-VN" });
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(error.message));
    // The Content-Security-Policy must not block anything the app itself does.
    page.on("console", (message) => {
      if (/Content Security Policy/i.test(message.text())) errors.push(message.text());
    });
    await page.goto(server.url);
    const bodyRows = callRows(page);
    await expect.poll(() => bodyRows.count()).toBeGreaterThan(10);
    const firstRow = await bodyRows.first().innerText();
    expect(firstRow.replace(/\s+/g, " ")).toContain(formatPhoneNumber(newest!.phone_number));
    expect(errors).toEqual([]);
    await page.close();
  });
});
