import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { axeBothWidths, browsersForFile } from "./support/browsers.ts";
import { acceptInvitation, inviteCouple, setUpTherapist } from "./support/practice-people.ts";

// The cycle map in two browsers and the therapist's: each partner fills in their side privately (the
// other's page unchanged by a byte), both share, and all three see the same drawing of the loop.

const browsers = browsersForFile();
const { url } = browsers;
const newPage = () => browsers.newPage();

/** The HTML the server sends for a page, with its per-request form tokens masked. */
async function rawPage(page: Page, pathname: string): Promise<string> {
  const response = await page.request.get(url(pathname));
  return `${response.status()} ${(await response.text()).replace(/name="_form" value="[^"]+"/g, "")}`;
}
const drawing = (page: Page) => page.locator("svg.loop__drawing").evaluate((svg) => svg.outerHTML);

let therapist: Page;
let ana: Page;
let bo: Page;
let record: string;

describe("the cycle map, for a couple and their therapist", () => {
  it("opens once the therapist has opened joint work", async () => {
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
    await therapist.goto(url("/practice/clients"));
    await therapist.click("text=Ana Alder");
    record = new URL(therapist.url()).pathname;
    for (const name of ["Ana Alder", "Bo Birch"])
      await Promise.all([
        therapist.waitForURL(/#joint-work$/),
        therapist.click(`text=Record that I saw ${name} alone`),
      ]);
    await Promise.all([therapist.waitForURL(/#joint-work$/), therapist.click("text=Open joint work")]);
    await ana.goto(url("/my"));
    await Promise.all([ana.waitForURL("**/my/cycle"), ana.click("text=Your cycle")]);
    await axeBothWidths(ana);
  });

  it("keeps each side private: the other's page does not change by a byte until both have shared", async () => {
    const boBefore = await rawPage(bo, "/my/cycle");
    await ana.check("text=I go quiet");
    await ana.check("text=I leave the room");
    await ana.fill("#field-movesOwn", "I freeze");
    await ana.check("text=numb");
    await ana.check("text=afraid");
    await ana.check("text=to be accepted");
    await Promise.all([ana.waitForURL(/notice=saved/), ana.click("text=Save my side")]);
    expect(await ana.isChecked("text=I go quiet")).toBe(true);
    await Promise.all([ana.waitForURL(/notice=shared/), ana.click("text=Share my side")]);
    expect(await rawPage(bo, "/my/cycle")).toBe(boBefore);

    const anaBefore = await rawPage(ana, "/my/cycle");
    await bo.goto(url("/my/cycle"));
    await bo.check("text=I push to talk it through, now");
    await bo.check("text=frustrated");
    await bo.check("text=lonely");
    await bo.check("text=to matter");
    await Promise.all([bo.waitForURL(/notice=saved/), bo.click("text=Save my side")]);
    expect(await rawPage(ana, "/my/cycle")).toBe(anaBefore);
    await Promise.all([bo.waitForURL(/notice=shared/), bo.click("text=Share my side")]);
  });

  it("draws the same loop for both partners and the therapist, with its steps as text", async () => {
    await ana.goto(url("/my/cycle"));
    const picture = await drawing(ana);
    expect(await drawing(bo)).toBe(picture);
    await therapist.goto(url(`${record}/cycle`));
    expect(await drawing(therapist)).toBe(picture);
    const steps = await bo.locator(".loop__steps").textContent();
    expect(steps).toContain("Ana goes quiet and leaves the room");
    expect(steps).toContain("Bo feels frustrated; underneath, lonely; Bo longs to matter.");
    await axeBothWidths(bo);
    await axeBothWidths(therapist);
  });
});

// The trigger log, in the same practice: a moment kept private, one shared with the therapist, and the
// weekly chart (server-drawn, with its table) for the client and for the therapist over what was shared.
const thisWeek = (page: Page) =>
  page.locator(".weekly-chart__table tbody tr").last().locator("td").allTextContents();

describe("the trigger log, for a partner and their therapist", () => {
  it("keeps a moment private, shares one with the therapist, and charts each side's view", async () => {
    await ana.goto(url("/my"));
    await Promise.all([ana.waitForURL("**/my/triggers"), ana.click("text=Your trigger log")]);
    await axeBothWidths(ana);
    await ana.fill("#field-happened", "Bo looked at his phone while I spoke");
    await ana.check("#field-strength-7");
    await Promise.all([ana.waitForURL(/notice=saved/), ana.click("text=Save this moment")]);
    await ana.fill("#field-happened", "A message left unanswered all afternoon");
    await ana.check("#field-strength-5");
    await ana.check("text=Me and my therapist");
    await ana.click("text=Save this moment");
    // A first therapist-only share in a couple may show the practice's policy on secrets first.
    if (await ana.locator('input[name="policySeen"]').count()) {
      await ana.check('input[name="policySeen"]');
      await ana.click("text=Save this moment");
    }
    await ana.waitForURL(/notice=saved/);
    // This week's row: two moments, of strength 7 and 5 on average 6.
    expect(await thisWeek(ana)).toEqual(["2", "6"]);
    await axeBothWidths(ana);

    await therapist.goto(url(record));
    await Promise.all([
      therapist.waitForURL("**/triggers"),
      therapist.click("text=Trigger log: what was shared"),
    ]);
    const view = await therapist.locator("main").textContent();
    expect(view).toContain("A message left unanswered all afternoon");
    expect(view).not.toContain("looked at his phone");
    expect(await thisWeek(therapist)).toEqual(["1", "5"]);
    await axeBothWidths(therapist);
  });
});
