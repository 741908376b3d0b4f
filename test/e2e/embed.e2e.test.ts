import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { type BrowserContext, chromium, type Frame, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectNoAxeViolations } from "./support/axe.ts";
import { chromiumArgs, chromiumPath } from "./support/browser.ts";
import { startTestServer } from "./support/haven-server.ts";

/**
 * A practice's own website, on another site than Haven: Haven listens on 127.0.0.1, the practice's page is
 * opened as http://localhost:<port> (allowed in HAVEN_EMBED_ORIGINS) or as http://elsewhere.test:<port>
 * (not allowed; Chromium resolves that name to 127.0.0.1). Its page frames the path in `?src=`.
 */
let havenUrl = "";
const practiceSite = http.createServer((request, response) => {
  const src = new URL(request.url ?? "/", "http://x").searchParams.get("src") ?? "/embed/book";
  response.setHeader("content-type", "text/html; charset=utf-8");
  response.end(`<!doctype html><html lang="en"><head><title>An example practice</title></head>
<body><main><h1>Book a consultation</h1>
<iframe src="${havenUrl}${src}" title="Book a free consultation" width="100%" height="900"></iframe>
</main></body></html>`);
});

let server: Awaited<ReturnType<typeof startTestServer>>;
let context: BrowserContext;
let profileDir: string;
let practicePort = 0;

beforeAll(async () => {
  await new Promise<void>((resolve) => practiceSite.listen(0, "127.0.0.1", resolve));
  practicePort = (practiceSite.address() as AddressInfo).port;
  server = await startTestServer({ HAVEN_EMBED_ORIGINS: `http://localhost:${practicePort}` });
  havenUrl = server.baseUrl;
  // Third-party cookies blocked by the browser's own setting (cookie_controls_mode 1: "Block third-party
  // cookies"), as in Safari and Firefox by default and in Chrome for many people.
  profileDir = fs.mkdtempSync(path.join(os.tmpdir(), "haven-e2e-profile-"));
  fs.mkdirSync(path.join(profileDir, "Default"));
  fs.writeFileSync(
    path.join(profileDir, "Default", "Preferences"),
    JSON.stringify({ profile: { cookie_controls_mode: 1 } }),
  );
  context = await chromium.launchPersistentContext(profileDir, {
    executablePath: chromiumPath,
    args: [...chromiumArgs, "--host-resolver-rules=MAP elsewhere.test 127.0.0.1"],
    timezoneId: "Australia/Sydney",
  });
});
afterAll(async () => {
  await context?.close();
  await server?.stop();
  practiceSite.close();
  if (profileDir) fs.rmSync(profileDir, { recursive: true, force: true });
});

/** The frame showing Haven inside the practice's page, once it has loaded. */
async function havenFrame(page: Page): Promise<Frame> {
  const element = await page.waitForSelector("iframe");
  const frame = await element.contentFrame();
  if (!frame) throw new Error("the iframe has no frame");
  await frame.waitForLoadState();
  return frame;
}

/** What the browser said about frames it refused, from the page's console. */
function refusals(page: Page): string[] {
  const messages: string[] = [];
  page.on("console", (message) => {
    if (/frame-ancestors/.test(message.text())) messages.push(message.text());
  });
  return messages;
}

describe("the booking page embedded in a practice's own site", () => {
  it("books inside a cross-site frame with third-party cookies blocked, sending and setting no cookie", async () => {
    const page = await context.newPage();
    const cookiesSent: string[] = [];
    const cookiesSet: string[] = [];
    page.on("request", async (request) => {
      if (!request.url().startsWith(havenUrl)) return;
      const cookie = (await request.allHeaders()).cookie;
      if (cookie) cookiesSent.push(`${request.url()}: ${cookie}`);
    });
    page.on("response", async (response) => {
      if (!response.url().startsWith(havenUrl)) return;
      const setCookie = (await response.allHeaders())["set-cookie"];
      if (setCookie) cookiesSet.push(`${response.url()}: ${setCookie}`);
    });
    try {
      await page.goto(`http://localhost:${practicePort}/`);
      let frame = await havenFrame(page);
      expect(await frame.textContent("h1")).toBe("Book a free consultation");
      expect(await frame.textContent(".embed-practice")).toBe("Haven demo practice");
      // The setting is in force: this frame cannot keep a cookie, even one that asks to be cross-site.
      const kept = await frame.evaluate(() => {
        // biome-ignore lint/suspicious/noDocumentCookie: the plainest way a page keeps a cookie, so the probe.
        document.cookie = "probe=1; SameSite=None; Secure; Path=/";
        return document.cookie;
      });
      expect(kept).toBe("");
      await expectNoAxeViolations(page);

      await frame.check("#kind-couple");
      await Promise.all([frame.waitForURL(/zone=Australia%2FSydney/), frame.click("text=See the times")]);
      frame = await havenFrame(page);
      const times = frame.locator("[data-week]:not([hidden]) .time-choice");
      if ((await times.count()) === 0)
        await frame.click("[data-week]:not([hidden]) >> text=Go to the next available time");
      await Promise.all([frame.waitForURL(/\/embed\/book\/details/), times.first().click()]);
      frame = await havenFrame(page);
      await expectNoAxeViolations(page);
      await frame.fill("#field-name", "Bea");
      await frame.fill("#field-email", "bea@example.org");
      await frame.check("#field-leaveMessage-no");
      await frame.check("#field-meeting-video");
      await frame.check("#field-adult-yes");
      await frame.check("#field-privacy-yes");
      await Promise.all([
        frame.waitForURL(/\/embed\/book\/manage\//),
        frame.click("text=Book the consultation"),
      ]);
      frame = await havenFrame(page);
      expect(await frame.textContent("main")).toContain("Your consultation is booked");
      expect(await frame.textContent("main")).toMatch(/Sydney time/);
      expect(page.url()).toBe(`http://localhost:${practicePort}/`);
      await expectNoAxeViolations(page);

      // The consultation's own page opens in a new tab, first-party, where it can be changed.
      const [full] = await Promise.all([
        context.waitForEvent("page"),
        frame.click("text=Open this page in a new tab"),
      ]);
      await full.waitForLoadState();
      expect(full.url()).toMatch(new RegExp(`^${havenUrl}/book/manage/`));
      expect(await full.textContent("main")).toContain("Add it to your calendar");
      expect(await full.locator(".site-header").count()).toBe(1);
      await full.close();

      expect(cookiesSent).toEqual([]);
      expect(cookiesSet).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it("is refused by the browser when framed by a site that is not allowed", async () => {
    const page = await context.newPage();
    const refused = refusals(page);
    try {
      await page.goto(`http://elsewhere.test:${practicePort}/`);
      const frame = await havenFrame(page);
      await expect.poll(() => refused.length).toBeGreaterThan(0);
      expect(refused[0]).toContain(`frame-ancestors http://localhost:${practicePort}`);
      expect(await frame.evaluate(() => document.body?.textContent ?? "").catch(() => "")).not.toContain(
        "Book a free consultation",
      );
    } finally {
      await page.close();
    }
  });

  it("refuses every other page of the site even to the allowed origin", async () => {
    const page = await context.newPage();
    const refused = refusals(page);
    try {
      await page.goto(`http://localhost:${practicePort}/?src=/book`);
      const frame = await havenFrame(page);
      await expect.poll(() => refused.length).toBeGreaterThan(0);
      expect(refused[0]).toContain("frame-ancestors 'none'");
      expect(await frame.evaluate(() => document.body?.textContent ?? "").catch(() => "")).not.toContain(
        "Book a free consultation",
      );
    } finally {
      await page.close();
    }
  });
});
