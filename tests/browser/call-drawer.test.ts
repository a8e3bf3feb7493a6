/**
 * The call drawer in Chromium against the real server: a transferred call opened from the table,
 * its recording played and sought from the leg timeline, and a deep link into a recording.
 */
import type { Browser, Page } from "playwright-core";
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
    startDashboardServer({ seedCalls: 8000 }),
    launchChromium(),
  ]);
  api = await signedInFetch(server);
});

afterAll(async () => {
  expect(cspViolations).toEqual([]);
  await browser?.close();
  await server?.stop();
});

async function newPage(path: string): Promise<Page> {
  const page = await signedInPage(browser, server, {
    locale: "en-US",
    timezoneId: "Asia/Ho_Chi_Minh",
    viewport: { width: 1440, height: 900 },
  });
  // The player and the chart set styles at run time: the CSP must let them, and block nothing.
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) cspViolations.push(message.text());
  });
  await page.goto(`${server.url}${path}`);
  return page;
}

const cspViolations: string[] = [];

function drawerAudioTime(page: Page): Promise<number> {
  return page
    .getByRole("dialog")
    .locator("audio")
    .evaluate((audio) => (audio as HTMLAudioElement).currentTime);
}

/** "1:05" → 65 */
function seconds(clock: string): number {
  return clock.split(":").reduce((total, part) => total * 60 + Number(part), 0);
}

describe("the call drawer", () => {
  it("opens a transferred call from the table, plays it, and seeks from a talk segment", async () => {
    const query = "transferred=true&has_recording=true&status=answered&range=all";
    const response = await api(
      `/api/call_transaction/list?transferred=true&has_recording=true&status=answered&size=1`,
    );
    const newest = callListEnvelopeSchema.parse(await response.json()).payload.items[0]!;
    const page = await newPage(`/?${query}`);
    const firstRow = callRows(page).first();
    await firstRow.waitFor();
    await firstRow.click();

    const drawer = page.getByRole("dialog");
    await drawer.waitFor();
    await page.waitForURL(new RegExp(`call=${newest.transaction_id}`));
    await expect.poll(() => drawer.innerText()).toContain(formatPhoneNumber(newest.phone_number));

    await drawer.getByRole("button", { name: "Play", exact: true }).click();
    await expect.poll(() => drawerAudioTime(page), { timeout: 15_000 }).toBeGreaterThan(0.3);
    await drawer.getByRole("button", { name: "Pause", exact: true }).click();

    // The talk segments of the agents who answered: clicking one seeks the recording there.
    const talk = drawer.getByRole("button", { name: /^Play the talk with/ }).last();
    const name = (await talk.getAttribute("aria-label")) ?? "";
    const [, from, length] = /from (\d+:\d{2}) \((\d+:\d{2})\)/.exec(name) ?? [];
    expect(from, name).toBeDefined();
    await talk.click();
    // Playwright clicks the middle of the segment, which is where the recording should be.
    const expected = seconds(from!) + seconds(length!) / 2;
    await expect
      .poll(() => drawerAudioTime(page), { timeout: 10_000 })
      .toBeGreaterThan(expected - 2);
    expect(await drawerAudioTime(page)).toBeLessThan(expected + 4);
    await page.close();
  });

  it("starts the recording where a deep link's t= says", async () => {
    const response = await api(
      `/api/call_transaction/list?has_recording=true&min_duration=200&size=1`,
    );
    const long = callListEnvelopeSchema.parse(await response.json()).payload.items[0]!;
    expect(long.record_seconds).toBeGreaterThan(100);
    const page = await newPage(`/?call=${long.transaction_id}&t=93`);
    await page.getByRole("dialog").waitFor();
    await expect.poll(() => drawerAudioTime(page), { timeout: 15_000 }).toBeCloseTo(93, 0);
    await page.close();
  });

  it("closes with Escape and keeps the table usable", async () => {
    const page = await newPage("/");
    await callRows(page).first().click();
    await page.getByRole("dialog").waitFor();
    await page.keyboard.press("Escape");
    await expect.poll(() => page.getByRole("dialog").count()).toBe(0);
    expect(new URL(page.url()).searchParams.has("call")).toBe(false);
    await page.close();
  });
});
