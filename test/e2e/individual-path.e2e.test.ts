import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectNoAxeViolations } from "./support/axe.ts";
import { launchChromium } from "./support/browser.ts";
import { startTestServer } from "./support/haven-server.ts";
import { acceptInvitation, inviteCouple, setUpTherapist } from "./support/practice-people.ts";

// The individual path in a real browser: the therapist opens a piece of Ana's own path (no joint work
// open), Ana writes and stops for today, and Bo's pages do not change by a byte. axe at both widths.

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

describe("the individual path", () => {
  it("is opened by the therapist piece by piece, written in privately, and invisible to the partner", async () => {
    const therapist = await newPage();
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
    const ana = await newPage();
    const bo = await newPage();
    await acceptInvitation(ana, server, "ana@example.org");
    await acceptInvitation(bo, server, "bo@example.org");
    const boPages = () => Promise.all(["/my", "/my/path", "/my/entries"].map((p) => rawPage(bo, p)));
    const before = await boPages();

    await therapist.goto(url("/practice"));
    await therapist.click("text=Ana Alder");
    await Promise.all([therapist.waitForURL(/\/path$/), therapist.click("text=Own path")]);
    await axeBothWidths(therapist);
    const piece = therapist.locator("li", { hasText: "Earlier hurts" });
    await Promise.all([
      therapist.waitForURL(/notice=opened/),
      piece.getByRole("button", { name: "Open for them" }).click(),
    ]);
    expect(await piece.textContent()).toContain("Open now.");

    await ana.goto(url("/my"));
    await Promise.all([ana.waitForURL("**/my/path"), ana.click("text=Your own path")]);
    await axeBothWidths(ana);
    await ana.click("text=Earlier hurts");
    await axeBothWidths(ana);
    await ana.fill("#field-what-i-needed", "Someone to notice I was scared.");
    await Promise.all([ana.waitForURL("**/my/path?notice=stopped"), ana.click("text=Stop here for today")]);
    await ana.click("text=Earlier hurts");
    expect(await ana.inputValue("#field-what-i-needed")).toBe("Someone to notice I was scared.");

    expect(await boPages()).toEqual(before);
  });
});
