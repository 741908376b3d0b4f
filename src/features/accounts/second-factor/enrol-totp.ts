import { and, eq } from "drizzle-orm";
import { recordAudit } from "../../../platform/audit/record-audit.ts";
import type { Database } from "../../../platform/db/database.ts";
import {
  decryptField,
  encryptField,
  FieldDecryptionError,
  type KeyRing,
} from "../../../platform/security/field-encryption.ts";
import type { Account } from "../../../platform/security/sessions/session-store.ts";
import { factorTable, updateFactorState } from "./factor-accounts.ts";
import { recoveryCodes } from "./recovery-code.schema.ts";
import { hashRecoveryCode, newRecoveryCodes } from "./recovery-codes.ts";
import { acceptedTotpStep, newTotpSecret } from "./totp.ts";

/**
 * Opening the enrolment page writes nothing (a GET never changes state): the new secret travels in
 * the form itself, sealed to this account, and is stored only once a code from the app proves the
 * app holds it.
 */
const pendingLocation = (account: Account) => ({
  table: factorTable(account),
  column: "totp_pending",
  id: account.id,
});

export function startTotpEnrolment(ring: KeyRing, account: Account): { secret: string; sealed: string } {
  const secret = newTotpSecret();
  return { secret, sealed: encryptField(ring, secret, pendingLocation(account)) };
}

export function unsealPendingSecret(ring: KeyRing, account: Account, sealed: string): string | undefined {
  try {
    return decryptField(ring, sealed, pendingLocation(account));
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
  input: { account: Account; secret: string; code: string },
  now = new Date(),
): Promise<EnrolmentResult> {
  const { account } = input;
  const step = acceptedTotpStep(input.secret, input.code, now, null);
  if (step === undefined) return { ok: false };
  const codes = newRecoveryCodes();
  await db.transaction(async (tx) => {
    await updateFactorState(tx, account, {
      totpSecretEncrypted: encryptField(ring, input.secret, {
        table: factorTable(account),
        column: "totp_secret_encrypted",
        id: account.id,
      }),
      totpEnabledAt: now,
      totpLastStep: step,
    });
    const mine = and(eq(recoveryCodes.accountKind, account.kind), eq(recoveryCodes.accountId, account.id));
    await tx.delete(recoveryCodes).where(mine);
    await tx.insert(recoveryCodes).values(
      codes.map((code) => ({
        accountKind: account.kind,
        accountId: account.id,
        codeHash: hashRecoveryCode(code),
      })),
    );
    const subject = `${account.kind}:${account.id}`;
    await recordAudit(tx, { actor: subject, action: `${account.kind}.second-factor-enrolled`, subject });
  });
  return { ok: true, recoveryCodes: codes };
}
