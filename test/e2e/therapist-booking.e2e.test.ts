import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { totpCodeAt } from "../../src/features/accounts/second-factor/totp.ts";
import { expectNoAxeViolations } from "./support/axe.ts";
import { browsersForFile } from "./support/browsers.ts";

// The therapist's booking tools in a real browser, each page checked with axe: a second therapist joins
// the demo practice (so visitors now choose whom to see), a visitor books her, and she moves the
// consultation and makes the private address for her phone's calendar.

const browsers = browsersForFile();
const { url } = browsers;
let tess: Page;
let visitor: Page;

// Two people side by side for the whole file. Hooks run in order, so Haven and Chromium are up by now;
// the two contexts close with the browser.
beforeAll(async () => {
  tess = await (await browsers.browser.newContext({ timezoneId: "Europe/London" })).newPage();
  visitor = await (await browsers.browser.newContext({ timezoneId: "Europe/London" })).newPage();
});

describe("a therapist's booking tools", () => {
  it("sets up Tess with her own hours", async () => {
    await tess.goto(url(browsers.server.setupPath as string));
    await tess.fill("#field-displayName", "Tess Teak");
    await tess.fill("#field-email", "tess@example.org");
    await tess.fill("#field-password", "a long quiet morning by the sea");
    await Promise.all([tess.waitForURL("**/account/two-step"), tess.click("main button[type=submit]")]);
    const key = ((await tess.textContent(".secret-key")) ?? "").replace(/\s/g, "");
    await tess.fill("#field-code", totpCodeAt(key, new Date()));
    await tess.click("main button[type=submit]");
    await tess.waitForSelector(".recovery-codes");
    await Promise.all([tess.waitForURL("**/practice"), tess.click("text=continue")]);

    await tess.goto(url("/practice/booking"));
    await expectNoAxeViolations(tess);
    for (let day = 1; day <= 7; day++) await tess.fill(`#field-hours${day}`, "8-20");
    await tess.fill("#field-minimumNoticeHours", "0");
    await Promise.all([tess.waitForURL("**/practice/booking?**"), tess.click("text=Save booking settings")]);
  });

  it("lets a visitor choose Tess among the practice's therapists and book her", async () => {
    await visitor.goto(url("/book?kind=individual&zone=Europe%2FLondon"));
    expect(await visitor.textContent("main")).toContain("Who would you like to see?");
    await expectNoAxeViolations(visitor);
    await Promise.all([visitor.waitForURL(/with=/), visitor.click("nav >> text=Tess Teak")]);
    await visitor.locator("[data-week]:not([hidden]) >> text=Later times →").click();
    await visitor.locator("[data-week]:not([hidden]) .time-choice").first().click();
    await visitor.waitForURL(/\/book\/details/);
    await visitor.fill("#field-name", "Bea Birch");
    await visitor.fill("#field-email", "bea@example.org");
    await visitor.check("#field-leaveMessage-no");
    await visitor.check("#field-meeting-video");
    await visitor.check("#field-adult-yes");
    await visitor.check("#field-privacy-yes");
    await Promise.all([visitor.waitForURL(/\/book\/manage\//), visitor.click("text=Book the consultation")]);
    expect(await visitor.textContent("main")).toContain("Your consultation is booked");
  });

  it("lets Tess move it, with a message, from her list", async () => {
    await tess.goto(url("/practice/consultations"));
    expect(await tess.textContent("main")).toContain("Bea Birch");
    await expectNoAxeViolations(tess);
    await Promise.all([tess.waitForURL(/\/move$/), tess.click("text=Move it")]);
    await expectNoAxeViolations(tess);
    await tess.locator('input[name="start"]').nth(3).check();
    await tess.fill("#field-message", "Sorry to move this: a training day came up.");
    await Promise.all([
      tess.waitForURL(/notice=practice-moved/),
      tess.click('button:has-text("Move the consultation")'),
    ]);
    expect(await tess.textContent("main")).toContain("Moved.");
    await Promise.all([tess.waitForURL(/\/cancel$/), tess.click("text=Cancel it")]);
    await expectNoAxeViolations(tess);
  });

  it("makes the private address for her phone's calendar, which reads as a calendar", async () => {
    await tess.goto(url("/practice/booking/calendars"));
    await expectNoAxeViolations(tess);
    await Promise.all([
      tess.waitForURL(/notice=subscription-made/),
      tess.click("text=Make a private address"),
    ]);
    await expectNoAxeViolations(tess);
    const address = await tess.inputValue("#subscription-address");
    const feed = await tess.request.get(url(new URL(address).pathname));
    expect(feed.headers()["content-type"]).toContain("text/calendar");
    const text = await feed.text();
    expect(text).toContain("BEGIN:VCALENDAR");
    expect(text).toContain("B. B.");
    expect(text).not.toContain("Bea");
  });
});
