import { type Browser, chromium, type Page } from "playwright-core";

/** Debian's Chromium, started the way this machine needs (no downloads, no background traffic). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.HAVEN_CHROMIUM ?? "/usr/bin/chromium",
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
}

/** Presses Tab until the focused element matches, as a keyboard user would; fails if it never does. */
export async function tabTo(page: Page, matches: (el: Element) => boolean, maxPresses = 250): Promise<void> {
  const test = matches.toString();
  for (let i = 0; i < maxPresses; i++) {
    await page.keyboard.press("Tab");
    const found = await page.evaluate((source) => {
      const el = document.activeElement;
      // biome-ignore lint/security/noGlobalEval: the predicate is test code passed across the page boundary
      return el ? (0, eval)(`(${source})`)(el) : false;
    }, test);
    if (found) return;
  }
  throw new Error(`Tab never reached the element after ${maxPresses} presses`);
}
