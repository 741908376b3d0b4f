import { recordAudit } from "../../../platform/audit/record-audit.ts";
import type { Database } from "../../../platform/db/database.ts";
import type { ClientDataTable } from "../../../platform/privacy/client-data.ts";
import type { KeyRing } from "../../../platform/security/field-encryption.ts";

export type ClientExport = {
  generatedAt: string;
  sections: { table: string; title: string; rows: Record<string, unknown>[] }[];
};

/**
 * Everything Haven holds about one client, from every registered table: their own rows only (never
 * the partner's), decrypted. Safety answers are not registered for export: the therapist releases
 * them after checking identity. Each showing is recorded in the audit log, named for what happened: seen
 * on the page (`client.data-viewed`) or downloaded as a file (`client.exported`).
 */
export async function exportClientData(
  db: Database,
  ring: KeyRing,
  tables: ClientDataTable[],
  clientId: string,
  how: "viewed" | "downloaded",
  now = new Date(),
): Promise<ClientExport> {
  const sections = [];
  for (const table of tables) {
    if (table.export)
      sections.push({ table: table.table, title: table.title, rows: await table.export(db, ring, clientId) });
  }
  const subject = `client:${clientId}`;
  await recordAudit(db, {
    actor: subject,
    action: how === "viewed" ? "client.data-viewed" : "client.exported",
    subject,
  });
  return { generatedAt: now.toISOString(), sections };
}
