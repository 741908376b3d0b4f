import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { expectNoAxeViolations, expectNoAxeViolationsWithoutScripts } from "./support/axe.ts";
import { browsersForFile } from "./support/browsers.ts";

const browsers = browsersForFile();
const { withPage } = browsers;

const fitsTheWidth = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth);
const shownWeek = "[data-week]:not([hidden])";

describe("a visitor in Sydney choosing a time with a London therapist", () => {
  for (const viewport of [
    { width: 360, height: 780 },
    { width: 1280, height: 800 },
  ]) {
    it(`sees the middle of their night marked, and the zone chooser grouped and searchable, at ${viewport.width} px`, async () => {
      await withPage({ timezoneId: "Australia/Sydney", viewport }, async (page) => {
        await page.goto(`${browsers.baseUrl}/book?kind=couple`);
        await page.waitForURL(/zone=Australia%2FSydney/);

        // Their own zone first, in a group of its own, with its offset; then the regions.
        expect(await page.inputValue("#zone")).toBe("Australia/Sydney");
        const groups = await page
          .locator("#zone optgroup")
          .evaluateAll((els) => els.map((el) => el.getAttribute("label")));
        expect(groups.slice(0, 5)).toEqual([
          "Your time zone",
          "Europe",
          "Americas",
          "Asia",
          "Australia & Pacific",
        ]);
        expect(await page.locator("#zone option:checked").textContent()).toMatch(
          /^Sydney, Australia \(UTC\+1[01]:00\)$/,
        );

        // The demo therapist works 09:00–17:00 in London, which is 20:00–04:00 in Sydney. On a day with
        // evening times too, the night-time ones wait behind a disclosure, closed.
        const nightTimes = page.locator(`${shownWeek} details.night-times`).first();
        const summary = nightTimes.locator("summary");
        expect(await summary.textContent()).toMatch(/^\d+ more times? at night-time for you \(\d\d:\d\d/);
        const hiddenNight = nightTimes.locator(".time-choice").first();
        expect(await hiddenNight.isVisible()).toBe(false);
        await summary.click();
        expect(await hiddenNight.isVisible()).toBe(true);
        // The mark is words, in the link's own name, not a colour.
        expect(await hiddenNight.textContent()).toContain("night-time for you");
        const named = page.getByRole("link", { name: /^\d\d:\d\d\b.*\bnight-time for you$/ });
        expect(await named.count()).toBeGreaterThan(0);
        // The evening times before it carry no mark.
        const evening = page.locator(
          `${shownWeek} .times-day > .time-list .time-choice:not(.time-choice--night)`,
        );
        expect(await evening.first().textContent()).not.toContain("night-time");
        expect(await fitsTheWidth(page)).toBe(true);
        // Each mark fits inside its time's box.
        const overflowing = await page
          .locator(".time-choice--night")
          .evaluateAll((links) => links.filter((a) => a.scrollWidth > a.clientWidth).length);
        expect(overflowing).toBe(0);
        await expectNoAxeViolations(page);

        // With JavaScript, a search field finds a place by city or country and chooses it in the list;
        // "Show times" still sends the form.
        await page.fill(
          "#zone-search",
          await page.locator('#zone option[value="America/New_York"]').first().innerText(),
        );
        expect(await page.inputValue("#zone")).toBe("America/New_York");
        expect(await fitsTheWidth(page)).toBe(true);
        await expectNoAxeViolations(page);
        await Promise.all([
          page.waitForURL(/zone=America%2FNew_York/),
          page.click("main button[type=submit]"),
        ]);
        expect(await page.locator("#zone option:checked").textContent()).toMatch(
          /^New York, United States \(UTC−0[45]:00\)$/,
        );
      });
    });
  }

  it("chooses a zone without JavaScript, and is told beside the chooser when the address names one we don't know", async () => {
    await withPage({ timezoneId: "Australia/Sydney", javaScriptEnabled: false }, async (page) => {
      await page.goto(`${browsers.baseUrl}/book?kind=individual&zone=Sydney`);
      expect(await page.locator("#zone-error").textContent()).toContain("We don't recognise that time zone");
      expect(await page.locator("#zone").getAttribute("aria-invalid")).toBe("true");
      expect(await page.locator("#zone-search").count()).toBe(0);
      await expectNoAxeViolationsWithoutScripts(page);

      await page.selectOption("#zone", "Australia/Sydney");
      await Promise.all([page.waitForURL(/zone=Australia%2FSydney/), page.click("main button[type=submit]")]);
      expect(await page.locator("#zone-error").count()).toBe(0);
      expect(await page.locator(`${shownWeek} .time-mark`).first().textContent()).toContain(
        "night-time for you",
      );
      await expectNoAxeViolationsWithoutScripts(page);
    });
  });
});
