import path from "node:path";
import type { Page } from "playwright-core";
import { expect } from "vitest";
import { totpCodeAt } from "../../../src/features/accounts/second-factor/totp.ts";
import { readOutbox } from "../../support/outbox.ts";
import { expectNoAxeViolations } from "./axe.ts";

// The people of a browser test, made the way the practice makes them: the therapist through the set-up
// link and a second step, clients through their emailed invitations.

type Server = { baseUrl: string; dataDir: string; setupPath?: string | undefined };

/** The newest link of a kind mailed to an address, once the job queue has sent it. */
export async function mailedLink(server: Server, to: string, prefix: string): Promise<string> {
  for (let attempt = 0; attempt < 200; attempt++) {
    const mail = readOutbox(path.join(server.dataDir, "outbox"))
      .filter((m) => m.to.includes(to))
      .at(-1);
    const found = mail && new RegExp(`https?://[^\\s]+?(${prefix}/[\\w-]+)`).exec(mail.text)?.[1];
    if (found) return found;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`no ${prefix} link reached ${to}`);
}

/** The first therapist sets up the practice from the set-up link, with a second step. */
export async function setUpTherapist(
  page: Page,
  server: Server,
  person: { name: string; email: string; password: string },
): Promise<void> {
  expect(server.setupPath).toBeDefined();
  await page.goto(`${server.baseUrl}${server.setupPath}`);
  await page.fill("#field-displayName", person.name);
  await page.fill("#field-email", person.email);
  await page.fill("#field-password", person.password);
  await Promise.all([page.waitForURL("**/account/two-step"), page.click("main button[type=submit]")]);
  await expectNoAxeViolations(page);
  const key = ((await page.textContent(".secret-key")) ?? "").replace(/\s/g, "");
  await page.fill("#field-code", totpCodeAt(key, new Date()));
  await page.click("main button[type=submit]");
  await page.waitForSelector(".recovery-codes");
  expect(await page.locator(".recovery-codes li").count()).toBe(10);
  await Promise.all([page.waitForURL("**/practice"), page.click("text=continue")]);
}

/** The therapist invites two people as a couple. */
export async function inviteCouple(
  page: Page,
  server: Server,
  first: { name: string; email: string },
  second: { name: string; email: string },
): Promise<void> {
  await page.goto(`${server.baseUrl}/practice/invite`);
  await page.check("#kind-couple");
  await page.fill("#field-firstName", first.name);
  await page.fill("#field-firstEmail", first.email);
  await page.fill("#field-secondName", second.name);
  await page.fill("#field-secondEmail", second.email);
  await Promise.all([
    page.waitForURL("**/practice?notice=invited-2"),
    page.click("main button[type=submit]"),
  ]);
}

/** A client opens their invitation, accepts the consents and arrives in their space. */
export async function acceptInvitation(page: Page, server: Server, email: string): Promise<void> {
  await page.goto(`${server.baseUrl}${await mailedLink(server, email, "/welcome")}`);
  await expectNoAxeViolations(page);
  for (const box of await page.locator('input[name="accept"]').all()) await box.check();
  await page.check('input[name="adult"]');
  await Promise.all([page.waitForURL("**/my"), page.click("main button[type=submit]")]);
}
