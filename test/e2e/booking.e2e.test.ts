import { describe, expect, it } from "vitest";
import { expectNoAxeViolations } from "./support/axe.ts";
import { browsersForFile } from "./support/browsers.ts";

const browsers = browsersForFile();

describe("booking in a real browser", () => {
  it("uses the browser's own zone, moves between weeks without a new page, and books", async () => {
    const context = await browsers.browser.newContext({ timezoneId: "Australia/Sydney" });
    const page = await context.newPage();
    try {
      await page.goto(`${browsers.baseUrl}/book`);
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

  it("on a 360 px phone, cancels a couple's consultation after a confirming step, with a reason", async () => {
    const context = await browsers.browser.newContext({
      timezoneId: "Australia/Sydney",
      viewport: { width: 360, height: 780 },
    });
    const page = await context.newPage();
    const fitsTheWidth = () =>
      page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth);
    try {
      await page.goto(`${browsers.baseUrl}/book?kind=couple&zone=Australia%2FSydney`);
      await page.locator("[data-week]:not([hidden]) >> text=Later times →").click();
      await page.locator("[data-week]:not([hidden]) .time-choice").first().click();
      await page.waitForURL(/\/book\/details/);
      await page.fill("#field-name", "Cy");
      await page.fill("#field-email", "cy@example.org");
      await page.check("#field-leaveMessage-no");
      await page.check("#field-meeting-video");
      await page.check("#field-adult-yes");
      await page.check("#field-privacy-yes");
      await Promise.all([page.waitForURL(/\/book\/manage\//), page.click("text=Book the consultation")]);
      const main = async () => (await page.textContent("main")) ?? "";
      expect(await main()).toContain("Coming as a couple");
      expect(await main()).toContain("Your partner joins the same call");
      expect(await page.locator("main a", { hasText: "https://" }).count()).toBe(1);
      expect(await fitsTheWidth()).toBe(true);
      await expectNoAxeViolations(page);

      await Promise.all([page.waitForURL(/\/cancel$/), page.click("text=Cancel the consultation")]);
      expect(await main()).toContain("the time is let go at once");
      expect(await fitsTheWidth()).toBe(true);
      await expectNoAxeViolations(page);

      // Over the limit: the words stay in the field and the problem is beside it; nothing is cancelled.
      const long = `We found a counsellor nearer home. ${"Thank you. ".repeat(100)}`;
      await page.fill("#field-reason", long);
      await Promise.all([page.waitForLoadState("load"), page.click("text=Yes, cancel the consultation")]);
      await page.waitForSelector("#field-reason-error");
      expect(await page.inputValue("#field-reason")).toBe(long);
      expect(await page.getAttribute("#field-reason", "aria-describedby")).toContain("field-reason-error");
      await expectNoAxeViolations(page);

      await page.fill("#field-reason", "We found a counsellor nearer home. Thank you.");
      await Promise.all([
        page.waitForURL(/notice=cancelled/),
        page.click("text=Yes, cancel the consultation"),
      ]);
      expect(await main()).toContain("Your consultation is cancelled.");
      expect(await main()).not.toContain("Coming as a couple");
      expect(await fitsTheWidth()).toBe(true);
      await expectNoAxeViolations(page);
    } finally {
      await context.close();
    }
  });

  it("works without JavaScript: the practice's zone, week pages and the form", async () => {
    const context = await browsers.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    try {
      await page.goto(`${browsers.baseUrl}/book?kind=individual`);
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
