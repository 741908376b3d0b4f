import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { clients } from "../../accounts/clients/client.schema.ts";
import { therapists } from "../../accounts/therapist.schema.ts";

/**
 * A measure a therapist asks one client to answer every week, on a chosen day. Each week's asking is an
 * ordinary row of measure_assignments (with `schedule_id`), made when the week's day comes round and the
 * client or therapist next opens Haven. Stopping keeps the row (and every answer) and asks no more.
 */
export const measureSchedules = pgTable(
  "measure_schedules",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    clientId: uuid("client_id")
      .notNull()
      .references(() => clients.id, { onDelete: "cascade" }),
    therapistId: uuid("therapist_id")
      .notNull()
      .references(() => therapists.id),
    instrumentId: text("instrument_id").notNull(),
    /** ISO weekday the week's asking comes round: 1 Monday … 7 Sunday, in the practice's time zone. */
    weekday: integer("weekday").notNull(),
    resultsShownToClient: boolean("results_shown_to_client").notNull().default(false),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    stoppedAt: timestamp("stopped_at", { withTimezone: true }),
  },
  (t) => [
    index("measure_schedules_client_idx").on(t.clientId),
    // One running schedule per client and measure: a second would ask twice a week.
    uniqueIndex("measure_schedules_running_once")
      .on(t.clientId, t.instrumentId)
      .where(sql`${t.stoppedAt} IS NULL`),
    check("measure_schedule_weekday", sql`${t.weekday} BETWEEN 1 AND 7`),
  ],
);
