import { sql } from "drizzle-orm";
import { boolean, check, index, integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { clients, couples } from "../accounts/clients/client.schema.ts";
import { therapists } from "../accounts/therapist.schema.ts";

export const sessionStatuses = ["scheduled", "cancelled"] as const;

/**
 * A therapy session after the consultation (decision record 055): for one client alone, or for a couple
 * together, never both. It holds no words and no notes: Haven is not the clinical or financial record.
 * An exclusion constraint and two triggers in the migration refuse any overlap with another scheduled
 * session or an active consultation of the same therapist.
 */
export const therapySessions = pgTable(
  "therapy_sessions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    therapistId: uuid("therapist_id")
      .notNull()
      .references(() => therapists.id),
    /** Set for a session with one client alone; the partner is never a party to it. */
    clientId: uuid("client_id").references(() => clients.id, { onDelete: "cascade" }),
    /** Set for a joint session: both partners see it. */
    coupleId: uuid("couple_id").references(() => couples.id, { onDelete: "cascade" }),
    status: text("status", { enum: sessionStatuses }).notNull().default("scheduled"),
    startsAt: timestamp("starts_at", { withTimezone: true }).notNull(),
    endsAt: timestamp("ends_at", { withTimezone: true }).notNull(),
    /** The sessions scheduled together (weekly), so the therapist sees which belong together. */
    seriesId: uuid("series_id").notNull(),
    /** Raised on every change, so calendar apps replace the event. */
    sequence: integer("sequence").notNull().default(0),
    /** When the reminder is due; null when there is none. */
    remindAt: timestamp("remind_at", { withTimezone: true }),
    reminderSentAt: timestamp("reminder_sent_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    isDemo: boolean("is_demo").notNull().default(false),
  },
  (t) => [
    index("therapy_sessions_therapist_start_idx").on(t.therapistId, t.startsAt),
    index("therapy_sessions_client_idx").on(t.clientId),
    index("therapy_sessions_couple_idx").on(t.coupleId),
    index("therapy_sessions_remind_at_idx").on(t.remindAt),
    check("therapy_sessions_times_check", sql`${t.startsAt} < ${t.endsAt}`),
    check("therapy_sessions_for_whom_check", sql`(${t.clientId} is null) <> (${t.coupleId} is null)`),
  ],
);
