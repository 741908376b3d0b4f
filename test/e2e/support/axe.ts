import { AxeBuilder } from "@axe-core/playwright";
import type { Page } from "playwright-core";
import { expect } from "vitest";

/** axe-core over the page as it is now: every violation named, so a failure says what to fix. */
export async function expectNoAxeViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes[0]?.target}`)).toEqual([]);
}

/**
 * The same check for a page seen with JavaScript turned off, where axe itself cannot run: the page's
 * HTML is put into a scripting page on the same origin (so its styles load) with Haven's own scripts
 * refused, and checked there. What axe sees is what the person without JavaScript sees.
 */
export async function expectNoAxeViolationsWithoutScripts(page: Page): Promise<void> {
  const html = await page.content();
  const origin = new URL(page.url()).origin;
  const browser = page.context().browser();
  if (!browser) throw new Error("the page has no browser to check it in");
  const context = await browser.newContext({ viewport: page.viewportSize() });
  try {
    await context.route(`${origin}/**/*.js`, (route) => route.abort());
    const twin = await context.newPage();
    await twin.goto(`${origin}/robots.txt`);
    await twin.setContent(html, { waitUntil: "load" });
    await expectNoAxeViolations(twin);
  } finally {
    await context.close();
  }
}
