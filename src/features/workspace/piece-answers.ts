import { randomUUID } from "node:crypto";
import { and, desc, eq, isNotNull, isNull } from "drizzle-orm";
import type { Database } from "../../platform/db/database.ts";
import { encryptField, type KeyRing } from "../../platform/security/field-encryption.ts";
import { type Entry, entryLocation, openEntry } from "./entries.ts";
import { workspaceEntries } from "./entry.schema.ts";

// Answers to the repair space's pieces (features/repair) are private entries like any note: these
// read and write them by the injury, the piece and the question they belong to.

/**
 * Where an answer to a piece of material belongs: the injury, the piece and the question. A piece of the
 * individual path (features/path) belongs to no injury: its answers have none.
 */
export type AnswerPlace = { clientId: string; injuryId: string | null; pieceId: string };

/** The client's own answers to one piece, by question: their words, whoever they shared them with. */
export async function answersTo(
  db: Database,
  ring: KeyRing,
  place: AnswerPlace,
): Promise<Map<string, Entry>> {
  const rows = await db
    .select()
    .from(workspaceEntries)
    .where(
      and(
        eq(workspaceEntries.clientId, place.clientId),
        place.injuryId === null
          ? isNull(workspaceEntries.injuryId)
          : eq(workspaceEntries.injuryId, place.injuryId),
        eq(workspaceEntries.pieceId, place.pieceId),
      ),
    );
  return new Map(rows.map((row) => [row.questionId ?? "", openEntry(ring, row)]));
}

/**
 * Saves what was written in a piece ("stop here for today" and "save" alike): a new answer is a
 * private entry; a changed one keeps its sharing; an emptied one goes, and its shares with it.
 */
export async function saveAnswers(
  db: Database,
  ring: KeyRing,
  place: AnswerPlace,
  answers: Record<string, string>,
  now = new Date(),
): Promise<void> {
  await db.transaction(async (tx) => {
    const existing = await answersTo(tx, ring, place);
    for (const [questionId, text] of Object.entries(answers)) {
      const entry = existing.get(questionId);
      if (!entry && text === "") continue;
      if (!entry) {
        const id = randomUUID();
        await tx.insert(workspaceEntries).values({
          id,
          clientId: place.clientId,
          bodyEncrypted: encryptField(ring, text, entryLocation(id)),
          injuryId: place.injuryId,
          pieceId: place.pieceId,
          questionId,
          createdAt: now,
          updatedAt: now,
        });
      } else if (text === "") await tx.delete(workspaceEntries).where(eq(workspaceEntries.id, entry.id));
      else if (text !== entry.body)
        await tx
          .update(workspaceEntries)
          .set({ bodyEncrypted: encryptField(ring, text, entryLocation(entry.id)), updatedAt: now })
          .where(eq(workspaceEntries.id, entry.id));
    }
  });
}

/** The answers to an injury's pieces that their authors shared with the therapist, latest share first. */
export async function answersSharedWithTherapist(
  db: Database,
  ring: KeyRing,
  injuryId: string,
): Promise<Entry[]> {
  const rows = await db
    .select()
    .from(workspaceEntries)
    .where(and(eq(workspaceEntries.injuryId, injuryId), isNotNull(workspaceEntries.sharedWithTherapistAt)))
    .orderBy(desc(workspaceEntries.sharedWithTherapistAt));
  return rows.map((row) => openEntry(ring, row));
}
