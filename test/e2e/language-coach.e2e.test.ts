import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { explanationOf } from "../../src/features/language-coach/coach-rules.ts";
import { coachMessages as m } from "../../src/features/language-coach/messages.ts";
import { expectNoAxeViolations } from "./support/axe.ts";
import { launchChromium } from "./support/browser.ts";
import { startTestServer } from "./support/haven-server.ts";
import { acceptInvitation, inviteCouple, setUpTherapist } from "./support/practice-people.ts";

// The language coach in a real browser (record 048): the therapist turns it on for Ana; in a piece about
// the hurt, the suggestions follow her writing without a request, and "Check my words" keeps her text.

let server: Awaited<ReturnType<typeof startTestServer>>;
let browser: Browser;
const contexts: BrowserContext[] = [];
beforeAll(async () => {
  server = await startTestServer();
  browser = await launchChromium();
});
afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
  await server?.stop();
});

async function newPage(): Promise<Page> {
  const context = await browser.newContext();
  contexts.push(context);
  return context.newPage();
}
const url = (pathname: string) => `${server.baseUrl}${pathname}`;
const field = "#field-what-the-anger-protects";

describe("the language coach, in the browser", () => {
  let therapist: Page;
  let ana: Page;

  it("is turned on by the therapist for Ana, with a piece about the hurt open for her", async () => {
    therapist = await newPage();
    await setUpTherapist(therapist, server, {
      name: "Tess Teak",
      email: "tess@example.org",
      password: "a long quiet morning by the sea",
    });
    await inviteCouple(
      therapist,
      server,
      { name: "Ana Alder", email: "ana@example.org" },
      { name: "Bo Birch", email: "bo@example.org" },
    );
    ana = await newPage();
    await acceptInvitation(ana, server, "ana@example.org");
    await acceptInvitation(await newPage(), server, "bo@example.org");
    await therapist.goto(url("/practice"));
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
    const requests: string[] = [];
    ana.on("request", (request) => requests.push(request.url()));
    await ana.fill(field, "You never listen to me.");
    const panel = ana.locator("[data-coach-findings]");
    await panel.waitFor({ state: "visible" });
    expect(await panel.textContent()).toContain(explanationOf("absolute"));
    expect(requests).toEqual([]);
    await ana.setViewportSize({ width: 360, height: 740 });
    await expectNoAxeViolations(ana);
    await ana.setViewportSize({ width: 1280, height: 720 });
    await expectNoAxeViolations(ana);
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
