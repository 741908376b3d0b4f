import { index, integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

/**
 * Server-side sessions. Only a hash of the cookie's token is stored, so a copy of this table cannot
 * be used to sign in. Ending a session (or all of a person's) takes effect on their next request.
 */
export const sessions = pgTable(
  "sessions",
  {
    tokenHash: text("token_hash").primaryKey(),
    accountKind: text("account_kind", { enum: ["therapist", "client"] }).notNull(),
    accountId: uuid("account_id").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp("last_seen_at", { withTimezone: true }).notNull().defaultNow(),
    /** Absolute time-out: the session ends then however active it is. */
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    /** Idle time-out in seconds (therapists 30 minutes by default). */
    idleSeconds: integer("idle_seconds").notNull(),
    /** A coarse description for the "your sign-ins" page, e.g. "Firefox on Android"; never the raw user agent. */
    deviceLabel: text("device_label").notNull(),
    /**
     * "password" for a therapist who has given only a password (allowed nowhere but setting up the
     * second factor); "full" once every factor the account needs was given at sign-in.
     */
    assurance: text("assurance", { enum: ["password", "full"] })
      .notNull()
      .default("full"),
    endedAt: timestamp("ended_at", { withTimezone: true }),
  },
  (t) => [index("sessions_account_idx").on(t.accountKind, t.accountId)],
);
