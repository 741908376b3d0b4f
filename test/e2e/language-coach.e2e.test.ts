import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { explanationOf } from "../../src/features/language-coach/coach-rules.ts";
import { coachMessages as m } from "../../src/features/language-coach/messages.ts";
import { axeBothWidths, browsersForFile } from "./support/browsers.ts";
import { acceptInvitation, inviteCouple, setUpTherapist } from "./support/practice-people.ts";

// The language coach in a real browser (record 048): the therapist turns it on for Ana; in a piece about
// the hurt, the suggestions follow her writing without a request, and "Check my words" keeps her text.

const browsers = browsersForFile();
const { url } = browsers;
const newPage = () => browsers.newPage();
const field = "#field-what-the-anger-protects";

describe("the language coach, in the browser", () => {
  let therapist: Page;
  let ana: Page;

  it("is turned on by the therapist for Ana, with a piece about the hurt open for her", async () => {
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
    await acceptInvitation(ana, browsers.server, "ana@example.org");
    await acceptInvitation(await newPage(), browsers.server, "bo@example.org");
    await therapist.goto(url("/practice/clients"));
    await therapist.click("text=Ana Alder");
    for (const name of ["Ana Alder", "Bo Birch"])
      await Promise.all([
        therapist.waitForURL(/#joint-work$/),
        therapist.click(`text=Record that I saw ${name} alone`),
      ]);
    await Promise.all([therapist.waitForURL(/#joint-work$/), therapist.click("text=Open joint work")]);
    await Promise.all([therapist.waitForURL(/#language-coach$/), therapist.click(`text=${m.turnOn}`)]);
    expect(await therapist.locator("#language-coach").textContent()).toContain(m.settingOn);
    await Promise.all([therapist.waitForURL(/\/repair$/), therapist.click("text=The repair: injuries")]);
    await therapist.fill("#field-name", "The night of the hospital");
    await therapist.check("text=Ana Alder was hurt");
    await Promise.all([
      therapist.waitForURL(/\/injuries\/[0-9a-f-]{36}$/),
      therapist.click("text=Name the injury"),
    ]);
    const fear = therapist.locator("li", { hasText: "The fear under the anger" });
    await Promise.all([
      therapist.waitForURL(/notice=saved/),
      fear.getByRole("button", { name: "Open" }).click(),
    ]);
  });

  it("shows suggestions as Ana writes, without a request, and stays quiet on words about harm", async () => {
    await ana.goto(url("/my/repair"));
    await ana.click("text=The fear under the anger");
    expect(await ana.locator("[data-coach-findings]").isVisible()).toBe(false);
    await ana.waitForLoadState("networkidle");
    // Chromium may ask for the favicon whenever it likes; that is the browser's
    // own request, not the coach's, so it is the one request left out.
    const requests: string[] = [];
    ana.on("request", (request) => {
      if (!request.url().includes("/assets/favicon.")) requests.push(request.url());
    });
    await ana.fill(field, "You never listen to me.");
    const panel = ana.locator("[data-coach-findings]");
    await panel.waitFor({ state: "visible" });
    expect(await panel.textContent()).toContain(explanationOf("absolute"));
    expect(requests).toEqual([]);
    await axeBothWidths(ana);
    await ana.fill(field, "You never listen, and you always hit me when you drink.");
    await panel.waitFor({ state: "hidden" });
  });

  it("checks on the server too: the same page, the text kept, nothing saved", async () => {
    await ana.fill(field, "It's your fault we left early.");
    await Promise.all([ana.waitForLoadState("load"), ana.click(`text=${m.check}`)]);
    await ana.locator("[data-coach-findings]").waitFor({ state: "visible" });
    expect(await ana.inputValue(field)).toBe("It's your fault we left early.");
    expect(await ana.locator("[data-coach-findings]").textContent()).toContain(explanationOf("blame"));
  });
});
