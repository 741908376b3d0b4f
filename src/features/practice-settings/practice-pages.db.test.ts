import { eq, sql } from "drizzle-orm";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { submitForm, withoutFormTokens } from "../../../test/support/forms.ts";
import { addTherapist, signInTherapist } from "../../../test/support/people.ts";
import { createTestApp, type TestApp } from "../../../test/support/test-app.ts";
import { auditLog } from "../../platform/audit/audit.schema.ts";
import { loadStartupFiles } from "../../startup/load-startup-files.ts";
import { prepareApp } from "../../startup/prepare-app.ts";
import { pageEditMessages as m } from "./page-messages.ts";
import { practiceSettings } from "./practice-settings.schema.ts";
import { pageTextLimit } from "./practice-settings.types.ts";
import { importPracticeSettings, readPracticeSettings, storedSettingsVersion } from "./settings-store.ts";

let t: TestApp;
let ownerCookie: string;
let otherCookie: string;

beforeAll(async () => {
  t = await createTestApp();
  ownerCookie = await signInTherapist(t, await addTherapist(t, "Otto Oak", "otto@example.org"));
  otherCookie = await signInTherapist(t, await addTherapist(t, "Tess Teak", "tess@example.org"));
});
afterAll(() => t.close());

const get = (url: string, cookie?: string) => t.app.inject({ url, headers: cookie ? { cookie } : {} });
const privacyEditor = "/practice/settings/pages/privacy";
const post = async (page: string, fields: Record<string, string>) =>
  submitForm(t.app, {
    page,
    cookie: ownerCookie,
    fields: { version: String(await storedSettingsVersion(t.handle.db)), ...fields },
  });

describe("the privacy and accessibility pages, edited in the browser", () => {
  it("starts from the files: the stored Markdown is the privacy file's", async () => {
    const stored = await readPracticeSettings(t.handle.db);
    const files = loadStartupFiles(t.config);
    expect(stored?.settings.pageTexts?.privacy).toBe(files.pageTexts.privacy.trim());
    const editor = await get(privacyEditor, ownerCookie);
    expect(editor.statusCode).toBe(200);
    expect(editor.headers["cache-control"]).toContain("no-store");
  });

  it("previews without saving, then saves: /privacy shows it at once, and the audit holds no text", async () => {
    const before = await storedSettingsVersion(t.handle.db);
    const text = "# Our privacy\n\nWe keep **very little** about you.";
    const preview = await post(privacyEditor, { text, intent: "preview" });
    expect(preview.statusCode).toBe(200);
    expect(preview.body).toContain("<strong>very little</strong>");
    expect(preview.body).toContain(m.previewHeading);
    expect(await storedSettingsVersion(t.handle.db)).toBe(before);
    expect((await get("/privacy")).body).not.toContain("very little");

    const saved = await post(privacyEditor, { text, intent: "save" });
    expect(saved.statusCode).toBe(303);
    expect(saved.headers.location).toBe(`${privacyEditor}?notice=saved`);
    expect((await get("/privacy")).body).toContain("<strong>very little</strong>");
    expect((await get("/accessibility")).body).not.toContain("very little");
    const [audit] = await t.handle.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, "practice.settings.saved"));
    expect(audit?.detail).toMatchObject({ part: "page.privacy" });
    expect(JSON.stringify(audit)).not.toContain("very little");
  });

  it("refuses an empty or over-long page beside the field, keeps the words and stores nothing", async () => {
    const before = await readPracticeSettings(t.handle.db);
    const empty = await post("/practice/settings/pages/accessibility", { text: "   ", intent: "save" });
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain(m.empty);
    const long = `${"Accessible words. ".repeat(Math.ceil(pageTextLimit / 18))}`;
    const tooLong = await post("/practice/settings/pages/accessibility", { text: long, intent: "save" });
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.body).toContain("longer than Haven keeps");
    expect(tooLong.body).toContain("Accessible words. Accessible words.");
    expect(await readPracticeSettings(t.handle.db)).toEqual(before);
  });

  it("is the owner's only: another therapist gets the same 404 as the settings page", async () => {
    const settingsPage = await get("/practice/settings", otherCookie);
    const editor = await get(privacyEditor, otherCookie);
    expect(editor.statusCode).toBe(404);
    expect(withoutFormTokens(editor.body)).toBe(withoutFormTokens(settingsPage.body));
    const posted = await t.app.inject({
      method: "POST",
      url: privacyEditor,
      headers: { cookie: otherCookie, "sec-fetch-site": "same-origin" },
      payload: { text: "Taken over", intent: "save" },
    });
    expect(posted.statusCode).toBe(404);
    expect((await get("/practice/settings/pages/terms", ownerCookie)).statusCode).toBe(404);
  });

  it("reaches a second instance on the same database at its next check", async () => {
    const second = await prepareApp(t.handle, t.config, loadStartupFiles(t.config), {
      freshEmbedded: false,
      logger: pino({ level: "silent" }),
    });
    try {
      expect((await second.inject({ url: "/accessibility" })).body).not.toContain("Step-free");
      const saved = await post("/practice/settings/pages/accessibility", {
        text: "# Accessibility\n\nStep-free entrance, and a quiet room.",
        intent: "save",
      });
      expect(saved.statusCode).toBe(303);
      expect((await second.inject({ url: "/accessibility" })).body).not.toContain("Step-free");
      expect(await second.practiceSettings.refresh()).toBe(true);
      expect((await second.inject({ url: "/accessibility" })).body).toContain("Step-free entrance");
    } finally {
      await second.close();
    }
  });

  it("gives settings stored before the pages were the files' pages once, and never overwrites an edit", async () => {
    const files = loadStartupFiles(t.config);
    const fromFiles = { ...files.practice, pageTexts: files.pageTexts };
    const edited = (await readPracticeSettings(t.handle.db))?.settings.pageTexts?.accessibility;
    expect(edited).toContain("Step-free entrance");
    expect((await importPracticeSettings(t.handle.db, fromFiles)).settings.pageTexts?.accessibility).toBe(
      edited,
    );

    await t.handle.db
      .update(practiceSettings)
      .set({ settings: sql`${practiceSettings.settings} - 'pageTexts'` })
      .where(eq(practiceSettings.id, 1));
    const before = await storedSettingsVersion(t.handle.db);
    const upgraded = await importPracticeSettings(t.handle.db, fromFiles);
    expect(upgraded.settings.pageTexts?.privacy).toBe(files.pageTexts.privacy.trim());
    expect(upgraded.version).toBe((before ?? 0) + 1);
    expect((await importPracticeSettings(t.handle.db, fromFiles)).version).toBe(upgraded.version);
  });
});
