import type { Database } from "../../../platform/db/database.ts";
import type { ConsentDocument } from "./consent-documents.ts";
import { consentDocumentVersions } from "./consent-version.schema.ts";

/**
 * Keeps the text of each consent document's current version (record 059); a version already kept is
 * left as it was, so two instances starting together, or a restart, add nothing.
 */
export async function recordConsentVersions(db: Database, documents: ConsentDocument[]): Promise<void> {
  if (documents.length === 0) return;
  await db
    .insert(consentDocumentVersions)
    .values(
      documents.map(({ id, version, title, markdown }) => ({ documentId: id, version, title, markdown })),
    )
    .onConflictDoNothing();
}
