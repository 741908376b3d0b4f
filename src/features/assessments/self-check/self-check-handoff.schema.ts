import { pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

/**
 * A self-check reflection someone chose (with its own, unticked consent) to carry into a booking. Kept
 * only until the booking is made or two hours pass; encrypted; safety answers are never in it.
 */
export const selfCheckHandoffs = pgTable("self_check_handoffs", {
  id: uuid("id").primaryKey().defaultRandom(),
  summaryEncrypted: text("summary_encrypted").notNull(),
  expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});
