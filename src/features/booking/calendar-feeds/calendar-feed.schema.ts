import { index, integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { therapists } from "../../accounts/therapist.schema.ts";

/**
 * A therapist's own calendar, read from its secret feed address so that their real diary blocks
 * consultation times. The address is a secret (anyone holding it reads the calendar), so it is
 * encrypted; what is shown back is only its host.
 */
export const calendarFeeds = pgTable(
  "calendar_feeds",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    therapistId: uuid("therapist_id")
      .notNull()
      .references(() => therapists.id, { onDelete: "cascade" }),
    label: text("label").notNull(),
    urlEncrypted: text("url_encrypted").notNull(),
    /** The host, for the therapist's list ("calendar.google.com"): never the secret path. */
    host: text("host").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    /** One instance at a time reads a feed: it holds the feed until this moment (a lease). */
    claimedUntil: timestamp("claimed_until", { withTimezone: true }),
    lastAttemptAt: timestamp("last_attempt_at", { withTimezone: true }),
    lastSuccessAt: timestamp("last_success_at", { withTimezone: true }),
    /** The last failure in words the therapist can act on; null after a success. */
    lastError: text("last_error"),
    /** How many busy times the last successful read found. */
    busyCount: integer("busy_count").notNull().default(0),
  },
  (t) => [index("calendar_feeds_therapist_idx").on(t.therapistId)],
);

/** Busy times read from a feed: only when, never what (no titles, places or people are kept). */
export const calendarBusyTimes = pgTable(
  "calendar_busy_times",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    feedId: uuid("feed_id")
      .notNull()
      .references(() => calendarFeeds.id, { onDelete: "cascade" }),
    therapistId: uuid("therapist_id")
      .notNull()
      .references(() => therapists.id, { onDelete: "cascade" }),
    startsAt: timestamp("starts_at", { withTimezone: true }).notNull(),
    endsAt: timestamp("ends_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    index("calendar_busy_times_therapist_idx").on(t.therapistId, t.startsAt),
    index("calendar_busy_times_feed_idx").on(t.feedId),
  ],
);
