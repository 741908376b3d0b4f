import { describe, expect, it } from "vitest";
import { axeBothWidths, browsersForFile } from "./support/browsers.ts";
import { setUpTherapist } from "./support/practice-people.ts";

// The owner rewrites the privacy page in the browser: previews it (rendered on the server), saves it,
// and a visitor reads the new page at once. The editor passes axe on a phone and a desktop.

const browsers = browsersForFile();
const { url } = browsers;

describe("the privacy page written in the browser", () => {
  it("is previewed, saved and shown to visitors at once", async () => {
    const owner = await browsers.newPage();
    await setUpTherapist(owner, browsers.server, {
      name: "Olive Oak",
      email: "olive@example.org",
      password: "a long quiet morning by the sea",
    });
    await owner.goto(url("/practice/settings"));
    await Promise.all([owner.waitForURL(/pages\/privacy$/), owner.click("a[href$='/pages/privacy']")]);
    await axeBothWidths(owner);

    await owner.fill(
      "#field-text",
      "# Privacy\n\nWe keep **only what we need**.\n\n- Your name\n- Your email",
    );
    await owner.click("button[value=preview]");
    await owner.waitForSelector("#preview-heading");
    expect(await owner.locator(".card .article-body strong").textContent()).toBe("only what we need");
    await axeBothWidths(owner);

    await Promise.all([owner.waitForURL(/notice=saved/), owner.click("button[value=save]")]);
    await axeBothWidths(owner);

    const visitor = await browsers.newPage();
    await visitor.goto(url("/privacy"));
    expect(await visitor.locator(".article-body strong").textContent()).toBe("only what we need");
    expect(await visitor.locator(".article-body li").count()).toBe(2);
  });
});
