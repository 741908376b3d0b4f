import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll } from "vitest";
import { expectNoAxeViolations } from "./axe.ts";
import { launchChromium } from "./browser.ts";
import { startTestServer } from "./haven-server.ts";

/**
 * One Haven and one Chromium for a test file, with a fresh browser context (cookies of its own) per
 * person: the therapist and each partner sign in side by side. Registers its own beforeAll/afterAll.
 */
export function browsersForFile(env: Record<string, string> = {}) {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  beforeAll(async () => {
    server = await startTestServer(env);
    browser = await launchChromium();
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
    url: (pathname: string) => `${server.baseUrl}${pathname}`,
    async newPage(): Promise<Page> {
      const context = await browser.newContext();
      contexts.push(context);
      return context.newPage();
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
