import { sql } from "drizzle-orm";
import { check, index, integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

/**
 * Background work (mail, later reminders) kept in the database, so it survives restarts and runs once
 * across several instances. The payload is encrypted: it can hold addresses and message text.
 */
export const jobs = pgTable(
  "jobs",
  {
    id: uuid("id").primaryKey(),
    kind: text("kind").notNull(),
    payloadEncrypted: text("payload_encrypted").notNull(),
    status: text("status", { enum: ["pending", "running", "done", "failed"] })
      .notNull()
      .default("pending"),
    runAt: timestamp("run_at", { withTimezone: true }).notNull().defaultNow(),
    attempts: integer("attempts").notNull().default(0),
    maxAttempts: integer("max_attempts").notNull().default(8),
    /** Until when a claimed job belongs to its worker; past it, a crashed worker's job is claimed again. */
    lockedUntil: timestamp("locked_until", { withTimezone: true }),
    /** An error code only (never a message, which could quote personal data). */
    lastError: text("last_error"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
  },
  (t) => [
    index("jobs_due_idx").on(t.status, t.runAt),
    check("jobs_status_check", sql`${t.status} in ('pending', 'running', 'done', 'failed')`),
  ],
);
