import { sql } from "drizzle-orm";
import { check, integer, jsonb, pgTable, smallint, timestamp } from "drizzle-orm/pg-core";

/**
 * The practice's settings: one row, the validated settings as JSON, and a version that every save
 * raises, so each instance can tell cheaply whether what it holds is still current (record 053).
 * Holds the practice's own details, never a client's.
 */
export const practiceSettings = pgTable(
  "practice_settings",
  {
    id: smallint("id").primaryKey().default(1),
    settings: jsonb("settings").notNull(),
    version: integer("version").notNull().default(1),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check("practice_settings_single_row_check", sql`${t.id} = 1`)],
);
