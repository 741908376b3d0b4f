import { index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { therapists } from "./therapist.schema.ts";

/**
 * Emailed links that let a therapist set a password: "join" for someone the owner invited (7 days),
 * "reset" for a forgotten password (30 minutes). A hash of the token, one use.
 */
export const therapistLinks = pgTable(
  "therapist_links",
  {
    tokenHash: text("token_hash").primaryKey(),
    therapistId: uuid("therapist_id")
      .notNull()
      .references(() => therapists.id, { onDelete: "cascade" }),
    purpose: text("purpose", { enum: ["join", "reset"] }).notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("therapist_links_therapist_idx").on(t.therapistId)],
);
