import { sql } from "drizzle-orm";
import { boolean, check, index, integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { therapists } from "../accounts/therapist.schema.ts";

export const bookingStatuses = ["requested", "confirmed", "cancelled", "declined", "expired"] as const;

/**
 * A free consultation booked by a visitor. The visitor's words and details are encrypted; the email
 * also has a keyed lookup hash (for the cap on bookings per address). `blocked_from`/`blocked_until`
 * is the consultation with its buffers, computed by the same code that offers slots; an exclusion
 * constraint in the migration (0010) refuses any overlap between active bookings of one therapist.
 */
export const bookings = pgTable(
  "bookings",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    therapistId: uuid("therapist_id")
      .notNull()
      .references(() => therapists.id),
    status: text("status", { enum: bookingStatuses }).notNull().default("confirmed"),
    kind: text("kind", { enum: ["individual", "couple", "unsure"] }).notNull(),
    meeting: text("meeting", { enum: ["video", "phone"] }).notNull(),
    startsAt: timestamp("starts_at", { withTimezone: true }).notNull(),
    endsAt: timestamp("ends_at", { withTimezone: true }).notNull(),
    blockedFrom: timestamp("blocked_from", { withTimezone: true }).notNull(),
    blockedUntil: timestamp("blocked_until", { withTimezone: true }).notNull(),
    /** Name, email, phone, safe-contact answers and note, as one encrypted JSON document. */
    visitorEncrypted: text("visitor_encrypted").notNull(),
    visitorEmailLookup: text("visitor_email_lookup").notNull(),
    /** The zone the visitor chose times in, so every message shows their own clock. */
    visitorTimeZone: text("visitor_time_zone").notNull(),
    /** Made when the form was shown: a repeated submit finds the booking it already made. */
    submissionId: uuid("submission_id").notNull().unique(),
    /**
     * While a request waits for the therapist's answer (status `requested`): when it lapses and frees its
     * time. Null in every other status (a check below keeps the two together). See decision record 038.
     */
    expiresAt: timestamp("expires_at", { withTimezone: true }),
    /** The therapist's optional words to the visitor when declining, encrypted like the visitor's own. */
    declineMessageEncrypted: text("decline_message_encrypted"),
    /** The therapist's words with the last change they made (a move or a cancellation), encrypted. */
    practiceMessageEncrypted: text("practice_message_encrypted"),
    /** The visitor's optional words when they cancelled, encrypted; only their therapist reads them. */
    cancelReasonEncrypted: text("cancel_reason_encrypted"),
    /**
     * When the visitor's reminder is due, set when a consultation is confirmed or moved; null when there is
     * none (no reminders, the visitor did not choose email, or it was confirmed after the moment had passed).
     */
    remindAt: timestamp("remind_at", { withTimezone: true }),
    /** Set by the one sweep that sends the reminder, so it goes out once however many instances run. */
    reminderSentAt: timestamp("reminder_sent_at", { withTimezone: true }),
    /** Raised on every change, so calendar apps replace the event. */
    sequence: integer("sequence").notNull().default(0),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    isDemo: boolean("is_demo").notNull().default(false),
  },
  (t) => [
    index("bookings_therapist_start_idx").on(t.therapistId, t.startsAt),
    index("bookings_email_lookup_idx").on(t.visitorEmailLookup),
    // The expiry sweep looks for requests past their time; the reminder sweep for reminders due.
    index("bookings_expires_at_idx").on(t.expiresAt),
    index("bookings_remind_at_idx").on(t.remindAt),
    check(
      "bookings_times_check",
      sql`${t.startsAt} < ${t.endsAt} and ${t.blockedFrom} <= ${t.startsAt} and ${t.blockedUntil} >= ${t.endsAt}`,
    ),
    // A request always has its expiry, before its start, and nothing else has one: no request can hold a
    // time for ever, and none can still be waiting when the consultation would begin.
    check(
      "bookings_request_expiry_check",
      sql`(${t.status} = 'requested') = (${t.expiresAt} is not null)
        and (${t.expiresAt} is null or ${t.expiresAt} < ${t.startsAt})`,
    ),
  ],
);
