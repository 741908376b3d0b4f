import { index, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

/**
 * Who did what, when: sign-ins, invitations, staff reads of clinical data, exports, erasures.
 * Append-only, enforced by a trigger in the migration, not only in code.
 */
export const auditLog = pgTable(
  "audit_log",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
    /** e.g. "therapist:<id>", "client:<id>", "system". */
    actor: text("actor").notNull(),
    action: text("action").notNull(),
    /** The record acted on, e.g. "client:<id>"; never free text. */
    subject: text("subject"),
    /** Non-identifying detail only (ids, counts, outcomes). */
    detail: jsonb("detail").$type<Record<string, string | number | boolean | null>>(),
  },
  (t) => [index("audit_log_at_idx").on(t.at), index("audit_log_subject_idx").on(t.subject)],
);
