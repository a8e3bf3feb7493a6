/**
 * The calls table in Chromium against the real server and a real SQLite file of demo calls:
 * what a supervisor does with filters, links and exports.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Browser, BrowserContextOptions, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callListEnvelopeSchema } from "@/contract/call.ts";
import { callRows } from "./support/call-rows.ts";
import { launchChromium } from "./support/chromium.ts";
import { type RunningServer, startDashboardServer } from "./support/dashboard-server.ts";
import { signedInFetch, signedInPage } from "./support/sign-in.ts";

const axeSource = createRequire(import.meta.url).resolve("axe-core/axe.min.js");

let server: RunningServer;
let api: Awaited<ReturnType<typeof signedInFetch>>;
let browser: Browser;

beforeAll(async () => {
  [server, browser] = await Promise.all([
    startDashboardServer({ seedCalls: 20_000 }),
    launchChromium(),
  ]);
  api = await signedInFetch(server);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function openDashboard(path = "/", options: BrowserContextOptions = {}): Promise<Page> {
  const page = await signedInPage(browser, server, {
    locale: "en-US",
    timezoneId: "Asia/Ho_Chi_Minh",
    viewport: { width: 1440, height: 900 },
    acceptDownloads: true,
    ...options,
  });
  await page.goto(`${server.url}${path}`);
  await callRows(page).first().waitFor();
  return page;
}

/** Each body row's cells by column header, as the supervisor reads them. */
async function visibleRows(page: Page): Promise<Record<string, string>[]> {
  return page.getByRole("table").evaluate((table) => {
    const headers = [...table.querySelectorAll("thead th")].map((cell) =>
      (cell as HTMLElement).innerText.trim(),
    );
    return [...table.querySelectorAll("tbody tr:not([aria-hidden])")].map((row) =>
      Object.fromEntries(
        [...row.querySelectorAll("td, th")].map((cell, index) => [
          headers[index] ?? String(index),
          (cell as HTMLElement).innerText.trim(),
        ]),
      ),
    );
  });
}

/** Yesterday in Asia/Ho_Chi_Minh (UTC+7, no daylight saving), as epoch ms bounds and "dd/mm". */
function yesterdayInHoChiMinh() {
  const offset = 7 * 3600_000;
  const startOfToday = Math.floor((Date.now() + offset) / 86_400_000) * 86_400_000 - offset;
  const from = startOfToday - 86_400_000;
  const local = new Date(from + offset);
  const dayMonth = `${String(local.getUTCDate()).padStart(2, "0")}/${String(local.getUTCMonth() + 1).padStart(2, "0")}`;
  return { from, to: startOfToday - 1, dayMonth };
}

async function chooseInMenu(page: Page, menu: RegExp, option: string) {
  await page.getByRole("button", { name: menu }).click();
  await page.getByRole("checkbox", { name: option, exact: true }).check();
  await page.keyboard.press("Escape");
}

async function filterToInboundMissedYesterday(page: Page) {
  await page.getByRole("button", { name: /^Date range/ }).click();
  await page.getByRole("button", { name: "Yesterday", exact: true }).click();
  await chooseInMenu(page, /^Direction/, "Inbound");
  await chooseInMenu(page, /^Outcome/, "Missed");
  await page.waitForURL(/status=missed/);
  await page.waitForURL(/direction=inbound/);
}

async function shownTotal(page: Page): Promise<number> {
  const text = await page
    .getByText(/^[\d,.]+ calls?$/)
    .first()
    .innerText();
  return Number(text.replace(/\D/g, ""));
}

describe("the calls table", () => {
  it("filters to inbound missed calls of yesterday, and every row shown matches", async () => {
    const page = await openDashboard();
    await filterToInboundMissedYesterday(page);
    const { from, to, dayMonth } = yesterdayInHoChiMinh();
    const expected = callListEnvelopeSchema.parse(
      await (
        await api(
          `/api/call_transaction/list?direction=inbound&status=missed&from_date=${from}&to_date=${to}&size=500`,
        )
      ).json(),
    );
    expect(expected.payload.total_items).toBeGreaterThan(0);
    await expect.poll(() => shownTotal(page)).toBe(expected.payload.total_items);
    const rows = await visibleRows(page);
    expect(rows.length).toBe(Math.min(expected.payload.total_items, 50));
    for (const row of rows) {
      expect(row.Direction).toContain("Inbound");
      expect(row.Outcome).toContain("Missed");
      expect(row.Started).toContain(dayMonth);
    }
    await page.close();
  });

  it("reproduces exactly the same rows from a copied link", async () => {
    const page = await openDashboard();
    await filterToInboundMissedYesterday(page);
    await page
      .getByRole("button", { name: /^Sort by Duration|^Duration/ })
      .first()
      .click();
    await page.waitForURL(/sort=/);
    const rows = await visibleRows(page);
    const link = page.url();
    const copy = await openDashboard(new URL(link).pathname + new URL(link).search);
    await expect.poll(() => visibleRows(copy)).toEqual(rows);
    await page.close();
    await copy.close();
  });

  it("exports the whole filtered result, not only the page, as CSV", async () => {
    const page = await openDashboard("/?direction=inbound&status=answered");
    const total = await shownTotal(page);
    expect(total).toBeGreaterThan(50);
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page
        .getByRole("link", { name: /Export CSV/ })
        .or(page.getByRole("button", { name: /Export CSV/ }))
        .first()
        .click(),
    ]);
    const csv = readFileSync((await download.path())!, "utf8");
    expect(csv.startsWith("\uFEFF")).toBe(true);
    const records = csv
      .split("\r\n")
      .filter((line) => /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2},/.test(line));
    expect(records).toHaveLength(total);
    await page.close();
  });

  it("shows a 500-row page a screen at a time, to its last row, and j brings back the first", async () => {
    const page = await openDashboard("/?size=500&range=all");
    const table = page.getByRole("table");
    await expect.poll(() => table.getAttribute("aria-rowcount")).toBe("501");
    expect(await table.locator("tbody tr[data-row-id]").count()).toBeLessThan(100);

    await table.evaluate((element) => {
      const scroller = element.parentElement!;
      scroller.scrollTop = scroller.scrollHeight;
    });
    const last = table.locator('tbody tr[aria-rowindex="501"]');
    await last.waitFor();
    const [header, lastRow] = await Promise.all([
      table.locator("thead th").first().boundingBox(),
      last.boundingBox(),
    ]);
    const scrollerBox = await table.evaluate((element) => {
      const { top, bottom } = element.parentElement!.getBoundingClientRect();
      return { top, bottom };
    });
    // The sticky header stays on top; the last row sits at the bottom, at the compact height.
    expect(header!.y).toBeCloseTo(scrollerBox.top, 0);
    expect(lastRow!.height).toBeCloseTo(27, 0);
    expect(lastRow!.y + lastRow!.height).toBeLessThanOrEqual(scrollerBox.bottom + 1);

    await page.keyboard.press("j");
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute("aria-rowindex")))
      .toBe("2");
    await page.close();
  });

  it("has no serious or critical accessibility violations (axe-core)", async () => {
    // Our CSP refuses injected scripts, axe's included: only this test's context lifts it.
    const page = await openDashboard("/", { bypassCSP: true });
    await page.addScriptTag({ path: axeSource });
    const { violations, rulesPassed } = await page.evaluate(async () => {
      const axe = (
        window as unknown as {
          axe: {
            run: () => Promise<{
              violations: { id: string; impact: string | null; nodes: unknown[] }[];
              passes: unknown[];
            }>;
          };
        }
      ).axe;
      const result = await axe.run();
      return {
        violations: result.violations.map(({ id, impact, nodes }) => ({
          id,
          impact,
          count: nodes.length,
        })),
        rulesPassed: result.passes.length,
      };
    });
    // axe really looked at the page (the table, the filters, the pager).
    expect(rulesPassed).toBeGreaterThan(10);
    expect(
      violations.filter(
        (violation) => violation.impact === "serious" || violation.impact === "critical",
      ),
    ).toEqual([]);
    await page.close();
  });
});
