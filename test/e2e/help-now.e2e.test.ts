import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { expectNoAxeViolations } from "./support/axe.ts";
import { browsersForFile } from "./support/browsers.ts";

const browsers = browsersForFile();
const { withPage } = browsers;

/** history.length after opening /help-now in a browser whose zone is the practice's (nothing replaced). */
const historyLengthWithoutReplacing = () =>
  withPage({ timezoneId: "Europe/London" }, async (page) => {
    await page.goto(`${browsers.baseUrl}/help-now`);
    await expect(shownCountry(page)).resolves.toBe("United Kingdom");
    return page.evaluate(() => window.history.length);
  });

const shownCountry = (page: Page) => page.locator(".help-country h2").textContent();
const footerNote = (page: Page) => page.locator(".site-footer .crisis-note").textContent();

describe("help now, for where the person is", () => {
  it("shows Australia's lines and 000 to a browser in Sydney, replacing the page rather than adding to history", async () => {
    await withPage({ timezoneId: "Australia/Sydney" }, async (page) => {
      await page.goto(`${browsers.baseUrl}/help-now`);
      await page.waitForURL("**/help-now?country=AU");
      await expect(shownCountry(page)).resolves.toBe("Australia");
      await expect(page.locator("p.emergency").textContent()).resolves.toBe(
        "If you are in danger now, call 000.",
      );
      await expect(page.locator(".help-country").textContent()).resolves.toContain("13 11 14");
      await expect(page.locator("#country").inputValue()).resolves.toBe("AU");
      await expect(footerNote(page)).resolves.toContain("call 000 (Australia)");
      // As many entries as for a page that was never replaced: Back does not return to the UK numbers.
      expect(await page.evaluate(() => window.history.length)).toBe(await historyLengthWithoutReplacing());
    });
  });

  it("keeps a country chosen in the picker, and the practice's country where the zone agrees", async () => {
    await withPage({ timezoneId: "Australia/Sydney" }, async (page) => {
      await page.goto(`${browsers.baseUrl}/help-now?country=GB`);
      await expect(shownCountry(page)).resolves.toBe("United Kingdom");
      expect(page.url()).toBe(`${browsers.baseUrl}/help-now?country=GB`);
    });
    await withPage({ timezoneId: "Europe/London" }, async (page) => {
      await page.goto(`${browsers.baseUrl}/help-now`);
      await expect(shownCountry(page)).resolves.toBe("United Kingdom");
      expect(page.url()).toBe(`${browsers.baseUrl}/help-now`);
    });
  });

  it("shows the practice's country without JavaScript, wherever the browser is", async () => {
    await withPage({ timezoneId: "Australia/Sydney", javaScriptEnabled: false }, async (page) => {
      await page.goto(`${browsers.baseUrl}/help-now`);
      await expect(shownCountry(page)).resolves.toBe("United Kingdom");
      await expect(footerNote(page)).resolves.toContain("call 999 (United Kingdom)");
    });
  });

  it("gives a browser in a country the practice does not list its emergency number, and says so", async () => {
    await withPage({ timezoneId: "Europe/Madrid" }, async (page) => {
      await page.goto(`${browsers.baseUrl}/help-now`);
      await page.waitForURL("**/help-now?country=ES");
      await expect(shownCountry(page)).resolves.toBe("Spain");
      await expect(page.locator(".help-country").textContent()).resolves.toContain(
        "has not listed help lines for Spain",
      );
      await expect(page.locator("p.emergency").textContent()).resolves.toBe(
        "If you are in danger now, call 112 (Spain).",
      );
    });
  });

  for (const viewport of [
    { width: 360, height: 740 },
    { width: 1280, height: 800 },
  ]) {
    it(`has no axe-core violations at ${viewport.width} px wide, for a listed country and another`, async () => {
      await withPage({ timezoneId: "Australia/Sydney", viewport }, async (page) => {
        await page.goto(`${browsers.baseUrl}/help-now`);
        await page.waitForURL("**/help-now?country=AU");
        await expectNoAxeViolations(page);
        expect(
          await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
        ).toBeLessThanOrEqual(0);
        await page.goto(`${browsers.baseUrl}/help-now?country=ES`);
        await expectNoAxeViolations(page);
      });
    });
  }
});
