import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { axeBothWidths, browsersForFile } from "./support/browsers.ts";
import { acceptInvitation, inviteCouple, setUpTherapist } from "./support/practice-people.ts";

// The individual path in a real browser: the therapist opens a piece of Ana's own path (no joint work
// open), Ana writes and stops for today, and Bo's pages do not change by a byte. axe at both widths.

const haven = browsersForFile();
const { url, newPage } = haven;

/** The HTML the server sends for a page, with its per-request form tokens masked. */
async function rawPage(page: Page, pathname: string): Promise<string> {
  const response = await page.request.get(url(pathname));
  return `${response.status()} ${(await response.text()).replace(/name="_form" value="[^"]+"/g, "")}`;
}

describe("the individual path", () => {
  it("is opened by the therapist piece by piece, written in privately, and invisible to the partner", async () => {
    const therapist = await newPage();
    await setUpTherapist(therapist, haven.server, {
      name: "Tess Teak",
      email: "tess@example.org",
      password: "a long quiet morning by the sea",
    });
    await inviteCouple(
      therapist,
      haven.server,
      { name: "Ana Alder", email: "ana@example.org" },
      { name: "Bo Birch", email: "bo@example.org" },
    );
    const ana = await newPage();
    const bo = await newPage();
    await acceptInvitation(ana, haven.server, "ana@example.org");
    await acceptInvitation(bo, haven.server, "bo@example.org");
    const boPages = () => Promise.all(["/my", "/my/path", "/my/entries"].map((p) => rawPage(bo, p)));
    const before = await boPages();

    await therapist.goto(url("/practice/clients"));
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
