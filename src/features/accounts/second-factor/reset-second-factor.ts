import { and, eq, isNotNull } from "drizzle-orm";
import { recordAudit } from "../../../platform/audit/record-audit.ts";
import type { Database } from "../../../platform/db/database.ts";
import { endAllSessions } from "../../../platform/security/sessions/session-store.ts";
import { therapists } from "../therapist.schema.ts";
import { recoveryCodes } from "./recovery-code.schema.ts";

export type ResetOutcome = "reset" | "no-such-therapist";

/**
 * Account recovery for a therapist who lost their phone and their recovery codes: the authenticator's
 * secret and every recovery code go, every session ends, and the next sign-in with the password leads
 * only to enrolling a new second step. Done by the owner (the web) or on the server (the command line,
 * with Haven stopped); audited either way, naming who did it.
 */
export async function resetSecondFactor(
  db: Database,
  input: { therapistId: string; actor: string },
  now = new Date(),
): Promise<ResetOutcome> {
  const reset = await db.transaction(async (tx) => {
    const [row] = await tx
      .update(therapists)
      .set({ totpSecretEncrypted: null, totpEnabledAt: null, totpLastStep: null })
      .where(and(eq(therapists.id, input.therapistId), isNotNull(therapists.email)))
      .returning({ id: therapists.id });
    if (!row) return false;
    await tx
      .delete(recoveryCodes)
      .where(and(eq(recoveryCodes.accountKind, "therapist"), eq(recoveryCodes.accountId, row.id)));
    const ended = await endAllSessions(tx, { kind: "therapist", id: row.id }, now);
    await recordAudit(tx, {
      actor: input.actor,
      action: "therapist.second-factor-reset",
      subject: `therapist:${row.id}`,
      detail: { sessionsEnded: ended },
    });
    return true;
  });
  return reset ? "reset" : "no-such-therapist";
}

/** The therapist with this email (stored lower-case), for the command line. */
export async function therapistByEmail(db: Database, email: string) {
  const [row] = await db
    .select({ id: therapists.id, isOwner: therapists.isOwner })
    .from(therapists)
    .where(eq(therapists.email, email.trim().toLowerCase()));
  return row;
}
