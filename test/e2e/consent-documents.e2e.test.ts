import { describe, expect, it } from "vitest";
import { axeBothWidths, browsersForFile } from "./support/browsers.ts";
import { acceptInvitation, inviteCouple, setUpTherapist } from "./support/practice-people.ts";

// The owner rewrites the policy on secrets between partners in the browser; a partner who accepted the
// earlier wording is asked, at their next page, to read and accept the new one, then reaches their space.
// Both pages pass axe on a phone and a desktop (records 059 and 060).

const browsers = browsersForFile();
const { url } = browsers;

describe("a consent document changed in the browser", () => {
  it("is accepted again by a partner before their space", async () => {
    const owner = await browsers.newPage();
    await setUpTherapist(owner, browsers.server, {
      name: "Olive Oak",
      email: "olive@example.org",
      password: "a long quiet morning by the sea",
    });
    await inviteCouple(
      owner,
      browsers.server,
      { name: "Ada Ash", email: "ada@example.org" },
      { name: "Ben Beech", email: "ben@example.org" },
    );
    const ada = await browsers.newPage();
    await acceptInvitation(ada, browsers.server, "ada@example.org");

    await owner.goto(url("/practice/settings"));
    await Promise.all([
      owner.waitForURL(/consent\/secrets-between-partners$/),
      owner.click("a[href$='/consent/secrets-between-partners']"),
    ]);
    await axeBothWidths(owner);
    await owner.fill(
      "#field-text",
      "# Secrets between partners\n\nWhat you tell us alone **stays with us**.\n",
    );
    await Promise.all([owner.waitForURL(/notice=saved/), owner.click("button[value=save]")]);

    await ada.goto(url("/my"));
    await ada.waitForURL(/\/my\/consent$/);
    expect(await ada.locator(".article-body strong").textContent()).toBe("stays with us");
    await axeBothWidths(ada);
    await ada.check('input[name="accept"][value="secrets-between-partners"]');
    await Promise.all([ada.waitForURL(/\/my$/), ada.click("main button[type=submit]")]);
    expect(await ada.locator("h1").textContent()).toBe("Your space");
  });
});
