import { and, eq, isNotNull } from "drizzle-orm";
import type { Database } from "../../platform/db/database.ts";
import { decryptField, encryptField, type KeyRing } from "../../platform/security/field-encryption.ts";
import { cycleHalves } from "./cycle.schema.ts";

/**
 * One partner's side of the cycle. Ticked choices are ids (cycle-choices.ts); each part has room for
 * the person's own words too, because no list says everything.
 */
export type Half = {
  moves: string[];
  movesOwn: string;
  outside: string;
  surface: string[];
  surfaceOwn: string;
  underneath: string[];
  underneathOwn: string;
  longing: string[];
  longingOwn: string;
};

export const emptyHalf: Half = {
  moves: [],
  movesOwn: "",
  outside: "",
  surface: [],
  surfaceOwn: "",
  underneath: [],
  underneathOwn: "",
  longing: [],
  longingOwn: "",
};

export type StoredHalf = { clientId: string; half: Half; sharedAt: Date | null; updatedAt: Date };

const location = (id: string) => ({ table: "cycle_halves", column: "half_encrypted", id });

type Row = typeof cycleHalves.$inferSelect;
const open = (ring: KeyRing, row: Row): StoredHalf => ({
  clientId: row.clientId,
  half: { ...emptyHalf, ...(JSON.parse(decryptField(ring, row.halfEncrypted, location(row.id))) as Half) },
  sharedAt: row.sharedAt,
  updatedAt: row.updatedAt,
});

export async function halfOf(db: Database, ring: KeyRing, clientId: string): Promise<StoredHalf | undefined> {
  const [row] = await db.select().from(cycleHalves).where(eq(cycleHalves.clientId, clientId));
  return row && open(ring, row);
}

/** The couple's shared sides, for the loop; a private side is never read here. */
export async function sharedHalvesOf(db: Database, ring: KeyRing, coupleId: string): Promise<StoredHalf[]> {
  const rows = await db
    .select()
    .from(cycleHalves)
    .where(and(eq(cycleHalves.coupleId, coupleId), isNotNull(cycleHalves.sharedAt)));
  return rows.map((row) => open(ring, row));
}

/**
 * Saves a partner's side, keeping whether it is shared: a shared side stays shared as its author
 * changes it (they can take it back at any time). One row per person, so a second tab saving at the
 * same moment updates the row the first one made rather than failing.
 */
export async function saveHalf(
  db: Database,
  ring: KeyRing,
  input: { clientId: string; coupleId: string; half: Half },
  now = new Date(),
): Promise<void> {
  const text = JSON.stringify(input.half);
  const update = async (id: string) =>
    db
      .update(cycleHalves)
      .set({ halfEncrypted: encryptField(ring, text, location(id)), updatedAt: now })
      .where(eq(cycleHalves.id, id));
  const existing = await db
    .select({ id: cycleHalves.id })
    .from(cycleHalves)
    .where(eq(cycleHalves.clientId, input.clientId));
  if (existing[0]) return void (await update(existing[0].id));
  const id = crypto.randomUUID();
  const inserted = await db
    .insert(cycleHalves)
    .values({
      id,
      clientId: input.clientId,
      coupleId: input.coupleId,
      halfEncrypted: encryptField(ring, text, location(id)),
      createdAt: now,
      updatedAt: now,
    })
    .onConflictDoNothing({ target: cycleHalves.clientId })
    .returning({ id: cycleHalves.id });
  if (inserted.length > 0) return;
  const [raced] = await db
    .select({ id: cycleHalves.id })
    .from(cycleHalves)
    .where(eq(cycleHalves.clientId, input.clientId));
  if (raced) await update(raced.id);
}

/** Shares a side with the partner and the therapist, or takes it back; true when there was a side to change. */
export async function setHalfShared(
  db: Database,
  clientId: string,
  shared: boolean,
  now = new Date(),
): Promise<boolean> {
  const changed = await db
    .update(cycleHalves)
    .set({ sharedAt: shared ? now : null })
    .where(eq(cycleHalves.clientId, clientId))
    .returning({ id: cycleHalves.id });
  return changed.length > 0;
}
