import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll } from "vitest";
import { expectNoAxeViolations } from "./axe.ts";
import { launchChromium } from "./browser.ts";
import { startTestServer } from "./haven-server.ts";

/** What a browser context is opened with: a zone, a viewport, JavaScript off, and so on. */
export type ContextOptions = Parameters<Browser["newContext"]>[0];

/**
 * One Haven and one Chromium for a test file, with a fresh browser context (cookies of its own) per
 * person: the therapist and each partner sign in side by side (newPage), or one for a single test
 * (withPage). Registers its own beforeAll/afterAll; a file's own beforeAll, registered after, runs after.
 */
export function browsersForFile(env: Record<string, string> = {}) {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  beforeAll(async () => {
    // Side by side: each takes a second or two, and neither needs the other to start. Whichever started
    // is kept even when the other failed, so afterAll still stops it.
    const [started, launched] = await Promise.allSettled([startTestServer(env), launchChromium()]);
    if (started.status === "fulfilled") server = started.value;
    if (launched.status === "fulfilled") browser = launched.value;
    for (const outcome of [started, launched]) if (outcome.status === "rejected") throw outcome.reason;
  });
  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await server?.stop();
  });
  return {
    get server() {
      return server;
    },
    get baseUrl() {
      return server.baseUrl;
    },
    /** For a file that opens its contexts itself; they close with the browser at the end at the latest. */
    get browser() {
      return browser;
    },
    url: (pathname: string) => `${server.baseUrl}${pathname}`,
    async newPage(): Promise<Page> {
      const context = await browser.newContext();
      contexts.push(context);
      return context.newPage();
    },
    /** A page in a context of its own for one test, closed when `use` ends, so nothing carries over. */
    async withPage<T>(options: ContextOptions, use: (page: Page, context: BrowserContext) => Promise<T>) {
      const context = await browser.newContext(options);
      try {
        return await use(await context.newPage(), context);
      } finally {
        await context.close();
      }
    },
  };
}

/** axe at a phone's width and a desktop's: the client pages are read on both. */
export async function axeBothWidths(page: Page) {
  await page.setViewportSize({ width: 360, height: 740 });
  await expectNoAxeViolations(page);
  await page.setViewportSize({ width: 1280, height: 720 });
  await expectNoAxeViolations(page);
}
