import { eq } from "drizzle-orm";
import type { ClientDataTable } from "../../platform/privacy/client-data.ts";
import { pathMessages as m } from "./messages.ts";
import { openedPathPieces } from "./path.schema.ts";

/**
 * Which pieces of the path were opened for the client. Their answers are workspace entries, exported and
 * erased with their notes (workspace-client-data.ts).
 */
export const pathClientData: ClientDataTable[] = [
  {
    table: "opened_path_pieces",
    policy: "path-piece",
    title: m.exportTitle,
    async export(db, _ring, clientId) {
      const rows = await db.select().from(openedPathPieces).where(eq(openedPathPieces.clientId, clientId));
      return rows.map((row) => ({
        piece: row.pieceId,
        openedAt: row.openedAt.toISOString(),
        open: row.closedAt === null,
      }));
    },
    erasure: { goesNow: m.erasureGoesNow },
    async erase(tx, clientId) {
      const gone = await tx
        .delete(openedPathPieces)
        .where(eq(openedPathPieces.clientId, clientId))
        .returning({ id: openedPathPieces.id });
      return gone.length;
    },
  },
];
