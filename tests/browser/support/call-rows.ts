/**
 * The table's call rows, as a supervisor (and a screen reader) finds them. While the first
 * page loads, the body holds skeleton rows and, on big pages, spacer rows; both are
 * aria-hidden, so a role query skips them where `tbody tr` would count and read them.
 */
import type { Locator, Page } from "playwright-core";

export function callRows(page: Page): Locator {
  return page.getByRole("table").locator("tbody").getByRole("row");
}
