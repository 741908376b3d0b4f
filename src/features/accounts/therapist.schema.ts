import { boolean, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

/** A therapist of the practice. Sign-in details arrive with the accounts feature. */
export const therapists = pgTable("therapists", {
  id: uuid("id").primaryKey().defaultRandom(),
  displayName: text("display_name").notNull(),
  timeZone: text("time_zone").notNull(),
  isDemo: boolean("is_demo").notNull().default(false),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});
