import { and, eq, gt, isNull } from "drizzle-orm";
import { recordAudit } from "../../../platform/audit/record-audit.ts";
import type { Database } from "../../../platform/db/database.ts";
import { hashOneTimeToken } from "../../../platform/security/one-time-token.ts";
import { clientConsents, clientInvitations, clients } from "./client.schema.ts";
import { consentMessages, clientMessages as m } from "./client-messages.ts";
import { type ConsentDocument, consentDocumentsFor } from "./consent-documents.ts";

/** The invitation a link belongs to, if it can still be accepted. Reading it changes nothing. */
export async function openInvitation(
  db: Database,
  token: string,
  now = new Date(),
): Promise<{ invitationId: string; clientId: string; coupleId: string | null } | undefined> {
  const [row] = await db
    .select({
      invitationId: clientInvitations.id,
      clientId: clientInvitations.clientId,
      coupleId: clients.coupleId,
    })
    .from(clientInvitations)
    .innerJoin(clients, eq(clients.id, clientInvitations.clientId))
    .where(
      and(
        eq(clientInvitations.tokenHash, hashOneTimeToken(token)),
        isNull(clientInvitations.acceptedAt),
        gt(clientInvitations.expiresAt, now),
        eq(clients.status, "invited"),
      ),
    );
  return row;
}

const { changedWhileReading } = consentMessages;

export type AcceptanceErrors = Record<string, string>;
export type AcceptResult =
  | { ok: true; clientId: string }
  | { ok: false; errors: AcceptanceErrors }
  | { ok: false; unusable: true };

/** The consent documents this invitation's person is asked to accept (a partner's policy only in a couple). */
export const documentsForInvitation = (
  invitation: { coupleId: string | null },
  documents: readonly ConsentDocument[],
): ConsentDocument[] => consentDocumentsFor(documents, { inCouple: invitation.coupleId !== null });

/**
 * Accepting: the person confirms they are 18 or over and accepts each consent document that applies
 * to them (the version they were shown is recorded, and must still be the current one). The invitation is used up in the same transaction, so
 * a double-click or a second tab cannot accept twice.
 */
export async function acceptInvitation(
  db: Database,
  input: { token: string; adult: boolean; accepted: string[]; shownVersions: Record<string, string> },
  allDocuments: readonly ConsentDocument[],
  now = new Date(),
): Promise<AcceptResult> {
  const opened = await openInvitation(db, input.token, now);
  if (!opened) return { ok: false, unusable: true };
  const documents = documentsForInvitation(opened, allDocuments);
  const errors: AcceptanceErrors = {};
  for (const document of documents) {
    const field = `consent-${document.id}`;
    // The version recorded must be the one read: a wording changed while the page was open is shown again.
    if (input.shownVersions[document.id] !== document.version) errors[field] = changedWhileReading;
    else if (!input.accepted.includes(document.id)) errors[field] = m.acceptMissing;
  }
  if (!input.adult) errors.adult = m.adultMissing;
  if (Object.keys(errors).length > 0) return { ok: false, errors };

  return db.transaction(async (tx) => {
    const invitation = await openInvitation(tx, input.token, now);
    if (!invitation) return { ok: false as const, unusable: true as const };
    const used = await tx
      .update(clientInvitations)
      .set({ acceptedAt: now })
      .where(and(eq(clientInvitations.id, invitation.invitationId), isNull(clientInvitations.acceptedAt)))
      .returning({ id: clientInvitations.id });
    if (used.length === 0) return { ok: false as const, unusable: true as const };
    await tx
      .update(clients)
      .set({ status: "active", adultConfirmedAt: now })
      .where(eq(clients.id, invitation.clientId));
    await tx.insert(clientConsents).values(
      documents.map((document) => ({
        clientId: invitation.clientId,
        documentId: document.id,
        version: document.version,
        acceptedAt: now,
      })),
    );
    const subject = `client:${invitation.clientId}`;
    await recordAudit(tx, { actor: subject, action: "client.invitation-accepted", subject });
    return { ok: true as const, clientId: invitation.clientId };
  });
}
