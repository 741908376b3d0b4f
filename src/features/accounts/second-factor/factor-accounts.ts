import { eq } from "drizzle-orm";
import type { Database } from "../../../platform/db/database.ts";
import type { Account } from "../../../platform/security/sessions/session-store.ts";
import { clients } from "../clients/client.schema.ts";
import { therapists } from "../therapist.schema.ts";

/** What the second factor reads and writes on an account; therapists and clients keep the same columns. */
export type FactorState = {
  id: string;
  totpSecretEncrypted: string | null;
  totpEnabledAt: Date | null;
  totpLastStep: number | null;
  failedSignIns: number;
  signInBlockedUntil: Date | null;
};

export type FactorChanges = Partial<Omit<FactorState, "id">>;

/** The table an account's second factor lives in, for the encryption's additional data too. */
export const factorTable = (account: Account) => (account.kind === "therapist" ? "therapists" : "clients");

/** The account's second-factor state, locked for the rest of the transaction. */
export async function lockFactorState(tx: Database, account: Account): Promise<FactorState | undefined> {
  const [row] =
    account.kind === "therapist"
      ? await tx.select().from(therapists).where(eq(therapists.id, account.id)).for("update")
      : await tx.select().from(clients).where(eq(clients.id, account.id)).for("update");
  return row;
}

export async function updateFactorState(
  tx: Database,
  account: Account,
  changes: FactorChanges,
): Promise<void> {
  if (account.kind === "therapist")
    await tx.update(therapists).set(changes).where(eq(therapists.id, account.id));
  else await tx.update(clients).set(changes).where(eq(clients.id, account.id));
}
