/**
 * `npm run screenshots`: the README's pictures, taken from the real server and demo data in
 * Debian's Chromium, so they show what a supervisor sees today.
 */
import { mkdirSync } from "node:fs";
import { callListEnvelopeSchema } from "@/contract/call.ts";
import { launchChromium } from "../tests/browser/support/chromium.ts";
import { startDashboardServer } from "../tests/browser/support/dashboard-server.ts";
import { signedInFetch, signedInPage } from "../tests/browser/support/sign-in.ts";

const outputDirectory = "docs/screenshots";
mkdirSync(outputDirectory, { recursive: true });

const server = await startDashboardServer({ seedCalls: 20_000 });
const browser = await launchChromium();
try {
  const viewport = { width: 1440, height: 900 };
  const signedOut = await browser.newPage({ viewport, locale: "vi-VN" });
  await signedOut.goto(server.url);
  await signedOut.getByRole("button").first().waitFor();
  await signedOut.screenshot({ path: `${outputDirectory}/sign-in.png` });

  const page = await signedInPage(browser, server, { viewport, locale: "vi-VN" });
  await page.goto(server.url);
  await page.locator("tbody tr").nth(20).waitFor();
  await page.screenshot({ path: `${outputDirectory}/calls-table.png` });

  // The drawer on a call that rang several agents and was transferred.
  const api = await signedInFetch(server);
  const response = await api(
    "/api/call_transaction/list?transferred=true&has_recording=true&size=20",
  );
  const calls = callListEnvelopeSchema.parse(await response.json()).payload.items;
  const multiLeg = calls.find((call) => call.agents_rung >= 3) ?? calls[0];
  if (multiLeg) {
    await page.goto(`${server.url}/?call=${multiLeg.transaction_id}`);
    await page.getByRole("dialog").waitFor();
    await page.waitForTimeout(1500);
    await page.screenshot({ path: `${outputDirectory}/call-drawer.png` });
  }
  console.log(`screenshots written to ${outputDirectory}/`);
} finally {
  await browser.close();
  await server.stop();
}
