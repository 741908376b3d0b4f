import type { Page } from "playwright-core";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { axeBothWidths, browsersForFile } from "./support/browsers.ts";
import { setUpTherapist } from "./support/practice-people.ts";

// The owner writes an article with an uploaded picture, previews it, schedules it a few seconds ahead, and
// the running server's job queue puts it on the site, in the feed and in the sitemap at its time. Then its
// address changes and the old one still leads there.

const browsers = browsersForFile();
const { url } = browsers;
let owner: Page;

/** The wall-clock time in the practice's zone, `seconds` from now, as a datetime-local value. */
function localTime(zone: string, seconds: number): string {
  const text = new Intl.DateTimeFormat("sv-SE", {
    timeZone: zone,
    dateStyle: "short",
    timeStyle: "medium",
  }).format(new Date(Date.now() + seconds * 1000));
  return text.replace(" ", "T");
}

const until = async (check: () => Promise<boolean>) => {
  while (!(await check())) await new Promise((resolve) => setTimeout(resolve, 500));
};

describe("an article written in the browser", () => {
  it("is written with an uploaded picture and previewed", async () => {
    owner = await browsers.newPage();
    await setUpTherapist(owner, browsers.server, {
      name: "Olive Oak",
      email: "olive@example.org",
      password: "a long quiet morning by the sea",
    });
    await owner.goto(url("/practice/articles/images"));
    await owner.fill("#field-alt", "Two shapes leaning toward each other");
    await owner.fill("#field-credit", "Photo by the practice");
    const jpeg = await sharp({ create: { width: 800, height: 500, channels: 3, background: "#557799" } })
      .jpeg()
      .toBuffer();
    await owner.setInputFiles("#field-file", { name: "shapes.jpg", mimeType: "image/jpeg", buffer: jpeg });
    await Promise.all([owner.waitForURL(/notice=uploaded/), owner.click("main button[type=submit]")]);
    await axeBothWidths(owner);

    await owner.goto(url("/practice/articles/new"));
    await owner.fill("#field-title", "Coming back to each other");
    await owner.fill("#field-slug", "coming-back");
    await owner.fill("#field-summary", "How two people find their way back after a hurt.");
    await owner.fill("#field-tags", "repair");
    await owner.selectOption("#field-heroSrc", { label: "Uploaded: Two shapes leaning toward each other" });
    await owner.fill("#field-heroAlt", "Two shapes leaning toward each other");
    await owner.fill("#field-heroCredit", "Photo by the practice");
    await owner.fill("#field-body", "It starts with being heard.\n\n## Small steps\n\nOne at a time.");
    await owner.click("button[value=preview]");
    await owner.waitForSelector(".article-preview");
    expect(await owner.locator(".article-preview h2#small-steps").count()).toBe(1);
    expect(await owner.locator(".article-preview picture source[type='image/avif']").count()).toBe(1);
    await axeBothWidths(owner);
  });

  it("is scheduled, and appears on the site, in the feed and in the sitemap at its time", async () => {
    const hint = (await owner.textContent("#field-publishAt-hint")) ?? "";
    const zone = /in ([A-Za-z_/+-]+)\./.exec(hint)?.[1] ?? "UTC";
    await owner.fill("#field-publishAt", localTime(zone, 8));
    await Promise.all([owner.waitForURL(/notice=scheduled/), owner.click("button[value=schedule]")]);
    const visitor = await browsers.newPage();
    expect((await visitor.goto(url("/articles/coming-back")))?.status()).toBe(404);

    await until(async () => (await visitor.goto(url("/articles/coming-back")))?.status() === 200);
    expect(await visitor.locator("h1").textContent()).toContain("Coming back to each other");
    const picture = visitor.locator(".article-hero picture img");
    expect(await picture.evaluate((img) => (img as HTMLImageElement).naturalWidth)).toBeGreaterThan(0);
    await axeBothWidths(visitor);
    const feed = await visitor.request.get(url("/feed.xml"));
    expect(await feed.text()).toContain("Coming back to each other");
    const map = await visitor.request.get(url("/sitemap.xml"));
    expect(await map.text()).toContain("/articles/coming-back</loc>");
  });

  it("keeps its old address working when its address changes", async () => {
    await owner.goto(url("/practice/articles"));
    await owner.click("text=Coming back to each other");
    await owner.fill("#field-slug", "finding-our-way-back");
    await Promise.all([owner.waitForURL(/notice=published/), owner.click("button[value=publish]")]);
    await axeBothWidths(owner);
    const visitor = await browsers.newPage();
    await visitor.goto(url("/articles/coming-back"));
    expect(new URL(visitor.url()).pathname).toBe("/articles/finding-our-way-back");
    expect(await visitor.locator("h1").textContent()).toContain("Coming back to each other");
  });
});
