import { sql } from "drizzle-orm";
import { boolean, check, index, integer, pgTable, smallint, uuid } from "drizzle-orm/pg-core";
import { therapists } from "../accounts/therapist.schema.ts";

/**
 * A therapist's regular hours: one row per range, several ranges a day allowed.
 * Minutes from local midnight in the therapist's own zone, so DST never shifts them.
 */
export const weeklyHours = pgTable(
  "weekly_hours",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    therapistId: uuid("therapist_id")
      .notNull()
      .references(() => therapists.id, { onDelete: "cascade" }),
    /** ISO weekday: 1 = Monday … 7 = Sunday (as Temporal counts). */
    weekday: smallint("weekday").notNull(),
    startMinute: integer("start_minute").notNull(),
    endMinute: integer("end_minute").notNull(),
    isDemo: boolean("is_demo").notNull().default(false),
  },
  (t) => [
    index("weekly_hours_therapist_idx").on(t.therapistId),
    check("weekly_hours_weekday_check", sql`${t.weekday} between 1 and 7`),
    check(
      "weekly_hours_range_check",
      sql`${t.startMinute} >= 0 and ${t.endMinute} <= 1440 and ${t.startMinute} < ${t.endMinute}`,
    ),
  ],
);
