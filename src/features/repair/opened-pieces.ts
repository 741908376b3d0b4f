import { and, eq, isNull } from "drizzle-orm";
import { recordAudit } from "../../platform/audit/record-audit.ts";
import type { Database } from "../../platform/db/database.ts";
import { openedPieces } from "./repair.schema.ts";

export type OpenedPiece = {
  injuryId: string;
  clientId: string;
  pieceId: string;
  open: boolean;
  openedAt: Date;
};

/** Opens a piece for one partner on one injury; opening a closed one again keeps what they wrote. */
export async function openPiece(
  db: Database,
  input: { therapistId: string; injuryId: string; clientId: string; pieceId: string },
  now = new Date(),
): Promise<void> {
  await db.transaction(async (tx) => {
    await tx
      .insert(openedPieces)
      .values({ injuryId: input.injuryId, clientId: input.clientId, pieceId: input.pieceId, openedAt: now })
      .onConflictDoUpdate({
        target: [openedPieces.injuryId, openedPieces.clientId, openedPieces.pieceId],
        set: { closedAt: null, openedAt: now },
      });
    await recordAudit(tx, {
      actor: `therapist:${input.therapistId}`,
      action: "piece.opened",
      subject: `injury:${input.injuryId}`,
      detail: { piece: input.pieceId, client: input.clientId },
    });
  });
}

export async function closePiece(
  db: Database,
  input: { therapistId: string; injuryId: string; clientId: string; pieceId: string },
  now = new Date(),
): Promise<void> {
  await db.transaction(async (tx) => {
    const closed = await tx
      .update(openedPieces)
      .set({ closedAt: now })
      .where(
        and(
          eq(openedPieces.injuryId, input.injuryId),
          eq(openedPieces.clientId, input.clientId),
          eq(openedPieces.pieceId, input.pieceId),
          isNull(openedPieces.closedAt),
        ),
      )
      .returning({ id: openedPieces.id });
    if (closed.length === 0) return;
    await recordAudit(tx, {
      actor: `therapist:${input.therapistId}`,
      action: "piece.closed",
      subject: `injury:${input.injuryId}`,
      detail: { piece: input.pieceId, client: input.clientId },
    });
  });
}

/** Every piece ever opened on an injury, for the therapist's view. */
export async function piecesOfInjury(db: Database, injuryId: string): Promise<OpenedPiece[]> {
  const rows = await db.select().from(openedPieces).where(eq(openedPieces.injuryId, injuryId));
  return rows.map((row) => ({
    injuryId: row.injuryId,
    clientId: row.clientId,
    pieceId: row.pieceId,
    open: row.closedAt === null,
    openedAt: row.openedAt,
  }));
}

/** The pieces open for this client now (any injury); only ever their own. */
export async function piecesOpenFor(db: Database, clientId: string): Promise<OpenedPiece[]> {
  const rows = await db
    .select()
    .from(openedPieces)
    .where(and(eq(openedPieces.clientId, clientId), isNull(openedPieces.closedAt)));
  return rows.map((row) => ({
    injuryId: row.injuryId,
    clientId: row.clientId,
    pieceId: row.pieceId,
    open: true,
    openedAt: row.openedAt,
  }));
}
