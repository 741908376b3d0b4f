import { recordAudit } from "../../../platform/audit/record-audit.ts";
import type { Database } from "../../../platform/db/database.ts";
import { clientConsents } from "./client.schema.ts";
import { consentMessages as m } from "./client-messages.ts";
import type { ConsentToAccept } from "./consent-documents.ts";

export type AcceptNewConsentsResult = { ok: true } | { ok: false; errors: Record<string, string> };

/**
 * A client accepts the new wording of each document waiting for them (record 060). Each acceptance is a
 * new row pointing at the exact version shown; earlier acceptances are never changed. A wording that
 * changed while the page was open is not accepted: the client is shown the new one.
 */
export async function acceptNewConsents(
  db: Database,
  clientId: string,
  waiting: readonly ConsentToAccept[],
  input: { accepted: string[]; shownVersions: Record<string, string> },
  now = new Date(),
): Promise<AcceptNewConsentsResult> {
  const errors: Record<string, string> = {};
  for (const { document } of waiting) {
    const field = `consent-${document.id}`;
    if (input.shownVersions[document.id] !== document.version) errors[field] = m.changedWhileReading;
    else if (!input.accepted.includes(document.id)) errors[field] = m.acceptMissing;
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  if (waiting.length === 0) return { ok: true };
  await db.transaction(async (tx) => {
    await tx.insert(clientConsents).values(
      waiting.map(({ document }) => ({
        clientId,
        documentId: document.id,
        version: document.version,
        acceptedAt: now,
      })),
    );
    const subject = `client:${clientId}`;
    await recordAudit(tx, {
      actor: subject,
      action: "client.consents-accepted",
      subject,
      detail: { documents: waiting.map(({ document }) => `${document.id}@${document.version}`).join(" ") },
    });
  });
  return { ok: true };
}
