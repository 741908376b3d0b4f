import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { axeBothWidths, browsersForFile } from "./support/browsers.ts";
import { acceptInvitation, inviteCouple, setUpTherapist } from "./support/practice-people.ts";

// The day at a glance on a phone (issue 14, item 1): a safety alert stands above everything else on the
// practice home, says who and what kind (never the words), and is gone once marked seen; the partner
// sees nothing of it. axe-core clean at 360 px and at desktop width.

const browsers = browsersForFile();
const { url } = browsers;

let therapist: Page;
let ana: Page;
let bo: Page;

describe("the practice home on a phone", () => {
  it("lists a safety alert above everything else, and the partner sees nothing of it", async () => {
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
    ana = await browsers.newPage();
    bo = await browsers.newPage();
    await acceptInvitation(ana, browsers.server, "ana@example.org");
    await acceptInvitation(bo, browsers.server, "bo@example.org");
    await ana.goto(url("/my/entries"));
    await ana.fill("#field-body", "Some nights I think everyone would be better off without me");
    await ana.click("text=Save the note");
    await ana.waitForLoadState();

    await therapist.setViewportSize({ width: 360, height: 740 });
    await therapist.goto(url("/practice"));
    const sections = await therapist.locator("main section").evaluateAll((all) =>
      all.map((section) => ({
        id: section.querySelector("h2")?.id ?? "",
        top: section.getBoundingClientRect().top,
      })),
    );
    expect(sections[0]?.id).toBe("safety-alerts");
    const alertsTop = sections[0]?.top ?? Number.POSITIVE_INFINITY;
    for (const other of sections.slice(1)) expect(other.top, other.id).toBeGreaterThan(alertsTop);
    const alerts = therapist.locator("section.safety-alerts");
    expect(await alerts.textContent()).toContain("Ana Alder wrote words that may mean they are in danger");
    expect(await therapist.locator("main").textContent()).not.toContain("better off");
    // Phone first: nothing wider than the screen.
    const overflow = await therapist.evaluate(() => document.documentElement.scrollWidth);
    expect(overflow).toBeLessThanOrEqual(360);
    await axeBothWidths(therapist);

    await bo.goto(url("/my"));
    expect(await bo.locator("main").textContent()).not.toMatch(/danger|wrote words|Ana Alder wrote/);
  });

  it("records who saw the alert, and it leaves the list", async () => {
    await therapist.setViewportSize({ width: 360, height: 740 });
    await therapist.goto(url("/practice"));
    await Promise.all([
      therapist.waitForURL(/\/practice#safety-alerts$/),
      therapist.locator("section.safety-alerts .needs-you__item--crisis-words button").click(),
    ]);
    expect(await therapist.locator("section.safety-alerts").textContent()).toContain(
      "No safety alerts right now.",
    );
    await axeBothWidths(therapist);
  });
});
