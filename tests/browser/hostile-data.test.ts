/**
 * Names, notes and tags are whatever the vendor (or a customer typing into an IVR form) sent:
 * markup in them must show as text in the table and the drawer, and never run. The call is
 * written into the real store beside the server, as the connector would.
 */
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_TENANT_ID } from "../../server/seed/demo-tenant.ts";
import { upsertFilterValues, writeCalls } from "../../server/store/call-writer.ts";
import { openStore } from "../../server/store/open-store.ts";
import { buildCall } from "../../server/test/call-builder.ts";
import { callRows } from "./support/call-rows.ts";
import { launchChromium } from "./support/chromium.ts";
import { type RunningServer, startDashboardServer } from "./support/dashboard-server.ts";
import { signedInPage } from "./support/sign-in.ts";

const NAME = `<img src=x onerror="window.__pwned='name'">Trần <b>Bảo</b>`;
const NOTE = `<script>window.__pwned='note'</script>Khách hẹn gọi lại`;
const TAG_LABEL = `<svg onload="window.__pwned='tag'">VIP`;
const PHONE = "0912000777";

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  [server, browser] = await Promise.all([
    startDashboardServer({ seedCalls: 1000 }),
    launchChromium(),
  ]);
  const store = await openStore(server.databasePath);
  try {
    await upsertFilterValues(store.db, [
      { tenant_id: DEMO_TENANT_ID, kind: "tag", value: "tag-hostile", label: TAG_LABEL },
    ]);
    await writeCalls(store.db, [
      {
        call: buildCall({
          transaction_id: "hostile-call",
          tenant_id: DEMO_TENANT_ID,
          time_start_call: Math.floor(Date.now() / 1000) - 60,
          phone_number: PHONE,
          customer: { full_name: NAME, full_name_unsigned: "tran bao" },
          note: NOTE,
          tag: ["tag-hostile"],
          recording_file_url: "javascript:window.__pwned='recording'",
        }),
        legs: [],
      },
    ]);
  } finally {
    await store.close();
  }
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe("untrusted text from the API", () => {
  it("shows markup in names, notes and tags literally, in the table and the drawer", async () => {
    const page = await signedInPage(browser, server, { locale: "en-US" });
    const dialogs: string[] = [];
    page.on("dialog", (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await page.goto(`${server.url}/?keyword=${PHONE}`);
    const row = callRows(page).first();
    await expect.poll(() => row.innerText()).toContain("<b>Bảo</b>");
    // The tag's label comes with the filter options, which may arrive after the rows.
    await expect.poll(() => row.innerText()).toContain("onload");

    await page.goto(`${server.url}/?keyword=${PHONE}&call=hostile-call`);
    const drawer = page.getByRole("dialog");
    await expect.poll(() => drawer.innerText()).toContain("<script>window.__pwned='note'</script>");
    expect(await drawer.innerText()).toContain(NAME);

    // Nothing injected became an element, and nothing ran.
    expect(await page.locator("img[src=x], svg[onload], script:not([src])").count()).toBe(0);
    expect(await page.evaluate(() => (window as { __pwned?: string }).__pwned)).toBeUndefined();
    expect(dialogs).toEqual([]);
    // The recording link of a call is never the vendor's URL (here a javascript: one).
    const links = await page
      .locator("a[href]")
      .evaluateAll((anchors) => anchors.map((anchor) => anchor.getAttribute("href") ?? ""));
    expect(links.filter((href) => /^javascript:/i.test(href))).toEqual([]);
    await page.context().close();
  });
});
