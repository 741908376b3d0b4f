import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectNoAxeViolations } from "./support/axe.ts";
import { launchChromium } from "./support/browser.ts";
import { startTestServer } from "./support/haven-server.ts";

let server: Awaited<ReturnType<typeof startTestServer>>;
let browser: Browser;

beforeAll(async () => {
  server = await startTestServer();
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe("booking in a real browser", () => {
  it("uses the browser's own zone, moves between weeks without a new page, and books", async () => {
    const context = await browser.newContext({ timezoneId: "Australia/Sydney" });
    const page = await context.newPage();
    try {
      await page.goto(`${server.baseUrl}/book`);
      await expectNoAxeViolations(page);
      await page.check("#kind-couple");
      await Promise.all([page.waitForURL(/zone=Australia%2FSydney/), page.click("text=See the times")]);
      expect(await page.inputValue("#zone")).toBe("Australia/Sydney");
      await expectNoAxeViolations(page);

      // A marker on the window survives only if no new page loads.
      await page.evaluate(() => Object.assign(window, { stillHere: true }));
      await page.locator("[data-week]:not([hidden]) >> text=Later times →").click();
      expect(page.url()).toContain("week=1");
      expect(await page.evaluate(() => (window as unknown as { stillHere?: boolean }).stillHere)).toBe(true);
      expect(await page.locator('[data-week="1"]').isVisible()).toBe(true);
      expect(await page.locator('[data-week="0"]').isVisible()).toBe(false);

      await page.locator("[data-week]:not([hidden]) .time-choice").first().click();
      await page.waitForURL(/\/book\/details/);
      await expectNoAxeViolations(page);
      await page.fill("#field-name", "Bea");
      await page.fill("#field-email", "bea@example.org");
      await page.check("#field-leaveMessage-no");
      await page.check("#field-meeting-video");
      await page.check("#field-adult-yes");
      await page.check("#field-privacy-yes");
      await Promise.all([page.waitForURL(/\/book\/manage\//), page.click("text=Book the consultation")]);
      expect(await page.textContent("main")).toContain("Your consultation is booked");
      expect(await page.textContent("main")).toMatch(/Sydney time/);
      await expectNoAxeViolations(page);
    } finally {
      await context.close();
    }
  });

  it("works without JavaScript: the practice's zone, week pages and the form", async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    try {
      await page.goto(`${server.baseUrl}/book?kind=individual`);
      expect(page.url()).not.toContain("zone=");
      expect(await page.inputValue("#zone")).toBe("Europe/London");
      await page.locator("[data-week]:not([hidden]) >> text=Later times →").click();
      await page.waitForURL(/week=1/);
      expect(await page.locator("[data-week]:not([hidden])").getAttribute("data-week")).toBe("1");
    } finally {
      await context.close();
    }
  });
});
