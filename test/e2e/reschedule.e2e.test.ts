import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { totpCodeAt } from "../../src/features/accounts/second-factor/totp.ts";
import { expectNoAxeViolations } from "./support/axe.ts";
import { browsersForFile } from "./support/browsers.ts";

// A visitor in Sydney books, moves the consultation on the same times page as booking (record 065) and then
// cancels it, on a 360 px phone and on a desktop, each page checked with axe. Tess's cut-off is the longest
// a practice may set (14 days), so every time booked here is inside it: the move is allowed by the grace
// window after booking (record 062), and the cancellation by the rule that a visitor can always cancel.

const browsers = browsersForFile();
const { url } = browsers;

/** The therapist's own set-up: hours every day, no minimum notice, and the longest cut-off. */
async function setUpTess(page: Page) {
  await page.goto(url(browsers.server.setupPath as string));
  await page.fill("#field-displayName", "Tess Teak");
  await page.fill("#field-email", "tess@example.org");
  await page.fill("#field-password", "a long quiet morning by the sea");
  await Promise.all([page.waitForURL("**/account/two-step"), page.click("main button[type=submit]")]);
  const key = ((await page.textContent(".secret-key")) ?? "").replace(/\s/g, "");
  await page.fill("#field-code", totpCodeAt(key, new Date()));
  await page.click("main button[type=submit]");
  await page.waitForSelector(".recovery-codes");
  await Promise.all([page.waitForURL("**/practice"), page.click("text=continue")]);
  await page.goto(url("/practice/booking"));
  for (let day = 1; day <= 7; day++) await page.fill(`#field-hours${day}`, "8-20");
  await page.fill("#field-minimumNoticeHours", "0");
  await page.fill("#field-cancellationCutoffHours", "336");
  await Promise.all([page.waitForURL("**/practice/booking?**"), page.click("main button[type=submit]")]);
}

const viewports = [
  { name: "a 360 px phone", viewport: { width: 360, height: 780 }, email: "cy@example.org" },
  { name: "a desktop", viewport: { width: 1280, height: 900 }, email: "di@example.org" },
];

describe("a visitor in Sydney books, moves and cancels", () => {
  it("once Tess has set her hours and the longest cut-off", async () => {
    const context = await browsers.browser.newContext({ timezoneId: "Europe/London" });
    try {
      await setUpTess(await context.newPage());
    } finally {
      await context.close();
    }
  });

  it.each(viewports)("on $name", async ({ viewport, email }) => {
    const context = await browsers.browser.newContext({ timezoneId: "Australia/Sydney", viewport });
    const page = await context.newPage();
    const main = async () => (await page.textContent("main")) ?? "";
    const fitsTheWidth = () =>
      page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth);
    try {
      // Books Tess next week, in the zone the browser reports.
      await page.goto(url("/book?kind=individual"));
      await page.waitForURL(/zone=Australia%2FSydney/);
      await Promise.all([page.waitForURL(/with=/), page.click("nav >> text=Tess Teak")]);
      await page.locator("[data-week]:not([hidden]) >> text=Later times →").click();
      await page.locator("[data-week]:not([hidden]) .time-choice").first().click();
      await page.waitForURL(/\/book\/details/);
      await page.fill("#field-name", "Cy Cedar");
      await page.fill("#field-email", email);
      await page.check("#field-leaveMessage-no");
      await page.check("#field-meeting-video");
      await page.check("#field-adult-yes");
      await page.check("#field-privacy-yes");
      await Promise.all([page.waitForURL(/\/book\/manage\//), page.click("main button[type=submit]")]);
      expect(await main()).toContain("Your consultation is booked");
      expect(await main()).toContain("You booked this only a few minutes ago");
      const manage = page.url().replace(/\?.*$/, "");
      const booked = await page.locator("main strong").first().textContent();

      // Moving: the same times page, its week view and zone choice, with the current time marked.
      await Promise.all([page.waitForURL(/\/reschedule/), page.click("main >> text=Choose another time")]);
      expect(await page.textContent("h1")).toBe("Choose another time");
      expect(await page.inputValue("#zone")).toBe("Australia/Sydney");
      expect(await page.locator("main input[type=radio]").count()).toBe(0);
      const shown = page.locator("[data-week]:not([hidden])");
      expect(await shown.locator(".time-choice--current").textContent()).toContain("your current time");
      expect(await main()).toContain(`Your current time: ${booked}`);
      expect(await shown.locator(".week-nav a").count()).toBeGreaterThan(0);
      expect(await fitsTheWidth()).toBe(true);
      await expectNoAxeViolations(page);

      // A time of the same week, then the step that confirms it.
      const choice = shown.locator("a.time-choice").nth(2);
      const chosenClock = ((await choice.textContent()) ?? "").slice(0, 5);
      await Promise.all([page.waitForURL(/\/reschedule\/confirm\?/), choice.click()]);
      expect(await page.textContent("h1")).toBe("Move your consultation");
      expect(await main()).toContain(`Your current time: ${booked}`);
      expect(await main()).toContain(`The new time:`);
      expect(await page.locator("main strong").first().textContent()).toContain(chosenClock);
      expect(await fitsTheWidth()).toBe(true);
      await expectNoAxeViolations(page);
      await Promise.all([page.waitForURL(/notice=moved/), page.click("main button[type=submit]")]);
      expect(await main()).toContain("Your consultation has moved to the new time.");
      expect(await main()).toContain(chosenClock);
      expect(await main()).toMatch(/Sydney time/);
      await expectNoAxeViolations(page);

      // Cancelling inside the cut-off: the confirming step, and a reason only the practice reads.
      await Promise.all([page.waitForURL(/\/cancel$/), page.click("main >> text=Cancel the consultation")]);
      expect(await main()).toContain("the time is let go at once");
      expect(await fitsTheWidth()).toBe(true);
      await expectNoAxeViolations(page);
      await page.fill("#field-reason", "Work moved my week around. Thank you.");
      await Promise.all([page.waitForURL(/notice=cancelled/), page.click("main button[type=submit]")]);
      expect(page.url()).toContain(manage);
      expect(await main()).toContain("Your consultation is cancelled.");
      expect(await fitsTheWidth()).toBe(true);
      await expectNoAxeViolations(page);
    } finally {
      await context.close();
    }
  });
});
