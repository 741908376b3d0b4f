import { and, eq, gt, inArray, isNull, sql } from "drizzle-orm";
import { recordAudit } from "../../../platform/audit/record-audit.ts";
import type { Database } from "../../../platform/db/database.ts";
import { queueEmail } from "../../../platform/mail/email-job.ts";
import { neutralSubjects } from "../../../platform/mail/neutral-subjects.ts";
import { plainEmail } from "../../../platform/mail/plain-email.ts";
import type { KeyRing } from "../../../platform/security/field-encryption.ts";
import { lookupCandidates } from "../../../platform/security/lookup-hash.ts";
import { hashOneTimeToken, newOneTimeToken } from "../../../platform/security/one-time-token.ts";
import { clientSignInLinks, clients } from "./client.schema.ts";
import { openClientField } from "./client-crypto.ts";
import { clientMessages as m } from "./client-messages.ts";

export const signInLinkLifetimeMs = 15 * 60 * 1000;
/** Links one asker (one network address) may have sent to one client in an hour. */
export const linksPerRequesterPerHour = 3;
/**
 * Links one client may be sent in an hour by everyone together, so a shared inbox is not flooded. Well
 * above one asker's cap: someone else would need many addresses to spend it.
 */
export const linksPerAddressPerHour = 20;

/**
 * Emails a sign-in link to an active client. Runs as a job, after the form has answered (the same
 * words, in the same time, whether or not the address is known: account-request-jobs.ts). Refused
 * quietly past either hourly cap: one asker's, counted apart from everyone else's, and the address's.
 * `requester` is a keyed hash of the asker's network address. Returns true when a link was queued.
 */
export async function requestSignInLink(
  db: Database,
  ring: KeyRing,
  input: { email: string; practiceName: string; linkFor: (token: string) => string; requester?: string },
  now = new Date(),
): Promise<boolean> {
  const [client] = await db
    .select({ id: clients.id, emailEncrypted: clients.emailEncrypted })
    .from(clients)
    .where(
      and(
        inArray(clients.emailLookup, lookupCandidates(ring, input.email)),
        inArray(clients.status, ["active", "paused"]),
      ),
    );
  if (!client) return false;
  const requester = input.requester ?? null;
  const [recent] = await db
    .select({
      all: sql<number>`count(*)::int`,
      theirs: sql<number>`(count(*) filter (where ${clientSignInLinks.requesterHash} is not distinct from ${requester}))::int`,
    })
    .from(clientSignInLinks)
    .where(
      and(
        eq(clientSignInLinks.clientId, client.id),
        gt(clientSignInLinks.createdAt, new Date(now.getTime() - 3600_000)),
      ),
    );
  if ((recent?.theirs ?? 0) >= linksPerRequesterPerHour || (recent?.all ?? 0) >= linksPerAddressPerHour)
    return false;
  const { token, hash } = newOneTimeToken();
  const email = openClientField(ring, client.id, "email_encrypted", client.emailEncrypted);
  await db.transaction(async (tx) => {
    // A new request leaves earlier links alone: anyone may ask, and someone else's request must never
    // end the link the client is about to use. Using one link ends the rest (useSignInLink).
    await tx.insert(clientSignInLinks).values({
      tokenHash: hash,
      clientId: client.id,
      expiresAt: new Date(now.getTime() + signInLinkLifetimeMs),
      createdAt: now,
      requesterHash: requester,
    });
    await queueEmail(
      tx,
      ring,
      plainEmail(
        email,
        neutralSubjects.message(input.practiceName),
        m.linkEmail(input.practiceName, input.linkFor(token)),
      ),
    );
  });
  return true;
}

/** Whether a link can still sign someone in. Opening the link's page asks only this. */
export async function signInLinkIsUsable(db: Database, token: string, now = new Date()): Promise<boolean> {
  const [row] = await db
    .select({ clientId: clientSignInLinks.clientId })
    .from(clientSignInLinks)
    .where(
      and(
        eq(clientSignInLinks.tokenHash, hashOneTimeToken(token)),
        isNull(clientSignInLinks.usedAt),
        gt(clientSignInLinks.expiresAt, now),
      ),
    );
  return Boolean(row);
}

/**
 * Uses a link up (only the page's button does this) and returns whom it is for, and whether their
 * second factor is still to come (then the sign-in is recorded after the code, not here).
 */
export async function useSignInLink(
  db: Database,
  token: string,
  now = new Date(),
): Promise<{ clientId: string; secondFactor: boolean } | undefined> {
  return db.transaction(async (tx) => {
    const [used] = await tx
      .update(clientSignInLinks)
      .set({ usedAt: now })
      .where(
        and(
          eq(clientSignInLinks.tokenHash, hashOneTimeToken(token)),
          isNull(clientSignInLinks.usedAt),
          gt(clientSignInLinks.expiresAt, now),
        ),
      )
      .returning({ clientId: clientSignInLinks.clientId });
    if (!used) return undefined;
    // Signed in: the other links lying in the inbox are no longer a way in.
    await tx
      .update(clientSignInLinks)
      .set({ usedAt: now })
      .where(and(eq(clientSignInLinks.clientId, used.clientId), isNull(clientSignInLinks.usedAt)));
    const [client] = await tx
      .select({ status: clients.status, totpEnabledAt: clients.totpEnabledAt })
      .from(clients)
      .where(eq(clients.id, used.clientId));
    if (client?.status !== "active" && client?.status !== "paused") return undefined;
    const secondFactor = client.totpEnabledAt !== null;
    const subject = `client:${used.clientId}`;
    await recordAudit(tx, {
      actor: subject,
      action: secondFactor ? "client.link-used" : "client.sign-in",
      subject,
    });
    return { clientId: used.clientId, secondFactor };
  });
}
