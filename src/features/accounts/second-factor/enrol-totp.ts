import { eq } from "drizzle-orm";
import { recordAudit } from "../../../platform/audit/record-audit.ts";
import type { Database } from "../../../platform/db/database.ts";
import {
  decryptField,
  encryptField,
  FieldDecryptionError,
  type KeyRing,
} from "../../../platform/security/field-encryption.ts";
import { therapists } from "../therapist.schema.ts";
import { therapistRecoveryCodes } from "./recovery-code.schema.ts";
import { hashRecoveryCode, newRecoveryCodes } from "./recovery-codes.ts";
import { acceptedTotpStep, newTotpSecret } from "./totp.ts";

/**
 * Opening the enrolment page writes nothing (a GET never changes state): the new secret travels in
 * the form itself, sealed to this therapist, and is stored only once a code from the app proves the
 * app holds it.
 */
const pendingLocation = (therapistId: string) => ({
  table: "therapists",
  column: "totp_pending",
  id: therapistId,
});

export function startTotpEnrolment(ring: KeyRing, therapistId: string): { secret: string; sealed: string } {
  const secret = newTotpSecret();
  return { secret, sealed: encryptField(ring, secret, pendingLocation(therapistId)) };
}

export function unsealPendingSecret(ring: KeyRing, therapistId: string, sealed: string): string | undefined {
  try {
    return decryptField(ring, sealed, pendingLocation(therapistId));
  } catch (error) {
    if (error instanceof FieldDecryptionError) return undefined;
    throw error;
  }
}

export type EnrolmentResult = { ok: true; recoveryCodes: string[] } | { ok: false };

/** Turns the second factor on (or moves it to a new phone), with ten fresh recovery codes. */
export async function finishTotpEnrolment(
  db: Database,
  ring: KeyRing,
  input: { therapistId: string; secret: string; code: string },
  now = new Date(),
): Promise<EnrolmentResult> {
  const step = acceptedTotpStep(input.secret, input.code, now, null);
  if (step === undefined) return { ok: false };
  const recoveryCodes = newRecoveryCodes();
  await db.transaction(async (tx) => {
    await tx
      .update(therapists)
      .set({
        totpSecretEncrypted: encryptField(ring, input.secret, {
          table: "therapists",
          column: "totp_secret_encrypted",
          id: input.therapistId,
        }),
        totpEnabledAt: now,
        totpLastStep: step,
      })
      .where(eq(therapists.id, input.therapistId));
    await tx.delete(therapistRecoveryCodes).where(eq(therapistRecoveryCodes.therapistId, input.therapistId));
    await tx
      .insert(therapistRecoveryCodes)
      .values(
        recoveryCodes.map((code) => ({ therapistId: input.therapistId, codeHash: hashRecoveryCode(code) })),
      );
    const subject = `therapist:${input.therapistId}`;
    await recordAudit(tx, { actor: subject, action: "therapist.second-factor-enrolled", subject });
  });
  return { ok: true, recoveryCodes };
}
