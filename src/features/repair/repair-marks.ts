import { randomUUID } from "node:crypto";
import { desc, eq } from "drizzle-orm";
import { recordAudit } from "../../platform/audit/record-audit.ts";
import type { Database } from "../../platform/db/database.ts";
import { decryptField, encryptField, type KeyRing } from "../../platform/security/field-encryption.ts";
import { injuryMarks } from "./repair.schema.ts";

/** The eight steps of the attachment injury resolution model, as the therapist observes them (DOMAIN.md §3). */
export const repairSteps = [1, 2, 3, 4, 5, 6, 7, 8] as const;

export type RepairMark = {
  id: string;
  step: number;
  observedOn: string;
  note: string | null;
  createdAt: Date;
};

const noteLocation = (id: string) => ({ table: "injury_marks", column: "note_encrypted", id });

/** A new mark: the history is kept, so a later mark never replaces an earlier one. */
export async function markStep(
  db: Database,
  ring: KeyRing,
  input: { therapistId: string; injuryId: string; step: number; observedOn: string; note: string },
): Promise<void> {
  const id = randomUUID();
  await db.transaction(async (tx) => {
    await tx.insert(injuryMarks).values({
      id,
      injuryId: input.injuryId,
      therapistId: input.therapistId,
      step: input.step,
      observedOn: input.observedOn,
      noteEncrypted: input.note ? encryptField(ring, input.note, noteLocation(id)) : null,
    });
    // The step, never the note: the audit log is read by the practice's owner.
    await recordAudit(tx, {
      actor: `therapist:${input.therapistId}`,
      action: "repair.marked",
      subject: `injury:${input.injuryId}`,
      detail: { step: input.step },
    });
  });
}

/** Every mark of an injury, the latest first. */
export async function marksOf(db: Database, ring: KeyRing, injuryId: string): Promise<RepairMark[]> {
  const rows = await db
    .select()
    .from(injuryMarks)
    .where(eq(injuryMarks.injuryId, injuryId))
    .orderBy(desc(injuryMarks.observedOn), desc(injuryMarks.createdAt));
  return rows.map((row) => ({
    id: row.id,
    step: row.step,
    observedOn: row.observedOn,
    note: row.noteEncrypted ? decryptField(ring, row.noteEncrypted, noteLocation(row.id)) : null,
    createdAt: row.createdAt,
  }));
}
