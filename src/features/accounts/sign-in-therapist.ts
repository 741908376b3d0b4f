import { eq, sql } from "drizzle-orm";
import { recordAudit } from "../../platform/audit/record-audit.ts";
import type { Database } from "../../platform/db/database.ts";
import { decoyPasswordHash, verifyPassword } from "./password-hash.ts";
import { therapists } from "./therapist.schema.ts";

export type SignInResult =
  | { outcome: "signed-in"; therapistId: string }
  | { outcome: "no-match" }
  | { outcome: "wait"; minutes: number };

/** Seconds to hold an account after `failures` failed attempts: none for the first three, then 2 s doubling to 15 min. */
export function signInBackoffSeconds(failures: number): number {
  if (failures < 3) return 0;
  return Math.min(15 * 60, 2 ** (failures - 2));
}

/**
 * Checks an email and password. The answer is the same whether or not the email is known (and takes
 * as long), so the form cannot be used to find out who has an account.
 */
export async function signInTherapist(
  db: Database,
  input: { email: string; password: string },
  now = new Date(),
): Promise<SignInResult> {
  const email = input.email.trim().toLowerCase();
  const [therapist] = await db.select().from(therapists).where(eq(therapists.email, email));
  if (!therapist?.passwordHash) {
    await verifyPassword(input.password, await decoyPasswordHash);
    await recordAudit(db, {
      actor: "anonymous",
      action: "therapist.sign-in-failed",
      detail: { known: false },
    });
    return { outcome: "no-match" };
  }
  const subject = `therapist:${therapist.id}`;
  if (therapist.signInBlockedUntil && therapist.signInBlockedUntil > now) {
    const minutes = Math.ceil((therapist.signInBlockedUntil.getTime() - now.getTime()) / 60_000);
    await recordAudit(db, {
      actor: "anonymous",
      action: "therapist.sign-in-failed",
      subject,
      detail: { held: true },
    });
    return { outcome: "wait", minutes };
  }
  if (!(await verifyPassword(input.password, therapist.passwordHash))) {
    const failures = therapist.failedSignIns + 1;
    const hold = signInBackoffSeconds(failures);
    await db
      .update(therapists)
      .set({
        failedSignIns: failures,
        signInBlockedUntil: hold ? new Date(now.getTime() + hold * 1000) : null,
      })
      .where(eq(therapists.id, therapist.id));
    await recordAudit(db, {
      actor: "anonymous",
      action: "therapist.sign-in-failed",
      subject,
      detail: { failures },
    });
    return { outcome: "no-match" };
  }
  await db
    .update(therapists)
    .set({ failedSignIns: 0, signInBlockedUntil: null })
    .where(eq(therapists.id, therapist.id));
  await recordAudit(db, { actor: subject, action: "therapist.sign-in", subject });
  return { outcome: "signed-in", therapistId: therapist.id };
}

/** True once any therapist can sign in (the demo therapist cannot). */
export async function anyTherapistCanSignIn(db: Database): Promise<boolean> {
  const [row] = await db
    .select({ id: therapists.id })
    .from(therapists)
    .where(sql`${therapists.passwordHash} is not null`)
    .limit(1);
  return Boolean(row);
}
