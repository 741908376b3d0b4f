import { and, eq, isNull } from "drizzle-orm";
import { recordAudit } from "../../platform/audit/record-audit.ts";
import type { Database } from "../../platform/db/database.ts";
import { openedPathPieces } from "./path.schema.ts";

export type OpenedPathPiece = { pieceId: string; open: boolean; openedAt: Date };

type Change = { therapistId: string; clientId: string; pieceId: string };

/** Opens a piece of the path for one client; opening a closed one again keeps what they wrote. */
export async function openPathPiece(db: Database, input: Change, now = new Date()): Promise<void> {
  await db.transaction(async (tx) => {
    await tx
      .insert(openedPathPieces)
      .values({ clientId: input.clientId, pieceId: input.pieceId, openedAt: now })
      .onConflictDoUpdate({
        target: [openedPathPieces.clientId, openedPathPieces.pieceId],
        set: { closedAt: null, openedAt: now },
      });
    await recordAudit(tx, {
      actor: `therapist:${input.therapistId}`,
      action: "path-piece.opened",
      subject: `client:${input.clientId}`,
      detail: { piece: input.pieceId },
    });
  });
}

/** Closes it: the client no longer sees the piece; their answers stay theirs (their notes, their export). */
export async function closePathPiece(db: Database, input: Change, now = new Date()): Promise<void> {
  await db.transaction(async (tx) => {
    const closed = await tx
      .update(openedPathPieces)
      .set({ closedAt: now })
      .where(
        and(
          eq(openedPathPieces.clientId, input.clientId),
          eq(openedPathPieces.pieceId, input.pieceId),
          isNull(openedPathPieces.closedAt),
        ),
      )
      .returning({ id: openedPathPieces.id });
    if (closed.length === 0) return;
    await recordAudit(tx, {
      actor: `therapist:${input.therapistId}`,
      action: "path-piece.closed",
      subject: `client:${input.clientId}`,
      detail: { piece: input.pieceId },
    });
  });
}

/** Every piece of the path ever opened for this client, open or closed again. */
export async function pathPiecesOf(db: Database, clientId: string): Promise<OpenedPathPiece[]> {
  const rows = await db.select().from(openedPathPieces).where(eq(openedPathPieces.clientId, clientId));
  return rows.map((row) => ({ pieceId: row.pieceId, open: row.closedAt === null, openedAt: row.openedAt }));
}

/** Whether this piece is open for this client now. */
export async function pathPieceIsOpen(db: Database, clientId: string, pieceId: string): Promise<boolean> {
  return (await pathPiecesOf(db, clientId)).some((o) => o.pieceId === pieceId && o.open);
}
