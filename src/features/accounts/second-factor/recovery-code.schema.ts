import { index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { therapists } from "../therapist.schema.ts";

/** Single-use codes for when the authenticator app is lost; only their hashes are kept. */
export const therapistRecoveryCodes = pgTable(
  "therapist_recovery_codes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    therapistId: uuid("therapist_id")
      .notNull()
      .references(() => therapists.id, { onDelete: "cascade" }),
    codeHash: text("code_hash").notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
  },
  (t) => [index("therapist_recovery_codes_therapist_idx").on(t.therapistId)],
);
