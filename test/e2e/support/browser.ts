import { type Browser, chromium, type Page } from "playwright-core";

export const chromiumPath = process.env.HAVEN_CHROMIUM ?? "/usr/bin/chromium";

/** How this machine needs Chromium started: no downloads, no background traffic. */
export const chromiumArgs = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

/** Debian's Chromium, started the way this machine needs. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
}

/** Presses Tab until the focused element matches, as a keyboard user would; fails if it never does. */
export async function tabTo(page: Page, matches: (el: Element) => boolean, maxPresses = 250): Promise<void> {
  for (let i = 0; i < maxPresses; i++) {
    await page.keyboard.press("Tab");
    const focused = await page.evaluateHandle(() => document.activeElement ?? document.body);
    // Playwright sends the predicate's source to the page and calls it there with the element.
    if (await focused.evaluate(matches)) return;
  }
  throw new Error(`Tab never reached the element after ${maxPresses} presses`);
}
