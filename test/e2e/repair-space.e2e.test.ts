import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { axeBothWidths, browsersForFile } from "./support/browsers.ts";
import { acceptInvitation, inviteCouple, setUpTherapist } from "./support/practice-people.ts";

// The repair space walked by two partners in two browsers and their therapist: the therapist opens joint
// work and an injury and a piece for Ana only; Ana writes, stops for today, comes back, shares; Bo's
// pages do not change by a byte for anything Ana did privately; both write their story at once.

const browsers = browsersForFile();
const { url } = browsers;
const newPage = () => browsers.newPage();

/** The HTML the browsers.server sends for a page, with its per-request form tokens masked. */
async function rawPage(page: Page, pathname: string): Promise<string> {
  const response = await page.request.get(url(pathname));
  return `${response.status()} ${(await response.text()).replace(/name="_form" value="[^"]+"/g, "")}`;
}

let therapist: Page;
let ana: Page;
let bo: Page;
let record: string;
let injuryPath: string;
let storyPath: string;
const boPages = () => Promise.all(["/my", "/my/repair", "/my/entries", storyPath].map((p) => rawPage(bo, p)));

describe("the repair space, for a couple and their therapist", () => {
  it("opens joint work, names an injury with its roles, and opens a piece for Ana only", async () => {
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

    await Promise.all([therapist.waitForURL(/\/repair$/), therapist.click("text=The repair: injuries")]);
    await axeBothWidths(therapist);
    await therapist.fill("#field-name", "The night of the hospital");
    await therapist.check("text=Ana Alder was hurt");
    await Promise.all([
      therapist.waitForURL(/\/injuries\/[0-9a-f-]{36}$/),
      therapist.click("text=Name the injury"),
    ]);
    injuryPath = new URL(therapist.url()).pathname;
    storyPath = `/my/repair/${injuryPath.split("/").pop()}/story`;
    await axeBothWidths(therapist);
    const telling = therapist.locator("li", { hasText: "Telling what happened" });
    await Promise.all([
      therapist.waitForURL(/notice=saved/),
      telling.getByRole("button", { name: "Open" }).click(),
    ]);
    expect(await telling.textContent()).toContain("open");
    await Promise.all([
      therapist.waitForURL(/notice=saved/),
      therapist.click("text=Open our story for them both"),
    ]);
    // Bo, who was not hurt in this injury, is offered the pieces for the other role, none open.
    expect(await therapist.locator("main").textContent()).toContain("Listening without defending");
  });

  it("lets Ana write, stop for today, come back and share with her therapist; Bo's pages do not change", async () => {
    const before = await boPages();
    await ana.goto(url("/my"));
    await Promise.all([ana.waitForURL("**/my/repair"), ana.click("text=Your repair work")]);
    await axeBothWidths(ana);
    await ana.click("text=Telling what happened");
    await axeBothWidths(ana);
    await ana.fill("#field-the-moment", "The corridor at two in the morning, alone.");
    await Promise.all([ana.waitForURL("**/my/repair?notice=stopped"), ana.click("text=Stop here for today")]);
    await ana.click("text=Telling what happened");
    expect(await ana.inputValue("#field-the-moment")).toBe("The corridor at two in the morning, alone.");
    await ana.fill("#field-since-then", "I stopped asking for help.");
    await Promise.all([
      ana.waitForURL(/notice=saved/),
      ana.getByRole("button", { name: "Save", exact: true }).click(),
    ]);

    await ana.locator("text=Share or take back this answer").first().click();
    await ana.check("#field-sharing-therapist");
    await ana.click("text=Save who can read it");
    // A first share with the therapist alone shows the practice's policy on secrets again.
    await ana.waitForSelector("#field-policySeen-yes");
    await ana.check("#field-policySeen-yes");
    await Promise.all([ana.waitForURL(/notice=shared/), ana.click("text=Save who can read it")]);
    await ana.goto(url("/my/repair"));
    // With JavaScript, a limited field says how much room is left once most of it is used.
    await ana.fill("#field-suggestion", "a".repeat(1700));
    expect(await ana.textContent("#field-suggestion-counter")).toBe("300 characters left");
    await ana.fill("#field-suggestion", "The birthday in March");
    expect(await ana.isVisible("#field-suggestion-counter")).toBe(false);
    await Promise.all([ana.waitForURL(/notice=suggested/), ana.click("text=Send to my therapist")]);

    expect(await boPages()).toEqual(before);
    await therapist.goto(url(record));
    expect(await therapist.locator("main").textContent()).toContain("The corridor at two in the morning");
    await therapist.goto(url(`${record}/repair`));
    expect(await therapist.locator("main").textContent()).toContain("The birthday in March");
  });

  it("shows Bo an answer Ana shares with him, and nothing once she takes it back", async () => {
    await ana.goto(url(storyPath.replace("/story", "/pieces/telling-what-happened")));
    await ana.locator("text=Share or take back this answer").nth(1).click();
    const answerPage = ana.url();
    await ana.check("#field-sharing-partner");
    await Promise.all([ana.waitForURL(/notice=shared/), ana.click("text=Save who can read it")]);
    await bo.goto(url("/my/entries"));
    expect(await bo.locator("main").textContent()).toContain("I stopped asking for help.");
    await axeBothWidths(bo);
    // Bo answers it: private first, then sent; Ana reads it under her own words.
    await bo
      .getByRole("link", { name: /^Reply/ })
      .first()
      .click();
    await axeBothWidths(bo);
    await bo.fill("#field-body", "I did not know. I want to hear more.");
    await bo.check("#field-send-yes");
    await Promise.all([bo.waitForURL("**/my/entries"), bo.click("text=Save the reply")]);
    await ana.goto(url("/my/entries"));
    expect(await ana.locator("main").textContent()).toContain("Your partner replied:I did not know.");
    await ana.goto(answerPage);
    await ana.check("#field-sharing-nobody");
    await Promise.all([ana.waitForURL(/notice=shared/), ana.click("text=Save who can read it")]);
    await bo.reload();
    expect(await bo.locator("main").textContent()).not.toContain("I stopped asking for help.");
  });

  it("keeps both partners' words when they save the story at once", async () => {
    await ana.goto(url(storyPath));
    await bo.goto(url(storyPath));
    await axeBothWidths(bo);
    await ana.fill("#field-story", "That night we were both frightened.");
    await bo.fill("#field-story", "I was not there, and now I understand what that meant.");
    await Promise.all([ana.waitForURL(/notice=saved/), ana.click("text=Save our story")]);
    await bo.click("text=Save our story");
    await bo.waitForSelector("#theirs-heading");
    expect(await bo.locator("main").textContent()).toContain("That night we were both frightened.");
    expect(await bo.inputValue("#field-story")).toBe(
      "I was not there, and now I understand what that meant.",
    );
    await axeBothWidths(bo);
    await bo.fill(
      "#field-story",
      "That night we were both frightened. I was not there, and now I understand.",
    );
    await Promise.all([bo.waitForURL(/notice=saved/), bo.click("text=Save our story")]);
    const history = await bo.locator("main").textContent();
    expect(history).toContain("Version 2");
    expect(history).toContain("Saved by your partner");
    await therapist.goto(url(injuryPath));
    expect(await therapist.locator("main").textContent()).toContain("Version 2");
    await axeBothWidths(therapist);
  });
});
