import { index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { clients } from "../accounts/clients/client.schema.ts";

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
    sharedWithPartnerAt: timestamp("shared_with_partner_at", { withTimezone: true }),
    sharedWithTherapistAt: timestamp("shared_with_therapist_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("workspace_entries_client_idx").on(t.clientId)],
);
