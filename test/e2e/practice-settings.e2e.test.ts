import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { axeBothWidths, browsersForFile } from "./support/browsers.ts";
import { setUpTherapist } from "./support/practice-people.ts";

// The owner changes a help line in the browser, and a visitor's help-now shows it at once:
// no file is edited by hand and nothing restarts.

const browsers = browsersForFile();
const { url } = browsers;
let owner: Page;

describe("the practice's settings in the browser", () => {
  it("are the owner's to change, and the page is accessible at both widths", async () => {
    owner = await browsers.newPage();
    await setUpTherapist(owner, browsers.server, {
      name: "Otto Oak",
      email: "otto@example.org",
      password: "a long quiet morning by the sea",
    });
    await owner.goto(url("/practice/settings"));
    expect(await owner.textContent("h1")).toBe("Practice settings");
    await axeBothWidths(owner);
  });

  it("keeps a wrong number beside its field, then shows the right one on help-now at once", async () => {
    // A visitor's help-now first, so the server holds the page in its cache before the change.
    const visitor = await browsers.newPage();
    await visitor.goto(url("/help-now?country=GB"));
    expect(await visitor.textContent(".help-country")).toContain("116 123");
    await owner.click("a[aria-label='Change Samaritans']");
    await owner.fill("#field-number", "call 116");
    await owner.click("text=Save this help line");
    await owner.waitForSelector("#field-number[aria-invalid=true]");
    expect(await owner.inputValue("#field-number")).toBe("call 116");
    await axeBothWidths(owner);
    await owner.fill("#field-number", "116 321");
    await owner.fill("#field-name", "Samaritans helpline");
    await Promise.all([owner.waitForURL(/notice=lineSaved/), owner.click("text=Save this help line")]);
    const later = await browsers.newPage();
    await later.goto(url("/help-now?country=GB"));
    const uk = (await later.textContent(".help-country")) ?? "";
    expect(uk).toContain("Samaritans helpline");
    expect(uk).toContain("116 321");
  });
});
