import { randomUUID } from "node:crypto";
import { desc, inArray } from "drizzle-orm";
import type { Database } from "../../platform/db/database.ts";
import { decryptField, encryptField, type KeyRing } from "../../platform/security/field-encryption.ts";
import { injurySuggestions } from "./repair.schema.ts";

export type InjurySuggestion = { id: string; clientId: string; text: string; createdAt: Date };

const location = (id: string) => ({ table: "injury_suggestions", column: "body_encrypted", id });

/** A partner's private word to their therapist: an injury they would like to work on. */
export async function suggestInjury(
  db: Database,
  ring: KeyRing,
  input: { clientId: string; therapistId: string; text: string },
): Promise<void> {
  const id = randomUUID();
  await db.insert(injurySuggestions).values({
    id,
    clientId: input.clientId,
    therapistId: input.therapistId,
    bodyEncrypted: encryptField(ring, input.text, location(id)),
  });
}

/** The suggestions of the given clients (a couple's two partners), newest first: the therapist's view. */
export async function suggestionsFrom(
  db: Database,
  ring: KeyRing,
  clientIds: string[],
): Promise<InjurySuggestion[]> {
  if (clientIds.length === 0) return [];
  const rows = await db
    .select()
    .from(injurySuggestions)
    .where(inArray(injurySuggestions.clientId, clientIds))
    .orderBy(desc(injurySuggestions.createdAt));
  return rows.map((row) => ({
    id: row.id,
    clientId: row.clientId,
    text: decryptField(ring, row.bodyEncrypted, location(row.id)),
    createdAt: row.createdAt,
  }));
}

export async function ownSuggestions(
  db: Database,
  ring: KeyRing,
  clientId: string,
): Promise<InjurySuggestion[]> {
  return suggestionsFrom(db, ring, [clientId]);
}
