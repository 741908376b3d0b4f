import { and, eq, gt, sql } from "drizzle-orm";
import { recordAudit } from "../../platform/audit/record-audit.ts";
import type { Database } from "../../platform/db/database.ts";
import { queueEmail } from "../../platform/mail/email-job.ts";
import { neutralSubjects } from "../../platform/mail/neutral-subjects.ts";
import { plainEmail } from "../../platform/mail/plain-email.ts";
import type { KeyRing } from "../../platform/security/field-encryption.ts";
import { therapists } from "./therapist.schema.ts";
import { therapistLinks } from "./therapist-link.schema.ts";
import { issueTherapistLink } from "./therapist-links.ts";

/** Reset emails one therapist account may be sent in an hour, whoever asks. */
export const resetEmailsPerHour = 3;

const resetText = (practice: string, link: string) =>
  `Hello,\n\nSomeone asked to reset the password for your ${practice} account on Haven. To choose a new password, open this link within 30 minutes:\n${link}\n\nIf it wasn't you, you can ignore this message: your password stays as it is, and nobody can sign in without your authenticator app as well.\n`;

/**
 * Emails a reset link to a therapist who has an account. The caller answers the same whether or not
 * the address is known. Returns true when a link was queued.
 */
export async function requestPasswordReset(
  db: Database,
  ring: KeyRing,
  input: { email: string; practiceName: string; linkFor: (token: string) => string },
  now = new Date(),
): Promise<boolean> {
  const email = input.email.trim().toLowerCase();
  const [therapist] = await db.select().from(therapists).where(eq(therapists.email, email));
  if (!therapist?.passwordHash) return false;
  // However many addresses ask, one account gets a few reset emails an hour: the same answer either way.
  const [recent] = await db
    .select({ count: sql<number>`count(*)::int` })
    .from(therapistLinks)
    .where(
      and(
        eq(therapistLinks.therapistId, therapist.id),
        eq(therapistLinks.purpose, "reset"),
        gt(therapistLinks.createdAt, new Date(now.getTime() - 3600_000)),
      ),
    );
  if ((recent?.count ?? 0) >= resetEmailsPerHour) return false;
  await db.transaction(async (tx) => {
    const token = await issueTherapistLink(tx, therapist.id, "reset", now);
    await queueEmail(
      tx,
      ring,
      plainEmail(
        email,
        neutralSubjects.message(input.practiceName),
        resetText(input.practiceName, input.linkFor(token)),
      ),
    );
    const subject = `therapist:${therapist.id}`;
    await recordAudit(tx, { actor: "anonymous", action: "therapist.password-reset-requested", subject });
  });
  return true;
}
