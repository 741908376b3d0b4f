import { boolean, date, jsonb, pgTable, unique, uuid } from "drizzle-orm/pg-core";
import { therapists } from "../accounts/therapist.schema.ts";

/**
 * A date whose hours differ from the usual week: a day off (no ranges), a holiday, or extra hours.
 * The date is the therapist's own calendar date; ranges are minutes from its local midnight.
 */
export const dateOverrides = pgTable(
  "date_overrides",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    therapistId: uuid("therapist_id")
      .notNull()
      .references(() => therapists.id, { onDelete: "cascade" }),
    date: date("date", { mode: "string" }).notNull(),
    ranges: jsonb("ranges").$type<{ startMinute: number; endMinute: number }[]>().notNull(),
    isDemo: boolean("is_demo").notNull().default(false),
  },
  (t) => [unique("date_overrides_therapist_date").on(t.therapistId, t.date)],
);
