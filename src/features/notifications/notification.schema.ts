import { index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { clients } from "../accounts/clients/client.schema.ts";
import { therapists } from "../accounts/therapist.schema.ts";

/** What a notification is about. Never its content: no words, no answers, no scores. */
export const notificationKinds = [
  "crisis-words",
  "positive-screen",
  "shared-with-therapist",
  "measure-answered",
  "request-waiting",
  "injury-suggested",
  "control-words",
  "safety-answer",
] as const;
export type NotificationKind = (typeof notificationKinds)[number];

/**
 * "Needs you": something a therapist should look at, kept until someone marks it seen. It says who
 * and what kind, never what was written or answered (DOMAIN.md §4). `dedupe_key` is unique, so a
 * flood of the same event (crisis words in note after note) makes one row per hour, even when the
 * posts race. When a client is erased, `client_id` is cleared and the row reads "a former client".
 */
export const therapistNotifications = pgTable(
  "therapist_notifications",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    therapistId: uuid("therapist_id")
      .notNull()
      .references(() => therapists.id, { onDelete: "cascade" }),
    clientId: uuid("client_id").references(() => clients.id, { onDelete: "set null" }),
    kind: text("kind", { enum: notificationKinds }).notNull(),
    /** For a visitor's consultation (a request, or crisis words in its note): where the therapist acts. */
    bookingId: uuid("booking_id"),
    dedupeKey: text("dedupe_key").unique(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    seenAt: timestamp("seen_at", { withTimezone: true }),
    seenBy: uuid("seen_by").references(() => therapists.id, { onDelete: "set null" }),
  },
  (t) => [index("therapist_notifications_therapist_idx").on(t.therapistId, t.seenAt)],
);
