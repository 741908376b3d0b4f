import { createHash } from "node:crypto";
import { and, asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addClients, addTherapist } from "../../../../test/support/people.ts";
import { createTestApp, type TestApp } from "../../../../test/support/test-app.ts";
import { loadStartupFiles } from "../../../startup/load-startup-files.ts";
import { clientConsents } from "./client.schema.ts";
import { consentDocumentVersions } from "./consent-version.schema.ts";
import { recordConsentVersions } from "./record-consent-versions.ts";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const versionsOf = (documentId: string) =>
  t.handle.db
    .select()
    .from(consentDocumentVersions)
    .where(eq(consentDocumentVersions.documentId, documentId))
    .orderBy(asc(consentDocumentVersions.createdAt));

describe("the consent documents' versions, kept with their words", () => {
  it("keeps each document's text from the files at start, once however often it starts", async () => {
    const documents = loadStartupFiles(t.config).consentDocuments;
    await recordConsentVersions(t.handle.db, documents);
    for (const document of documents) {
      const rows = await versionsOf(document.id);
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ version: document.version, markdown: document.markdown });
    }
  });

  it("adds a changed text as a new version and keeps the old one a client accepted", async () => {
    const [document] = loadStartupFiles(t.config).consentDocuments;
    if (!document) throw new Error("the practice has no consent documents");
    const therapist = await addTherapist(t, "Tess Teak", "tess@example.org");
    const [ada] = await addClients(t, therapist.id, [{ name: "Ada Ash", email: "ada@example.org" }]);
    if (!ada) throw new Error("no client");
    await t.handle.db
      .insert(clientConsents)
      .values({ clientId: ada.id, documentId: document.id, version: document.version });

    const markdown = `${document.markdown}\n\nOne more sentence.\n`;
    const version = createHash("sha256").update(markdown).digest("hex").slice(0, 16);
    await recordConsentVersions(t.handle.db, [{ ...document, markdown, version }]);

    const rows = await versionsOf(document.id);
    expect(rows.map((row) => row.version)).toEqual([document.version, version]);
    const [accepted] = await t.handle.db
      .select({ markdown: consentDocumentVersions.markdown })
      .from(clientConsents)
      .innerJoin(
        consentDocumentVersions,
        and(
          eq(consentDocumentVersions.documentId, clientConsents.documentId),
          eq(consentDocumentVersions.version, clientConsents.version),
        ),
      )
      .where(eq(clientConsents.clientId, ada.id));
    expect(accepted?.markdown).toBe(document.markdown);
    expect(accepted?.markdown).not.toContain("One more sentence.");
  });
});
