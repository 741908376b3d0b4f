import { eq } from "drizzle-orm";
import type { Database } from "../../platform/db/database.ts";
import { therapists } from "../accounts/therapist.schema.ts";

/**
 * Locks the therapist's row for the rest of the transaction. Everything that changes what a therapist
 * offers, or books their time, takes this lock first, so each sees the others' changes whole or not at all.
 */
export async function lockTherapist(tx: Database, therapistId: string): Promise<void> {
  await tx.select({ id: therapists.id }).from(therapists).where(eq(therapists.id, therapistId)).for("update");
}
