import { randomUUID } from "node:crypto";
import { and, asc, eq } from "drizzle-orm";
import { recordAudit } from "../../platform/audit/record-audit.ts";
import type { Database } from "../../platform/db/database.ts";
import { decryptField, encryptField, type KeyRing } from "../../platform/security/field-encryption.ts";
import type { Role } from "./pieces/piece.ts";
import { injuries } from "./repair.schema.ts";

export type InjuryStatus = "active" | "paused" | "closed";
/** Who was hurt in this injury: one partner (by id), or each of them at different times. */
export type WhoWasHurt = { kind: "one"; clientId: string } | { kind: "each" };

export type Injury = {
  id: string;
  coupleId: string;
  therapistId: string;
  name: string;
  whoWasHurt: WhoWasHurt;
  status: InjuryStatus;
  storyOpenedAt: Date | null;
  createdAt: Date;
};

const nameLocation = (id: string) => ({ table: "injuries", column: "name_encrypted", id });

type Row = typeof injuries.$inferSelect;
const open = (ring: KeyRing, row: Row): Injury => ({
  id: row.id,
  coupleId: row.coupleId,
  therapistId: row.therapistId,
  name: decryptField(ring, row.nameEncrypted, nameLocation(row.id)),
  whoWasHurt:
    row.whoWasHurt === "one" && row.hurtClientId
      ? { kind: "one", clientId: row.hurtClientId }
      : { kind: "each" },
  status: row.status,
  storyOpenedAt: row.storyOpenedAt,
  createdAt: row.createdAt,
});

/**
 * The roles a partner may hold in this injury. Each at different times: both roles, and the pieces
 * of either may be opened for them.
 */
export function rolesOf(injury: Injury, clientId: string): Role[] {
  if (injury.whoWasHurt.kind === "each") return ["hurt", "caused"];
  return [injury.whoWasHurt.clientId === clientId ? "hurt" : "caused"];
}

export async function nameInjury(
  db: Database,
  ring: KeyRing,
  input: { therapistId: string; coupleId: string; name: string; whoWasHurt: WhoWasHurt },
): Promise<string> {
  const id = randomUUID();
  await db.transaction(async (tx) => {
    await tx.insert(injuries).values({
      id,
      coupleId: input.coupleId,
      therapistId: input.therapistId,
      nameEncrypted: encryptField(ring, input.name, nameLocation(id)),
      whoWasHurt: input.whoWasHurt.kind,
      hurtClientId: input.whoWasHurt.kind === "one" ? input.whoWasHurt.clientId : null,
    });
    await recordAudit(tx, {
      actor: `therapist:${input.therapistId}`,
      action: "injury.named",
      subject: `injury:${id}`,
    });
  });
  return id;
}

/** Renames it, and says again who was hurt (the therapist may see it differently as the work goes on). */
export async function renameInjury(
  db: Database,
  ring: KeyRing,
  input: { therapistId: string; injuryId: string; name: string; whoWasHurt: WhoWasHurt },
  now = new Date(),
): Promise<void> {
  await db.transaction(async (tx) => {
    await tx
      .update(injuries)
      .set({
        nameEncrypted: encryptField(ring, input.name, nameLocation(input.injuryId)),
        whoWasHurt: input.whoWasHurt.kind,
        hurtClientId: input.whoWasHurt.kind === "one" ? input.whoWasHurt.clientId : null,
        updatedAt: now,
      })
      .where(eq(injuries.id, input.injuryId));
    await recordAudit(tx, {
      actor: `therapist:${input.therapistId}`,
      action: "injury.renamed",
      subject: `injury:${input.injuryId}`,
    });
  });
}

export async function setInjuryStatus(
  db: Database,
  input: { therapistId: string; injuryId: string; status: InjuryStatus },
  now = new Date(),
): Promise<void> {
  await db.transaction(async (tx) => {
    const changed = await tx
      .update(injuries)
      .set({ status: input.status, updatedAt: now })
      .where(eq(injuries.id, input.injuryId))
      .returning({ id: injuries.id });
    if (changed.length === 0) return;
    await recordAudit(tx, {
      actor: `therapist:${input.therapistId}`,
      // Each action named in full, so the audit log's words can be checked against them.
      action:
        input.status === "active"
          ? "injury.resumed"
          : input.status === "paused"
            ? "injury.paused"
            : "injury.closed",
      subject: `injury:${input.injuryId}`,
    });
  });
}

/** Opens "our story" for the injury: from now both partners may write it. Opening twice changes nothing. */
export async function openStory(
  db: Database,
  input: { therapistId: string; injuryId: string },
  now = new Date(),
) {
  await db.transaction(async (tx) => {
    const [row] = await tx
      .select({ at: injuries.storyOpenedAt })
      .from(injuries)
      .where(eq(injuries.id, input.injuryId));
    if (!row || row.at) return;
    await tx
      .update(injuries)
      .set({ storyOpenedAt: now, updatedAt: now })
      .where(eq(injuries.id, input.injuryId));
    await recordAudit(tx, {
      actor: `therapist:${input.therapistId}`,
      action: "story.opened",
      subject: `injury:${input.injuryId}`,
    });
  });
}

export async function injuriesOfCouple(db: Database, ring: KeyRing, coupleId: string): Promise<Injury[]> {
  const rows = await db
    .select()
    .from(injuries)
    .where(eq(injuries.coupleId, coupleId))
    .orderBy(asc(injuries.createdAt), asc(injuries.id));
  return rows.map((row) => open(ring, row));
}

/** One injury of a couple; undefined for an unknown id or another couple's (the caller answers 404). */
export async function injuryOfCouple(
  db: Database,
  ring: KeyRing,
  coupleId: string,
  injuryId: string,
): Promise<Injury | undefined> {
  const [row] = await db
    .select()
    .from(injuries)
    .where(and(eq(injuries.id, injuryId), eq(injuries.coupleId, coupleId)));
  return row && open(ring, row);
}
