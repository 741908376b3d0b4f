import { asc, eq, sql } from "drizzle-orm";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { submitForm, withoutFormTokens } from "../../../test/support/forms.ts";
import { addClients, addTherapist, signInTherapist } from "../../../test/support/people.ts";
import { createTestApp, type TestApp } from "../../../test/support/test-app.ts";
import { auditLog } from "../../platform/audit/audit.schema.ts";
import { loadStartupFiles } from "../../startup/load-startup-files.ts";
import { prepareApp } from "../../startup/prepare-app.ts";
import { clientConsents } from "../accounts/clients/client.schema.ts";
import { consentVersionOf } from "../accounts/clients/consent-documents.ts";
import { consentDocumentVersions } from "../accounts/clients/consent-version.schema.ts";
import { consentEditMessages as c, pageEditMessages as m } from "./page-messages.ts";
import { practiceSettings } from "./practice-settings.schema.ts";
import { pageTextLimit } from "./practice-settings.types.ts";
import { importPracticeSettings, readPracticeSettings, storedSettingsVersion } from "./settings-store.ts";

let t: TestApp;
let ownerCookie: string;
let otherCookie: string;
let ownerId: string;

beforeAll(async () => {
  t = await createTestApp();
  const owner = await addTherapist(t, "Otto Oak", "otto@example.org");
  ownerId = owner.id;
  ownerCookie = await signInTherapist(t, owner);
  otherCookie = await signInTherapist(t, await addTherapist(t, "Tess Teak", "tess@example.org"));
});
afterAll(() => t.close());

const editor = "/practice/settings/consent/not-monitored";
const get = (url: string, cookie?: string) => t.app.inject({ url, headers: cookie ? { cookie } : {} });
const post = async (fields: Record<string, string>, version?: number) =>
  submitForm(t.app, {
    page: editor,
    cookie: ownerCookie,
    fields: { version: String(version ?? (await storedSettingsVersion(t.handle.db))), ...fields },
  });
const versionsOf = (documentId: string) =>
  t.handle.db
    .select()
    .from(consentDocumentVersions)
    .where(eq(consentDocumentVersions.documentId, documentId))
    .orderBy(asc(consentDocumentVersions.createdAt));
const fileText = () => {
  const document = loadStartupFiles(t.config).consentDocuments.find((d) => d.id === "not-monitored");
  if (!document) throw new Error("no such document");
  return document;
};

describe("the consent documents, edited in the browser", () => {
  it("starts from the files, untrimmed, so the version clients accepted stays the same", async () => {
    const stored = await readPracticeSettings(t.handle.db);
    expect(stored?.settings.consentTexts?.["not-monitored"]).toBe(fileText().markdown);
    const page = await get(editor, ownerCookie);
    expect(page.statusCode).toBe(200);
    expect(page.headers["cache-control"]).toContain("no-store");
    expect(page.body).toContain(c.saveWarning);
    const settingsPage = await get("/practice/settings", ownerCookie);
    expect(settingsPage.body).toContain(`href="${editor}"`);
  });

  it("is the owner's only: another therapist gets the settings page's 404, and so does an unknown document", async () => {
    const settingsPage = await get("/practice/settings", otherCookie);
    const other = await get(editor, otherCookie);
    expect(other.statusCode).toBe(404);
    expect(withoutFormTokens(other.body)).toBe(withoutFormTokens(settingsPage.body));
    expect((await get("/practice/settings/consent/terms", ownerCookie)).statusCode).toBe(404);
  });

  it("refuses an empty or over-long text beside the field, keeps the words and stores nothing", async () => {
    const before = await readPracticeSettings(t.handle.db);
    const empty = await post({ text: " \n  ", intent: "save" });
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain(c.empty);
    expect(empty.body).toMatch(/id="field-text-error"/);
    const long = "Words we agree on. ".repeat(Math.ceil(pageTextLimit / 19) + 1);
    const tooLong = await post({ text: long, intent: "save" });
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.body).toContain("longer than Haven keeps");
    expect(tooLong.body).toContain("Words we agree on. Words we agree on.");
    expect(await readPracticeSettings(t.handle.db)).toEqual(before);
    expect(await versionsOf("not-monitored")).toHaveLength(1);
  });

  it("saves the same words from a browser (CRLF line breaks) as the same version: nobody is asked again", async () => {
    const same = fileText().markdown.replace(/\n/g, "\r\n");
    const saved = await post({ text: same, intent: "save" });
    expect(saved.statusCode).toBe(303);
    expect(saved.headers.location).toBe(`${editor}?notice=unchanged`);
    expect(await versionsOf("not-monitored")).toHaveLength(1);
  });

  it("previews without saving, then saves a new version with its words, in the same change as the settings", async () => {
    const [ada] = await addClients(t, ownerId, [{ name: "Ada Ash", email: "ada@example.org" }]);
    if (!ada) throw new Error("no client");
    const acceptedBefore = await t.handle.db
      .select()
      .from(clientConsents)
      .where(eq(clientConsents.clientId, ada.id));
    expect(acceptedBefore.length).toBeGreaterThan(0);

    const text = "# Not monitored\n\nNobody reads this space **as you write**.\n";
    const before = await storedSettingsVersion(t.handle.db);
    const preview = await post({ text, intent: "preview" });
    expect(preview.statusCode).toBe(200);
    expect(preview.body).toContain("<strong>as you write</strong>");
    expect(await storedSettingsVersion(t.handle.db)).toBe(before);

    const saved = await post({ text, intent: "save" });
    expect(saved.statusCode).toBe(303);
    expect(saved.headers.location).toBe(`${editor}?notice=saved`);
    expect((await get(`${editor}?notice=saved`, ownerCookie)).body).toContain(c.saved);
    const versions = await versionsOf("not-monitored");
    expect(versions.map((row) => row.version)).toEqual([fileText().version, consentVersionOf(text)]);
    expect(versions[1]?.markdown).toBe(text);
    expect((await readPracticeSettings(t.handle.db))?.settings.consentTexts?.["not-monitored"]).toBe(text);
    // What Ada accepted is untouched: her rows still point at the words she read.
    expect(
      await t.handle.db.select().from(clientConsents).where(eq(clientConsents.clientId, ada.id)),
    ).toEqual(acceptedBefore);
    const audits = await t.handle.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, "practice.settings.saved"));
    expect(audits.map((row) => row.detail)).toContainEqual(
      expect.objectContaining({ part: "consent.not-monitored" }),
    );
    expect(JSON.stringify(audits)).not.toContain("as you write");
  });

  it("answers 409 to a save made from an older version, keeps the words, and stores nothing", async () => {
    const stale = (await storedSettingsVersion(t.handle.db)) ?? 0;
    await post({ text: "# Not monitored\n\nA newer wording.\n", intent: "save" }, stale);
    const before = await readPracticeSettings(t.handle.db);
    const versions = (await versionsOf("not-monitored")).length;
    const late = await post({ text: "# Not monitored\n\nAn older tab's wording.\n", intent: "save" }, stale);
    expect(late.statusCode).toBe(409);
    expect(late.body).toContain(m.changedMeanwhile);
    expect(late.body).toContain("An older tab's wording.");
    expect(await readPracticeSettings(t.handle.db)).toEqual(before);
    expect(await versionsOf("not-monitored")).toHaveLength(versions);
  });

  it("reaches a second instance at its next check: its clients are asked there too", async () => {
    const second = await prepareApp(t.handle, t.config, loadStartupFiles(t.config), {
      freshEmbedded: false,
      logger: pino({ level: "silent" }),
    });
    try {
      const [bo] = await addClients(t, ownerId, [{ name: "Bo Birch", email: "bo@example.org" }]);
      if (!bo) throw new Error("no client");
      const open = () => second.inject({ url: "/my", headers: { cookie: bo.cookie } });
      expect((await open()).statusCode).toBe(200);
      await post({ text: "# Not monitored\n\nSaved on the first instance.\n", intent: "save" });
      expect(await second.practiceSettings.refresh()).toBe(true);
      const asked = await open();
      expect(asked.statusCode).toBe(303);
      expect(asked.headers.location).toBe("/my/consent");
      const page = await second.inject({ url: "/my/consent", headers: { cookie: bo.cookie } });
      expect(page.body).toContain("Saved on the first instance.");
    } finally {
      await second.close();
    }
  });

  it("gives settings stored before the consent texts were the files' texts once, and never overwrites an edit", async () => {
    const files = loadStartupFiles(t.config);
    const fromFiles = {
      ...files.practice,
      consentTexts: Object.fromEntries(files.consentDocuments.map((d) => [d.id, d.markdown])),
    };
    const edited = (await readPracticeSettings(t.handle.db))?.settings.consentTexts?.["not-monitored"];
    expect(edited).toContain("Saved on the first instance.");
    const again = await importPracticeSettings(t.handle.db, fromFiles);
    expect(again.settings.consentTexts?.["not-monitored"]).toBe(edited);

    await t.handle.db
      .update(practiceSettings)
      .set({ settings: sql`${practiceSettings.settings} - 'consentTexts'` })
      .where(eq(practiceSettings.id, 1));
    const before = await storedSettingsVersion(t.handle.db);
    const upgraded = await importPracticeSettings(t.handle.db, fromFiles);
    expect(upgraded.settings.consentTexts?.["not-monitored"]).toBe(fileText().markdown);
    expect(upgraded.version).toBe((before ?? 0) + 1);
    expect((await importPracticeSettings(t.handle.db, fromFiles)).version).toBe(upgraded.version);
  });
});
