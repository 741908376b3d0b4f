import { pgTable, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { clients } from "../accounts/clients/client.schema.ts";

/**
 * A piece of the individual path the therapist opened for one client, as their own private work.
 * Closing keeps the row (what was written stays the client's); opening again clears `closed_at`.
 */
export const openedPathPieces = pgTable(
  "opened_path_pieces",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    clientId: uuid("client_id")
      .notNull()
      .references(() => clients.id, { onDelete: "cascade" }),
    pieceId: text("piece_id").notNull(),
    openedAt: timestamp("opened_at", { withTimezone: true }).notNull().defaultNow(),
    closedAt: timestamp("closed_at", { withTimezone: true }),
  },
  (t) => [unique("opened_path_pieces_once").on(t.clientId, t.pieceId)],
);
