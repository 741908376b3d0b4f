import { desc, eq } from "drizzle-orm";
import type { Database } from "../../../platform/db/database.ts";
import { clientConsents } from "./client.schema.ts";
import { type ConsentToAccept, consentDocumentsFor, consentsToAccept } from "./consent-documents.ts";
import type { LiveConsentDocuments } from "./live-consent-documents.ts";

/** The version of each document a client accepted last (one small query on the client's own rows). */
export async function lastAcceptedVersions(db: Database, clientId: string): Promise<Map<string, string>> {
  const rows = await db
    .selectDistinctOn([clientConsents.documentId], {
      documentId: clientConsents.documentId,
      version: clientConsents.version,
    })
    .from(clientConsents)
    .where(eq(clientConsents.clientId, clientId))
    .orderBy(clientConsents.documentId, desc(clientConsents.acceptedAt));
  return new Map(rows.map((row) => [row.documentId, row.version]));
}

/** Past this many clients remembered, the memory starts again (it only saves a query). */
const rememberedClients = 10_000;

/**
 * Whether a signed-in client must accept a new wording before their space (record 060). A client found
 * up to date is remembered with the settings' version (and whether they are in a couple), so their
 * later requests cost nothing until the practice's settings change.
 */
export class ConsentCheck {
  private readonly upToDate = new Map<string, string>();

  constructor(
    private readonly db: Database,
    private readonly documents: LiveConsentDocuments,
  ) {}

  async toAccept(client: { id: string; coupleId: string | null }): Promise<ConsentToAccept[]> {
    const inCouple = client.coupleId !== null;
    const key = `${this.documents.settingsVersion}:${inCouple}`;
    if (this.upToDate.get(client.id) === key) return [];
    const applicable = consentDocumentsFor(this.documents.current, { inCouple });
    const waiting = consentsToAccept(applicable, await lastAcceptedVersions(this.db, client.id));
    if (waiting.length === 0) {
      if (this.upToDate.size >= rememberedClients) this.upToDate.clear();
      this.upToDate.set(client.id, key);
    }
    return waiting;
  }
}
