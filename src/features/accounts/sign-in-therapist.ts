import { eq, sql } from "drizzle-orm";
import { recordAudit } from "../../platform/audit/record-audit.ts";
import type { Database } from "../../platform/db/database.ts";
import { decoyPasswordHash, verifyPassword } from "./password-hash.ts";
import { signInBackoffSeconds } from "./sign-in-backoff.ts";
import { therapists } from "./therapist.schema.ts";

export { signInBackoffSeconds };

export type SignInResult =
  /** With a second factor on, the code step comes next; without, the account may only enrol one. */
  | { outcome: "password-accepted"; therapistId: string; secondFactor: boolean }
  | { outcome: "no-match" }
  | { outcome: "wait"; minutes: number };

/**
 * Failures for addresses with no account, kept in memory only (a restart forgets them, which is no
 * worse than a known account's hold expiring), so their answers follow the same back-off.
 */
class UnknownEmailBackoff {
  private readonly failures = new Map<string, { count: number; blockedUntil: number }>();

  /** Records a failure; returns the minutes to wait when the address is held, else 0. */
  fail(email: string, now: Date): number {
    const entry = this.failures.get(email) ?? { count: 0, blockedUntil: 0 };
    if (entry.blockedUntil > now.getTime()) return Math.ceil((entry.blockedUntil - now.getTime()) / 60_000);
    entry.count += 1;
    const hold = signInBackoffSeconds(entry.count);
    entry.blockedUntil = hold ? now.getTime() + hold * 1000 : 0;
    this.failures.delete(email);
    this.failures.set(email, entry);
    // Oldest out first, so a flood of made-up addresses cannot grow this without bound.
    if (this.failures.size > 10_000) this.failures.delete(this.failures.keys().next().value as string);
    return 0;
  }
}
const unknownEmails = new UnknownEmailBackoff();

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
    // An unknown address is held after failures exactly as a known one would be.
    const held = unknownEmails.fail(email, now);
    if (held) return { outcome: "wait", minutes: held };
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
  // With a second factor on, failures are cleared only after the code: otherwise someone holding the
  // password could reset the back-off between guesses at the code.
  const secondFactor = therapist.totpEnabledAt !== null;
  if (secondFactor) return { outcome: "password-accepted", therapistId: therapist.id, secondFactor };
  await db
    .update(therapists)
    .set({ failedSignIns: 0, signInBlockedUntil: null })
    .where(eq(therapists.id, therapist.id));
  await recordAudit(db, {
    actor: subject,
    action: "therapist.sign-in",
    subject,
    detail: { factor: "password" },
  });
  return { outcome: "password-accepted", therapistId: therapist.id, secondFactor };
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
