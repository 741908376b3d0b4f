import { describe, expect, it } from "vitest";
import { expectNoAxeViolations, expectNoAxeViolationsWithoutScripts } from "./support/axe.ts";
import { tabTo } from "./support/browser.ts";
import { browsersForFile } from "./support/browsers.ts";

const browsers = browsersForFile();

describe("the self-check in a real browser", () => {
  it("can be done with the keyboard alone, adds no history between steps, and ends in a pre-filled booking", async () => {
    const context = await browsers.browser.newContext();
    const page = await context.newPage();
    try {
      await page.goto(`${browsers.baseUrl}/self-check`);
      await expectNoAxeViolations(page);
      const historyAtStart = await page.evaluate(() => history.length);
      // A radio group takes one Tab; the arrow keys then choose within it, as for any keyboard user.
      await tabTo(page, (el) => el.id === "q-moment-betrayal");
      await page.keyboard.press("ArrowDown");
      expect(await page.isChecked("#q-moment-absence")).toBe(true);
      await tabTo(
        page,
        (el) => el.textContent === "Continue" && !(el.closest("[data-step]") as HTMLElement).hidden,
      );
      await page.keyboard.press("Enter");
      expect(await page.locator('[data-step="now"]').isVisible()).toBe(true);
      for (let i = 0; i < 3; i++) {
        await page.locator("[data-step]:not([hidden]) button").click();
      }
      expect(await page.locator('[data-step="hope"]').isVisible()).toBe(true);
      // Typing capitals uses Shift with other keys: that must never count towards the quick exit.
      await page.locator("#q-hope").pressSequentially("I Am Not Okay At All");
      expect(page.url()).toContain("/self-check");
      await page.fill("#q-hope", "some days I want to die");
      expect(await page.locator("#crisis-panel").isVisible()).toBe(true); // help shows at once, nothing sent
      await page.fill("#q-hope", "to feel close again");
      await page.locator("[data-step]:not([hidden]) button").click();
      expect(await page.evaluate(() => history.length)).toBe(historyAtStart);
      await expectNoAxeViolations(page);
      await Promise.all([page.waitForURL("**/self-check"), page.click("text=See what this may mean")]);
      expect(await page.textContent("h1")).toBe("What this may mean");
      await expectNoAxeViolations(page);
      // Their own words come back to them, and the one primary button carries the reflection once ticked.
      expect(await page.locator("#reflection ~ blockquote").textContent()).toBe("to feel close again");
      await page.check('input[name="consent"]');
      await Promise.all([
        page.waitForURL(/\/book\?kind=couple/),
        page.click("button:has-text('Book a couples consultation')"),
      ]);
    } finally {
      await context.close();
    }
  });

  it("can be done without JavaScript and with the keyboard alone: each step a page, nothing in any address", async () => {
    const context = await browsers.browser.newContext({
      javaScriptEnabled: false,
      viewport: { width: 360, height: 740 },
    });
    const page = await context.newPage();
    const addresses: string[] = [];
    page.on("request", (request) => addresses.push(request.url()));
    const pressAndLoad = async (key: string) => {
      await Promise.all([page.waitForNavigation({ timeout: 10_000 }), page.keyboard.press(key)]);
      await expectNoAxeViolationsWithoutScripts(page);
    };
    try {
      await page.goto(`${browsers.baseUrl}/self-check`);
      await expectNoAxeViolationsWithoutScripts(page);
      // At 360 px each statement stays beside its radio button, however long it is.
      const apart = await page.evaluate(
        () =>
          [...document.querySelectorAll(".choice")].filter((choice) => {
            const box = choice.querySelector("input")?.getBoundingClientRect();
            const label = choice.querySelector("label")?.getBoundingClientRect();
            return !box || !label || label.left < box.right || label.top > box.bottom;
          }).length,
      );
      expect(apart).toBe(0);
      await tabTo(page, (el) => el.id === "q-moment-betrayal");
      await page.keyboard.press("ArrowDown");
      await tabTo(page, (el) => el.tagName === "BUTTON" && el.textContent === "Continue");
      await pressAndLoad("Enter");
      expect(await page.isChecked("#q-moment-absence")).toBe(true); // kept in the page, not the address
      // Three more reflection steps, each its own page: only the current step's button can be reached.
      for (let step = 2; step <= 4; step++) {
        expect(await page.locator("[data-step]:not([hidden]) h2").textContent()).toMatch(
          new RegExp(`^${step} of`),
        );
        await tabTo(page, (el) => el.tagName === "BUTTON" && el.textContent === "Continue");
        await pressAndLoad("Enter");
      }
      await tabTo(page, (el) => el.id === "q-hope");
      await page.keyboard.type("to feel close again");
      await tabTo(page, (el) => el.tagName === "BUTTON" && el.textContent === "Continue");
      await pressAndLoad("Enter");
      expect(await page.locator("[data-step]:not([hidden]) h2").textContent()).toContain("Your safety");
      await tabTo(page, (el) => el.id === "private-yes");
      await page.keyboard.press("Space");
      await tabTo(
        page,
        (el) => el.tagName === "BUTTON" && (el.textContent ?? "").includes("See what this may mean"),
      );
      await pressAndLoad("Enter");
      expect(await page.textContent("h1")).toBe("What this may mean");
      await tabTo(page, (el) => el.textContent?.trim() === "Book a couples consultation");
      await pressAndLoad("Enter");
      expect(new URL(page.url()).pathname).toBe("/book");
      // The booking opens at the times, for the kind the result recommended.
      expect(await page.textContent("h1")).toBe("Choose a time");
      expect(await page.inputValue('input[name="kind"]')).toBe("couple");
      // Answers travelled only in POST bodies: no address ever carried one.
      for (const address of addresses) {
        expect(address).not.toMatch(/absence|feel%20close|feel\+close|private=|safety-/);
      }
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    } finally {
      await context.close();
    }
  });

  it("leaves for the neutral site with Shift pressed three times, replacing this page in the history", async () => {
    const context = await browsers.browser.newContext();
    // The neutral site is outside this machine: answer it locally so the test stays offline.
    await context.route("https://www.bbc.co.uk/**", (route) =>
      route.fulfill({ status: 200, body: "<title>Weather</title>" }),
    );
    const page = await context.newPage();
    try {
      await page.goto(`${browsers.baseUrl}/`);
      await page.goto(`${browsers.baseUrl}/self-check`);
      const before = await page.evaluate(() => history.length);
      await Promise.all([
        page.waitForURL("https://www.bbc.co.uk/weather"),
        (async () => {
          for (let i = 0; i < 3; i++) await page.keyboard.press("Shift");
        })(),
      ]);
      expect(await page.evaluate(() => history.length)).toBe(before); // replaced, not added
      await page.goBack();
      expect(page.url()).toBe(`${browsers.baseUrl}/`); // Back skips the self-check
    } finally {
      await context.close();
    }
  });
});
