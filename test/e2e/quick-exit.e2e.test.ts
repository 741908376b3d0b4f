import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { expectNoAxeViolations } from "./support/axe.ts";
import { tabTo } from "./support/browser.ts";
import { browsersForFile } from "./support/browsers.ts";

// The quick exit on a phone (DOMAIN.md §4): a compact button in reach at the top, its help in a closed
// <details>, nothing covering the page; at 360 px (a common phone) and 320 px (the narrowest we support).

const browsers = browsersForFile();

function onPhone<T>(width: number, use: (page: Page) => Promise<T>): Promise<T> {
  return browsers.withPage(
    {
      viewport: { width, height: 640 },
      isMobile: true,
      hasTouch: true,
      // The practice's own zone: elsewhere, /help-now would move itself to that country's page (with
      // location.replace) while the test measures it.
      timezoneId: "Europe/London",
    },
    use,
  );
}

/** The booking details page for the first time offered, reached as a visitor would. */
async function openDetailsPage(page: Page): Promise<void> {
  await page.goto(`${browsers.baseUrl}/book?kind=individual`);
  await page.locator("[data-week]:not([hidden]) .time-choice").first().click();
  await page.waitForURL(/\/book\/details/);
}

/** Where the exit and its help are, and how much of the screen they take. */
async function measureExit(page: Page) {
  const viewport = page.viewportSize() ?? { width: 0, height: 0 };
  const button = await page.locator(".quick-exit__button").boundingBox();
  const block = await page.locator(".quick-exit").boundingBox();
  const summary = await page.locator(".quick-exit summary").boundingBox();
  const help = page.locator(".quick-exit details.quick-exit__help");
  return {
    viewport,
    button,
    block,
    summary,
    helpInDetails: (await help.count()) === 1 && (await help.locator("p").textContent())?.includes("history"),
    helpOpen: await help.evaluate((details) => (details as HTMLDetailsElement).open),
    helpVisible: await help.locator("p").isVisible(),
    pageWidth: await page.evaluate(() => document.documentElement.scrollWidth),
    barLetsTapsThrough: await page
      .locator(".quick-exit")
      .evaluate((bar) => getComputedStyle(bar).pointerEvents === "none"),
  };
}

function expectCompactAndInView(m: Awaited<ReturnType<typeof measureExit>>) {
  const { viewport, button, block, summary } = m;
  if (!button || !block || !summary) throw new Error("the quick exit is not on the page");
  // Within the screen, no sideways scrolling.
  expect(button.x).toBeGreaterThanOrEqual(0);
  expect(button.y).toBeGreaterThanOrEqual(0);
  expect(button.x + button.width).toBeLessThanOrEqual(viewport.width);
  expect(button.y + button.height).toBeLessThanOrEqual(viewport.height);
  expect(m.pageWidth).toBeLessThanOrEqual(viewport.width);
  // A touch target of at least 44 px, and small: the whole block (button and its closed help) too.
  expect(button.height).toBeGreaterThanOrEqual(44);
  expect(button.width).toBeGreaterThanOrEqual(44);
  expect(block.height).toBeLessThan(80);
  const area = viewport.width * viewport.height;
  expect(button.width * button.height).toBeLessThan(0.15 * area);
  // The bar spans the column but is see-through and lets taps pass: what covers the page is the
  // button and the help's summary beside it.
  expect(button.width * button.height + summary.width * summary.height).toBeLessThan(0.15 * area);
  expect(m.barLetsTapsThrough).toBe(true);
  // The help waits, closed, in a details element.
  expect(m.helpInDetails).toBe(true);
  expect(m.helpOpen).toBe(false);
  expect(m.helpVisible).toBe(false);
}

describe("the quick exit on a phone", () => {
  for (const width of [360, 320]) {
    it(`is a small button in view on /help-now at ${width} px, still in reach after scrolling, with its help closed`, async () => {
      await onPhone(width, async (page) => {
        await page.goto(`${browsers.baseUrl}/help-now`);
        expectCompactAndInView(await measureExit(page));

        // Scrolled to the foot of the page, the button is still on screen, at the top.
        await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
        const scrolled = await page.locator(".quick-exit__button").boundingBox();
        expect(scrolled?.y).toBeGreaterThanOrEqual(0);
        expect(scrolled?.y).toBeLessThan(60);

        // The help opens on a tap, and closes again.
        await page.locator(".quick-exit summary").click();
        expect(await page.locator(".quick-exit__help p").isVisible()).toBe(true);
        await page.locator(".quick-exit summary").click();
        expect(await page.locator(".quick-exit__help p").isVisible()).toBe(false);
      });
    });

    it(`is a small button in view on the booking details page at ${width} px`, async () => {
      await onPhone(width, async (page) => {
        await openDetailsPage(page);
        expectCompactAndInView(await measureExit(page));
      });
    });
  }

  it("shows a focus ring on the button when reached by keyboard", async () => {
    await onPhone(360, async (page) => {
      await page.goto(`${browsers.baseUrl}/help-now`);
      await tabTo(page, (el) => el.classList.contains("quick-exit__button"));
      const outline = await page
        .locator(".quick-exit__button")
        .evaluate((el) => `${getComputedStyle(el).outlineStyle} ${getComputedStyle(el).outlineWidth}`);
      expect(outline).toBe("solid 3px");
    });
  });

  it("leaves /help-now for the neutral site, replacing the page, when the button is pressed", async () => {
    await onPhone(360, async (page) => {
      await page.route("https://www.bbc.co.uk/**", (route) =>
        route.fulfill({ status: 200, contentType: "text/html", body: "<title>Weather</title>" }),
      );
      await page.goto(`${browsers.baseUrl}/`);
      await page.goto(`${browsers.baseUrl}/help-now`);
      await Promise.all([
        page.waitForURL("https://www.bbc.co.uk/weather"),
        page.click(".quick-exit__button"),
      ]);
      // location.replace: Back skips the page that was left.
      await page.goBack();
      expect(new URL(page.url()).pathname).toBe("/");
    });
  });

  it("finds nothing for axe-core to flag at 360 px on /help-now and on the booking details page", async () => {
    await onPhone(360, async (page) => {
      await page.goto(`${browsers.baseUrl}/help-now`);
      await expectNoAxeViolations(page);
      await page.locator(".quick-exit summary").click();
      await expectNoAxeViolations(page);
      await openDetailsPage(page);
      await expectNoAxeViolations(page);
    });
  });
});
