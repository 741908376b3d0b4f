import { sql } from "drizzle-orm";
import { boolean, check, integer, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { therapists } from "../accounts/therapist.schema.ts";

/** How a therapist offers the free consultation. One row per therapist; defaults from the issue. */
export const bookingSettings = pgTable(
  "booking_settings",
  {
    therapistId: uuid("therapist_id")
      .primaryKey()
      .references(() => therapists.id, { onDelete: "cascade" }),
    acceptsBookings: boolean("accepts_bookings").notNull().default(true),
    durationMinutes: integer("duration_minutes").notNull().default(20),
    bufferBeforeMinutes: integer("buffer_before_minutes").notNull().default(0),
    bufferAfterMinutes: integer("buffer_after_minutes").notNull().default(10),
    minimumNoticeMinutes: integer("minimum_notice_minutes")
      .notNull()
      .default(12 * 60),
    horizonDays: integer("horizon_days").notNull().default(30),
    intervalMinutes: integer("interval_minutes").notNull().default(30),
    /** Most consultations on one local day; null for no limit. */
    maxPerDay: integer("max_per_day"),
    /** Visitors may reschedule or cancel themselves until this many hours before. */
    cancellationCutoffHours: integer("cancellation_cutoff_hours").notNull().default(24),
    /**
     * Minutes after booking during which the visitor may still move it themselves, even inside the
     * cut-off: so a slip (the wrong day, the wrong zone) can be put right at once (record 062).
     */
    graceMinutes: integer("grace_minutes").notNull().default(30),
    /** Written into the calendar event for video consultations. */
    videoLink: text("video_link"),
    /** Written into the calendar event for phone consultations, e.g. "Ann will call you". */
    phoneArrangement: text("phone_arrangement"),
    /** Approve first: a booking is a request that holds its time until the therapist answers (record 038). */
    approvalRequired: boolean("approval_required").notNull().default(false),
    /** How long a request waits for an answer before it lapses and frees its time. */
    requestExpiryHours: integer("request_expiry_hours").notNull().default(24),
    /** Hours before a consultation that the visitor's reminder email goes out; 0 for none. */
    reminderHours: integer("reminder_hours").notNull().default(24),
    isDemo: boolean("is_demo").notNull().default(false),
  },
  (t) => [
    check(
      "booking_settings_ranges_check",
      sql`${t.durationMinutes} between 5 and 240 and ${t.intervalMinutes} between 5 and 240
        and ${t.bufferBeforeMinutes} between 0 and 240 and ${t.bufferAfterMinutes} between 0 and 240
        and ${t.minimumNoticeMinutes} between 0 and 43200 and ${t.horizonDays} between 1 and 365
        and (${t.maxPerDay} is null or ${t.maxPerDay} between 1 and 50)
        and ${t.cancellationCutoffHours} between 0 and 336`,
    ),
    check("booking_settings_request_expiry_check", sql`${t.requestExpiryHours} between 1 and 168`),
    check("booking_settings_reminder_check", sql`${t.reminderHours} between 0 and 168`),
    check("booking_settings_grace_check", sql`${t.graceMinutes} between 0 and 1440`),
  ],
);
