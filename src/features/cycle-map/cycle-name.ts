import { eq } from "drizzle-orm";
import type { Database } from "../../platform/db/database.ts";
import { decryptField, encryptField, type KeyRing } from "../../platform/security/field-encryption.ts";
import { cycleNames } from "./cycle.schema.ts";

const location = (id: string) => ({ table: "cycle_names", column: "name_encrypted", id });

export async function cycleNameOf(
  db: Database,
  ring: KeyRing,
  coupleId: string,
): Promise<string | undefined> {
  const [row] = await db.select().from(cycleNames).where(eq(cycleNames.coupleId, coupleId));
  return row && decryptField(ring, row.nameEncrypted, location(row.id));
}

/** The therapist names (or renames) a couple's cycle; one name per couple. */
export async function nameCycle(
  db: Database,
  ring: KeyRing,
  input: { coupleId: string; therapistId: string; name: string },
  now = new Date(),
): Promise<void> {
  const [row] = await db
    .select({ id: cycleNames.id })
    .from(cycleNames)
    .where(eq(cycleNames.coupleId, input.coupleId));
  const id = row?.id ?? crypto.randomUUID();
  const nameEncrypted = encryptField(ring, input.name, location(id));
  if (row) {
    await db
      .update(cycleNames)
      .set({ nameEncrypted, therapistId: input.therapistId, namedAt: now })
      .where(eq(cycleNames.id, id));
    return;
  }
  // One therapist names a couple's cycle; a second save racing the first simply loses to it.
  await db
    .insert(cycleNames)
    .values({ id, coupleId: input.coupleId, therapistId: input.therapistId, nameEncrypted, namedAt: now })
    .onConflictDoNothing({ target: cycleNames.coupleId });
}
