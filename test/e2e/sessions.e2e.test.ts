import type { Page } from "playwright-core";
import { Temporal } from "temporal-polyfill";
import { describe, expect, it } from "vitest";
import { expectNoAxeViolations } from "./support/axe.ts";
import { axeBothWidths, browsersForFile } from "./support/browsers.ts";
import { acceptInvitation, setUpTherapist } from "./support/practice-people.ts";

// Sessions after the consultation, in a real browser: a visitor books a couple's consultation with Tess,
// Tess turns it into the couple's invitation in one step, books their weekly sessions, and both partners
// see them in their space. Each page is checked with axe at a phone's width and a desktop's.

const browsers = browsersForFile();
const { url } = browsers;
let tess: Page;
let bea: Page;
let cal: Page;
const firstSession = Temporal.Now.plainDateISO("Europe/London").add({ days: 10 }).toString();

describe("from a consultation to a couple's weekly sessions", () => {
  it("sets up Tess with her hours, and a visitor books a couple's consultation with her", async () => {
    tess = await browsers.newPage();
    await setUpTherapist(tess, browsers.server, {
      name: "Tess Teak",
      email: "tess@example.org",
      password: "a long quiet morning by the sea",
    });
    await tess.goto(url("/practice/booking"));
    for (let day = 1; day <= 7; day++) await tess.fill(`#field-hours${day}`, "8-20");
    await tess.fill("#field-minimumNoticeHours", "0");
    await Promise.all([tess.waitForURL("**/practice/booking?**"), tess.click("text=Save booking settings")]);

    const visitor = await browsers.newPage();
    await visitor.goto(url("/book?kind=couple&zone=Europe%2FLondon"));
    await Promise.all([visitor.waitForURL(/with=/), visitor.click("nav >> text=Tess Teak")]);
    await visitor.locator("[data-week]:not([hidden]) .time-choice").first().click();
    await visitor.waitForURL(/\/book\/details/);
    await visitor.fill("#field-name", "Bea Birch");
    await visitor.fill("#field-email", "bea@example.org");
    await visitor.check("#field-leaveMessage-no");
    await visitor.check("#field-meeting-video");
    await visitor.check("#field-adult-yes");
    await visitor.check("#field-privacy-yes");
    await Promise.all([visitor.waitForURL(/\/book\/manage\//), visitor.click("text=Book the consultation")]);
  });

  it("turns the consultation into the couple's invitation in one step, the details shown for checking", async () => {
    await tess.goto(url("/practice/consultations"));
    await Promise.all([tess.waitForURL(/\/invite$/), tess.click("text=Invite as a client")]);
    expect(await tess.textContent("main")).toContain("Please check them with the person before sending");
    expect(await tess.inputValue("#field-firstName")).toBe("Bea Birch");
    expect(await tess.inputValue("#field-firstEmail")).toBe("bea@example.org");
    expect(await tess.isChecked("#kind-couple")).toBe(true);
    await axeBothWidths(tess);
    await tess.fill("#field-secondName", "Cal Cedar");
    await tess.fill("#field-secondEmail", "cal@example.org");
    await Promise.all([
      tess.waitForURL("**/practice?notice=invited-2"),
      tess.click("main button[type=submit]"),
    ]);

    bea = await browsers.newPage();
    cal = await browsers.newPage();
    await acceptInvitation(bea, browsers.server, "bea@example.org");
    await acceptInvitation(cal, browsers.server, "cal@example.org");
  });

  it("books the couple's weekly sessions, refusing a date in the past beside its field", async () => {
    // The home names her only for her consultation this week; her record is found in the client list.
    await tess.goto(url("/practice/clients"));
    await Promise.all([
      tess.waitForURL(/\/practice\/clients\/[0-9a-f-]{36}$/),
      tess.click('.client-list a[href^="/practice/clients/"]:has-text("Bea Birch")'),
    ]);
    await Promise.all([tess.waitForURL(/\/sessions$/), tess.click("text=Sessions: book, move or cancel")]);
    await axeBothWidths(tess);

    await tess.check("#forWhom-couple");
    // Typed as the practice (en-GB) writes dates, which the field's hint shows.
    expect(await tess.textContent("#field-date-hint")).toContain("for example 24/12/2026");
    await tess.fill("#field-date", "06/01/2020");
    await tess.fill("#field-time", "18:00");
    await tess.click("text=Book the sessions");
    await tess.waitForSelector("#field-date-error");
    expect(await tess.textContent("#field-date-error")).toContain("has already passed");
    expect(await tess.inputValue("#field-time")).toBe("18:00");
    await expectNoAxeViolations(tess);

    const [year, month, day] = firstSession.split("-");
    await tess.fill("#field-date", `${day}/${month}/${year}`);
    await tess.fill("#field-weeks", "3");
    await Promise.all([tess.waitForURL(/notice=scheduled/), tess.click("text=Book the sessions")]);
    expect(await tess.locator("text=Cancel this session").count()).toBe(3);
    await axeBothWidths(tess);
  });

  it("shows both partners their consultation together and the three sessions in their space", async () => {
    for (const partner of [bea, cal]) {
      await partner.goto(url("/my"));
      const section = partner.locator("section[aria-labelledby=my-sessions-heading]");
      // The consultation they booked as a couple comes first (record 070), then the sessions.
      expect(await section.locator("li").count()).toBe(4);
      expect(await section.locator("li").first().textContent()).toContain("Free consultation");
      expect(await section.textContent()).toContain("18:00");
      expect(await section.textContent()).toContain("with your partner");
      const file = await partner.request.get(url("/my/appointments.ics"));
      expect(file.headers()["content-type"]).toContain("text/calendar");
      expect((await file.text()).match(/BEGIN:VEVENT/g)).toHaveLength(4);
      expect(await section.locator('a[href="/my/appointments.ics"]').count()).toBe(1);
      await axeBothWidths(partner);
    }
  });
});
