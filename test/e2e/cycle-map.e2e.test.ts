import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectNoAxeViolations } from "./support/axe.ts";
import { launchChromium } from "./support/browser.ts";
import { startTestServer } from "./support/haven-server.ts";
import { acceptInvitation, inviteCouple, setUpTherapist } from "./support/practice-people.ts";

// The cycle map in two browsers and the therapist's: each partner fills in their side privately (the
// other's page unchanged by a byte), both share, and all three see the same drawing of the loop.

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

async function axeBothWidths(page: Page) {
  await page.setViewportSize({ width: 360, height: 740 });
  await expectNoAxeViolations(page);
  await page.setViewportSize({ width: 1280, height: 720 });
  await expectNoAxeViolations(page);
}

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
    bo = await newPage();
    await acceptInvitation(ana, server, "ana@example.org");
    await acceptInvitation(bo, server, "bo@example.org");
    await therapist.goto(url("/practice"));
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
