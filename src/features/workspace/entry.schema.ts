import { type AnyPgColumn, index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { clients } from "../accounts/clients/client.schema.ts";
import { injuries } from "../repair/repair.schema.ts";

/**
 * Something a client wrote in their private space. Private by default; the client may share it with
 * their partner, their therapist, or both, and take a share back (it then simply disappears for them).
 * A share is its moment: partners and therapists see when it was shared, never when it was written.
 */
export const workspaceEntries = pgTable(
  "workspace_entries",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    clientId: uuid("client_id")
      .notNull()
      .references(() => clients.id, { onDelete: "cascade" }),
    bodyEncrypted: text("body_encrypted").notNull(),
    /**
     * A note (free words, an answer, a reply), or a moment in the trigger log (features/trigger-log),
     * whose body is its fields as one encrypted JSON document (trigger-record.ts).
     */
    kind: text("kind", { enum: ["note", "trigger"] })
      .notNull()
      .default("note"),
    sharedWithPartnerAt: timestamp("shared_with_partner_at", { withTimezone: true }),
    sharedWithTherapistAt: timestamp("shared_with_therapist_at", { withTimezone: true }),
    /**
     * An answer to one question of a piece of repair material (features/repair): the injury, the
     * piece and the question it answers. Null for a free note.
     */
    injuryId: uuid("injury_id").references(() => injuries.id, { onDelete: "cascade" }),
    pieceId: text("piece_id"),
    questionId: text("question_id"),
    /**
     * A reply to something the partner shared, shown under it while both stay shared. If the
     * partner deletes theirs, the reply stays its author's, as a note of its own.
     */
    replyToEntryId: uuid("reply_to_entry_id").references((): AnyPgColumn => workspaceEntries.id, {
      onDelete: "set null",
    }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("workspace_entries_client_idx").on(t.clientId),
    index("workspace_entries_reply_idx").on(t.replyToEntryId),
  ],
);
