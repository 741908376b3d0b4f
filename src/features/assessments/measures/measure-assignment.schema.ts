import { sql } from "drizzle-orm";
import { boolean, check, index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { clients } from "../../accounts/clients/client.schema.ts";
import { therapists } from "../../accounts/therapist.schema.ts";
import { measureSchedules } from "./measure-schedule.schema.ts";

/**
 * A measure a therapist asked one client to answer. The answers are encrypted at rest and scored on
 * every read (scoring is pure and cheap, so a corrected definition corrects old scores too). A partner
 * never sees that it exists.
 */
export const measureAssignments = pgTable(
  "measure_assignments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    clientId: uuid("client_id")
      .notNull()
      .references(() => clients.id, { onDelete: "cascade" }),
    therapistId: uuid("therapist_id")
      .notNull()
      .references(() => therapists.id),
    instrumentId: text("instrument_id").notNull(),
    /** Results of a therapist-only measure reach the client only when the therapist chose so. */
    resultsShownToClient: boolean("results_shown_to_client").notNull().default(false),
    assignedAt: timestamp("assigned_at", { withTimezone: true }).notNull().defaultNow(),
    answeredAt: timestamp("answered_at", { withTimezone: true }),
    /** The weekly schedule this asking came from, if any (measure-schedule.schema.ts). */
    scheduleId: uuid("schedule_id").references(() => measureSchedules.id, { onDelete: "set null" }),
    /** JSON `{ answers, pack }`: the answers and which wording (pack name and version) was read. */
    answersEncrypted: text("answers_encrypted"),
  },
  (t) => [
    index("measure_assignments_client_idx").on(t.clientId),
    // Answered exactly when there are answers: never a half-written answer.
    check("measure_answered_with_answers", sql`(${t.answeredAt} IS NULL) = (${t.answersEncrypted} IS NULL)`),
  ],
);
