import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { axeBothWidths, browsersForFile } from "./support/browsers.ts";
import { acceptInvitation, inviteCouple, setUpTherapist } from "./support/practice-people.ts";

// The weekly check-in in three browsers: the therapist asks each partner every week, both answer, and
// the chart has both lines only once both partners chose to show theirs (one choice alone changes
// nothing for the other). Earlier weeks are covered by measure-schedules.db.test.ts, which moves the clock.

const browsers = browsersForFile();
const { url } = browsers;
const newPage = () => browsers.newPage();
const linesOn = async (page: Page) => {
  await page.goto(url("/my/measures"));
  return page.locator(".score-chart__person").count();
};

let therapist: Page;
let ana: Page;
let bo: Page;
let anaRecord: string;

describe("a weekly check-in charted for a couple", () => {
  it("is asked of each partner every week by the therapist", async () => {
    therapist = await newPage();
    await setUpTherapist(therapist, browsers.server, {
      name: "Tess Teak",
      email: "tess@example.org",
      password: "a long quiet morning by the sea",
    });
    await inviteCouple(
      therapist,
      browsers.server,
      { name: "Ana Alder", email: "ana@example.org" },
      { name: "Bo Birch", email: "bo@example.org" },
    );
    ana = await newPage();
    bo = await newPage();
    await acceptInvitation(ana, browsers.server, "ana@example.org");
    await acceptInvitation(bo, browsers.server, "bo@example.org");
    for (const name of ["Ana Alder", "Bo Birch"]) {
      await therapist.goto(url("/practice/clients"));
      await therapist.click(`text=${name}`);
      if (name === "Ana Alder") anaRecord = new URL(therapist.url()).pathname;
      await therapist.check("text=Connection check-in");
      await therapist.check("text=Every week");
      await therapist.selectOption("#field-weekday", "3");
      await Promise.all([therapist.waitForURL(/#measures$/), therapist.click(`text=Ask ${name}`)]);
      expect(await therapist.locator("#measures").textContent()).toContain("every Wednesday");
    }
    for (const name of ["Ana Alder", "Bo Birch"])
      await Promise.all([
        therapist.waitForURL(/#joint-work$/),
        therapist.click(`text=Record that I saw ${name} alone`),
      ]);
    await Promise.all([therapist.waitForURL(/#joint-work$/), therapist.click("text=Open joint work")]);
  });

  it("is answered by each alone, and each sees only their own line", async () => {
    for (const [page, value] of [
      [ana, "2"],
      [bo, "3"],
    ] as const) {
      await page.goto(url("/my/measures"));
      await page.click("text=Connection check-in");
      for (const item of ["cci-01", "cci-02", "cci-03", "cci-04"])
        await page.check(`#field-item-${item}-${value}`);
      await page.check("#field-item-cci-05-0");
      await Promise.all([page.waitForURL(/\/my\/measures\/[0-9a-f-]+$/), page.click("text=Send my answers")]);
      expect(await linesOn(page)).toBe(1);
    }
    await axeBothWidths(ana);
  });

  it("draws both lines only once both partners chose to show theirs", async () => {
    await ana.goto(url("/my/measures"));
    await Promise.all([ana.waitForURL(/chart=shared/), ana.click("text=Show my line to my partner")]);
    expect(await linesOn(bo)).toBe(1);
    expect(await linesOn(ana)).toBe(1);
    await Promise.all([bo.waitForURL(/chart=shared/), bo.click("text=Show my line to my partner")]);
    expect(await linesOn(ana)).toBe(2);
    expect(await linesOn(bo)).toBe(2);
    expect(await ana.locator(".score-chart__table").textContent()).toContain("Your partner");
    await axeBothWidths(bo);
    await therapist.goto(url(anaRecord));
    expect(await therapist.locator(".score-chart__person").count()).toBe(2);
    await axeBothWidths(therapist);
  });
});
