import { and, eq, isNull, sql } from "drizzle-orm";
import { recordAudit } from "../../../platform/audit/record-audit.ts";
import type { Database } from "../../../platform/db/database.ts";
import { decryptField, type KeyRing } from "../../../platform/security/field-encryption.ts";
import type { Account } from "../../../platform/security/sessions/session-store.ts";
import { signInBackoffSeconds } from "../sign-in-backoff.ts";
import { factorTable, lockFactorState, updateFactorState } from "./factor-accounts.ts";
import { recoveryCodes } from "./recovery-code.schema.ts";
import { hashRecoveryCode, looksLikeRecoveryCode } from "./recovery-codes.ts";
import { acceptedTotpStep } from "./totp.ts";

export type SecondFactorResult =
  | { outcome: "accepted"; factor: "totp" | "recovery-code"; recoveryCodesLeft: number }
  | { outcome: "wrong" }
  | { outcome: "wait"; minutes: number };

/**
 * The second step of signing in: a code from the authenticator app, or one recovery code. Wrong codes
 * count towards the same growing back-off as wrong passwords (therapists) or links (clients).
 */
export async function checkSecondFactor(
  db: Database,
  ring: KeyRing,
  input: { account: Account; code: string },
  now = new Date(),
): Promise<SecondFactorResult> {
  const { account } = input;
  return db.transaction(async (tx) => {
    const state = await lockFactorState(tx, account);
    if (!state?.totpSecretEncrypted) return { outcome: "wrong" as const };
    const subject = `${account.kind}:${account.id}`;
    if (state.signInBlockedUntil && state.signInBlockedUntil > now) {
      const minutes = Math.ceil((state.signInBlockedUntil.getTime() - now.getTime()) / 60_000);
      return { outcome: "wait" as const, minutes };
    }
    const mine = and(eq(recoveryCodes.accountKind, account.kind), eq(recoveryCodes.accountId, account.id));

    let factor: "totp" | "recovery-code" | undefined;
    if (looksLikeRecoveryCode(input.code)) {
      const used = await tx
        .update(recoveryCodes)
        .set({ usedAt: now })
        .where(
          and(mine, eq(recoveryCodes.codeHash, hashRecoveryCode(input.code)), isNull(recoveryCodes.usedAt)),
        )
        .returning({ id: recoveryCodes.id });
      if (used.length > 0) factor = "recovery-code";
    } else {
      const secret = decryptField(ring, state.totpSecretEncrypted, {
        table: factorTable(account),
        column: "totp_secret_encrypted",
        id: account.id,
      });
      const step = acceptedTotpStep(secret, input.code, now, state.totpLastStep);
      if (step !== undefined) {
        factor = "totp";
        await updateFactorState(tx, account, { totpLastStep: step });
      }
    }

    if (!factor) {
      const failures = state.failedSignIns + 1;
      const hold = signInBackoffSeconds(failures);
      await updateFactorState(tx, account, {
        failedSignIns: failures,
        signInBlockedUntil: hold ? new Date(now.getTime() + hold * 1000) : null,
      });
      await recordAudit(tx, {
        actor: subject,
        action: `${account.kind}.second-factor-failed`,
        subject,
        detail: { failures },
      });
      return { outcome: "wrong" as const };
    }

    await updateFactorState(tx, account, { failedSignIns: 0, signInBlockedUntil: null });
    const [left] = await tx
      .select({ count: sql<number>`count(*)::int` })
      .from(recoveryCodes)
      .where(and(mine, isNull(recoveryCodes.usedAt)));
    const recoveryCodesLeft = left?.count ?? 0;
    await recordAudit(tx, {
      actor: subject,
      action: `${account.kind}.sign-in`,
      subject,
      detail: { factor, ...(factor === "recovery-code" ? { recoveryCodesLeft } : {}) },
    });
    return { outcome: "accepted" as const, factor, recoveryCodesLeft };
  });
}
