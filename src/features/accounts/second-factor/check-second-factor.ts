import { and, eq, isNull, sql } from "drizzle-orm";
import { recordAudit } from "../../../platform/audit/record-audit.ts";
import type { Database } from "../../../platform/db/database.ts";
import { decryptField, type KeyRing } from "../../../platform/security/field-encryption.ts";
import { signInBackoffSeconds } from "../sign-in-therapist.ts";
import { therapists } from "../therapist.schema.ts";
import { therapistRecoveryCodes } from "./recovery-code.schema.ts";
import { hashRecoveryCode, looksLikeRecoveryCode } from "./recovery-codes.ts";
import { acceptedTotpStep } from "./totp.ts";

export type SecondFactorResult =
  | { outcome: "accepted"; factor: "totp" | "recovery-code"; recoveryCodesLeft: number }
  | { outcome: "wrong" }
  | { outcome: "wait"; minutes: number };

/**
 * The second step of a therapist's sign-in: a code from the authenticator app, or one recovery code.
 * Wrong codes count towards the same growing back-off as wrong passwords.
 */
export async function checkSecondFactor(
  db: Database,
  ring: KeyRing,
  input: { therapistId: string; code: string },
  now = new Date(),
): Promise<SecondFactorResult> {
  return db.transaction(async (tx) => {
    const [therapist] = await tx
      .select()
      .from(therapists)
      .where(eq(therapists.id, input.therapistId))
      .for("update");
    if (!therapist?.totpSecretEncrypted) return { outcome: "wrong" as const };
    const subject = `therapist:${therapist.id}`;
    if (therapist.signInBlockedUntil && therapist.signInBlockedUntil > now) {
      const minutes = Math.ceil((therapist.signInBlockedUntil.getTime() - now.getTime()) / 60_000);
      return { outcome: "wait" as const, minutes };
    }

    let factor: "totp" | "recovery-code" | undefined;
    if (looksLikeRecoveryCode(input.code)) {
      const used = await tx
        .update(therapistRecoveryCodes)
        .set({ usedAt: now })
        .where(
          and(
            eq(therapistRecoveryCodes.therapistId, therapist.id),
            eq(therapistRecoveryCodes.codeHash, hashRecoveryCode(input.code)),
            isNull(therapistRecoveryCodes.usedAt),
          ),
        )
        .returning({ id: therapistRecoveryCodes.id });
      if (used.length > 0) factor = "recovery-code";
    } else {
      const secret = decryptField(ring, therapist.totpSecretEncrypted, {
        table: "therapists",
        column: "totp_secret_encrypted",
        id: therapist.id,
      });
      const step = acceptedTotpStep(secret, input.code, now, therapist.totpLastStep);
      if (step !== undefined) {
        factor = "totp";
        await tx.update(therapists).set({ totpLastStep: step }).where(eq(therapists.id, therapist.id));
      }
    }

    if (!factor) {
      const failures = therapist.failedSignIns + 1;
      const hold = signInBackoffSeconds(failures);
      await tx
        .update(therapists)
        .set({
          failedSignIns: failures,
          signInBlockedUntil: hold ? new Date(now.getTime() + hold * 1000) : null,
        })
        .where(eq(therapists.id, therapist.id));
      await recordAudit(tx, {
        actor: subject,
        action: "therapist.second-factor-failed",
        subject,
        detail: { failures },
      });
      return { outcome: "wrong" as const };
    }

    await tx
      .update(therapists)
      .set({ failedSignIns: 0, signInBlockedUntil: null })
      .where(eq(therapists.id, therapist.id));
    const [left] = await tx
      .select({ count: sql<number>`count(*)::int` })
      .from(therapistRecoveryCodes)
      .where(
        and(eq(therapistRecoveryCodes.therapistId, therapist.id), isNull(therapistRecoveryCodes.usedAt)),
      );
    const recoveryCodesLeft = left?.count ?? 0;
    await recordAudit(tx, {
      actor: subject,
      action: "therapist.sign-in",
      subject,
      detail: { factor, ...(factor === "recovery-code" ? { recoveryCodesLeft } : {}) },
    });
    return { outcome: "accepted" as const, factor, recoveryCodesLeft };
  });
}
