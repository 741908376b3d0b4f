import { AxeBuilder } from "@axe-core/playwright";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { tabTo } from "./support/browser.ts";
import { browsersForFile, type ContextOptions } from "./support/browsers.ts";

const browsers = browsersForFile();

const pages = [
  "/",
  "/articles",
  "/articles/the-three-cycles",
  "/articles/how-couples-repair-an-attachment-injury",
  "/no-such-page",
  "/help-now",
  "/privacy",
  "/accessibility",
  "/book",
  "/sign-in",
];

// A fixed zone: with JavaScript, help-now follows the browser's zone (tested in help-now.e2e.test.ts),
// and these tests expect the practice's own country there.
const withPage = <T>(options: ContextOptions, use: (page: Page) => Promise<T>) =>
  browsers.withPage({ timezoneId: "Europe/London", ...options }, use);

describe("the public site in a real browser", () => {
  it("can be walked with the keyboard alone: home → article → next → related → booking", async () => {
    await withPage({}, async (page) => {
      await page.goto(`${browsers.baseUrl}/`);
      await page.keyboard.press("Tab");
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Skip to content");

      await tabTo(page, (el) => el.textContent === "What is an attachment injury?");
      await Promise.all([
        page.waitForURL("**/articles/what-is-an-attachment-injury"),
        page.keyboard.press("Enter"),
      ]);

      await tabTo(page, (el) => el.getAttribute("rel") === "next");
      await Promise.all([page.waitForURL("**/articles/the-three-cycles"), page.keyboard.press("Enter")]);

      await tabTo(page, (el) => Boolean(el.closest(".related")) && el.tagName === "A");
      const relatedHref = await page.evaluate(() => document.activeElement?.getAttribute("href"));
      expect(relatedHref).toMatch(/^\/articles\/(?!the-three-cycles$)/);
      await Promise.all([page.waitForURL(`**${relatedHref}`), page.keyboard.press("Enter")]);

      await tabTo(page, (el) => Boolean(el.closest(".booking-cta")) && el.tagName === "A");
      await Promise.all([page.waitForURL("**/book"), page.keyboard.press("Enter")]);
      await expect(page.locator("h1").textContent()).resolves.toBe("Book a free consultation");
    });
  });

  it("shows another country's help lines from the picker, without JavaScript too", async () => {
    for (const javaScriptEnabled of [true, false]) {
      await withPage({ javaScriptEnabled }, async (page) => {
        await page.goto(`${browsers.baseUrl}/help-now`);
        await expect(page.locator(".help-country h2").textContent()).resolves.toBe("United Kingdom");
        await page.selectOption("#country", "AU");
        await page.focus("#country");
        await page.keyboard.press("Tab"); // to the "Show these numbers" button
        await Promise.all([page.waitForURL("**/help-now?country=AU"), page.keyboard.press("Enter")]);
        await expect(page.locator(".help-country h2").textContent()).resolves.toBe("Australia");
        await expect(page.locator(".help-country").textContent()).resolves.toContain("13 11 14");
      });
    }
  });

  for (const colorScheme of ["light", "dark"] as const) {
    it(`has no axe-core violations in ${colorScheme} mode`, async () => {
      await withPage({ colorScheme }, async (page) => {
        for (const path of pages) {
          await page.goto(`${browsers.baseUrl}${path}`);
          const results = await new AxeBuilder({ page }).analyze();
          const summary = results.violations.map(
            (v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`,
          );
          expect(summary, `${path} (${colorScheme})`).toEqual([]);
        }
      });
    });
  }

  it("never scrolls sideways at 320 px wide", async () => {
    await withPage({ viewport: { width: 320, height: 640 } }, async (page) => {
      for (const path of pages) {
        await page.goto(`${browsers.baseUrl}${path}`);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        expect(overflow, path).toBeLessThanOrEqual(0);
      }
    });
  });

  it("makes no request to any other site and hits no CSP violation", async () => {
    await withPage({}, async (page) => {
      const requests: string[] = [];
      const problems: string[] = [];
      page.on("request", (request) => requests.push(request.url()));
      page.on("console", (message) => {
        if (message.type() === "error") problems.push(message.text());
      });
      for (const path of pages) await page.goto(`${browsers.baseUrl}${path}`);
      const foreign = requests.filter((url) => !url.startsWith(browsers.baseUrl) && !url.startsWith("data:"));
      expect(foreign).toEqual([]);
      expect(problems.filter((text) => /Content Security Policy/i.test(text))).toEqual([]);
    });
  });
});
