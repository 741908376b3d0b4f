import { randomUUID } from "node:crypto";
import { z } from "zod";
import { recordAudit } from "../../platform/audit/record-audit.ts";
import { type Database, sqlState } from "../../platform/db/database.ts";
import { queueEmail } from "../../platform/mail/email-job.ts";
import { neutralSubjects } from "../../platform/mail/neutral-subjects.ts";
import { plainEmail } from "../../platform/mail/plain-email.ts";
import type { KeyRing } from "../../platform/security/field-encryption.ts";
import { firstIssuePerField } from "../../platform/web/form-post.ts";
import { accountMessages as m } from "./messages.ts";
import { therapists } from "./therapist.schema.ts";
import { issueTherapistLink } from "./therapist-links.ts";

const invitee = z.object({
  displayName: z.string().trim().min(1, "Please enter their name.").max(120),
  email: z.string().trim().toLowerCase().pipe(z.email(m.emailIncomplete)),
});

export type TherapistInviteResult =
  | { ok: true; therapistId: string }
  | { ok: false; errors: Partial<Record<"displayName" | "email", string>> };

const joinText = (practice: string, owner: string, link: string) =>
  `Hello,\n\n${owner} has invited you to join ${practice} on Haven, the private space the practice uses with its clients.\n\nTo choose your password, open this link within 7 days:\n${link}\n\nYou'll then set up a second step with an authenticator app on your phone.\n`;

/** The owner adds a therapist to a group practice: an account without a password, and a join link. */
export async function inviteTherapist(
  db: Database,
  ring: KeyRing,
  input: {
    ownerId: string;
    ownerName: string;
    values: { displayName: string; email: string };
    practiceName: string;
    timeZone: string;
    linkFor: (token: string) => string;
  },
  now = new Date(),
): Promise<TherapistInviteResult> {
  const parsed = invitee.safeParse(input.values);
  if (!parsed.success) {
    const errors: Partial<Record<"displayName" | "email", string>> = firstIssuePerField(parsed.error);
    return { ok: false, errors };
  }
  try {
    const therapistId = randomUUID();
    await db.transaction(async (tx) => {
      await tx.insert(therapists).values({
        id: therapistId,
        displayName: parsed.data.displayName,
        email: parsed.data.email,
        timeZone: input.timeZone,
      });
      const token = await issueTherapistLink(tx, therapistId, "join", now);
      await queueEmail(
        tx,
        ring,
        plainEmail(
          parsed.data.email,
          neutralSubjects.message(input.practiceName),
          joinText(input.practiceName, input.ownerName, input.linkFor(token)),
        ),
      );
      await recordAudit(tx, {
        actor: `therapist:${input.ownerId}`,
        action: "therapist.invited",
        subject: `therapist:${therapistId}`,
      });
    });
    return { ok: true, therapistId };
  } catch (error) {
    if (sqlState(error) === "23505") return { ok: false, errors: { email: m.emailTaken } };
    throw error;
  }
}
