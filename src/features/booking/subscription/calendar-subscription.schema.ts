import { pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { therapists } from "../../accounts/therapist.schema.ts";

/**
 * A therapist's private subscription address for their consultations (issue 5, item 3), at most one
 * each. The address's secret is kept encrypted, so the therapist can copy it again, and as a SHA-256
 * digest, so a calendar app's request finds it without decrypting every row. Deleting the row revokes it.
 */
export const calendarSubscriptions = pgTable("calendar_subscriptions", {
  id: uuid("id").primaryKey().defaultRandom(),
  therapistId: uuid("therapist_id")
    .notNull()
    .unique()
    .references(() => therapists.id, { onDelete: "cascade" }),
  secretEncrypted: text("secret_encrypted").notNull(),
  /** SHA-256 of the secret, hex. The secret is 256 random bits, so no key is needed to make this safe. */
  secretDigest: text("secret_digest").notNull().unique(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  /** When a calendar app last read it, so the therapist can see it is in use. */
  lastReadAt: timestamp("last_read_at", { withTimezone: true }),
});
