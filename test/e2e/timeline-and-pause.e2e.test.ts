import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { axeBothWidths, browsersForFile } from "./support/browsers.ts";
import { acceptInvitation, inviteCouple, setUpTherapist } from "./support/practice-people.ts";

// A couple's timeline and the pause page in a real browser, at both widths, with axe (record 058).

const browsers = browsersForFile();
const { url } = browsers;

let therapist: Page;
let record: string;

describe("a couple's timeline and pausing a partner", () => {
  it("shows the couple's story from a partner's record, without accessibility faults", async () => {
    therapist = await browsers.newPage();
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
    const ana = await browsers.newPage();
    await acceptInvitation(ana, browsers.server, "ana@example.org");
    await therapist.goto(url("/practice/clients"));
    await therapist.click("text=Ana Alder");
    record = new URL(therapist.url()).pathname;
    await Promise.all([therapist.waitForURL(/\/timeline$/), therapist.click("text=See the timeline")]);
    const story = (await therapist.locator("#main").textContent()) ?? "";
    expect(story).toContain("Invitation accepted");
    expect(story).toContain("Bo Birch");
    await axeBothWidths(therapist);
  });

  it("asks for the tick beside the box before pausing, then pauses", async () => {
    await therapist.goto(url(`${record}/pause`));
    await therapist.click("button:has-text('Pause')");
    expect(await therapist.locator("#main").textContent()).toContain(
      "Please tick the box to confirm the pause.",
    );
    await axeBothWidths(therapist);
    await therapist.check("text=I want to pause this client's work");
    await Promise.all([
      therapist.waitForURL(new RegExp(`${record}$`)),
      therapist.click("button:has-text('Pause')"),
    ]);
    expect(await therapist.locator("#main").textContent()).toContain("Account paused.");
  });
});
