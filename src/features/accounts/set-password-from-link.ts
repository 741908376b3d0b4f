import { eq } from "drizzle-orm";
import { recordAudit } from "../../platform/audit/record-audit.ts";
import type { Database } from "../../platform/db/database.ts";
import { endAllSessions } from "../../platform/security/sessions/session-store.ts";
import { hashPassword } from "./password-hash.ts";
import { passwordProblem } from "./password-rules.ts";
import { therapists } from "./therapist.schema.ts";
import { type TherapistLinkPurpose, useTherapistLink } from "./therapist-links.ts";

export type SetPasswordResult = { ok: true } | { ok: false; error: string } | { ok: false; unusable: true };

/**
 * Sets a therapist's password from an emailed link (joining, or a reset). Every sign-in the account
 * had ends. The second factor is untouched: a reset by email alone
 * never opens the account, because signing in still asks for the code.
 */
export async function setPasswordFromLink(
  db: Database,
  input: { token: string; purpose: TherapistLinkPurpose; password: string },
  now = new Date(),
): Promise<SetPasswordResult> {
  return db
    .transaction(async (tx) => {
      const therapistId = await useTherapistLink(tx, input.token, input.purpose, now);
      if (!therapistId) return { ok: false as const, unusable: true as const };
      const [therapist] = await tx.select().from(therapists).where(eq(therapists.id, therapistId));
      const problem = passwordProblem(input.password, therapist?.email ?? "");
      // Throwing rolls back the link's use, so the person can try another password with the same link.
      if (problem) throw new PasswordRefused(problem);
      await tx
        .update(therapists)
        .set({
          passwordHash: await hashPassword(input.password),
          // With a second factor on, the back-off also guards the code: whoever reads the inbox must
          // not be able to clear it with a reset and guess again.
          ...(therapist?.totpEnabledAt ? {} : { failedSignIns: 0, signInBlockedUntil: null }),
        })
        .where(eq(therapists.id, therapistId));
      await endAllSessions(tx, { kind: "therapist", id: therapistId }, now);
      const subject = `therapist:${therapistId}`;
      await recordAudit(tx, {
        actor: subject,
        action: input.purpose === "join" ? "therapist.joined" : "therapist.password-reset",
        subject,
      });
      return { ok: true as const };
    })
    .catch((error: unknown) => {
      if (error instanceof PasswordRefused) return { ok: false as const, error: error.message };
      throw error;
    });
}

class PasswordRefused extends Error {}
