import { index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

/**
 * Single-use codes for when the authenticator app is lost; only their hashes are kept. For therapists
 * (required second factor) and clients who chose to add one.
 */
export const recoveryCodes = pgTable(
  "recovery_codes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    accountKind: text("account_kind", { enum: ["therapist", "client"] }).notNull(),
    accountId: uuid("account_id").notNull(),
    codeHash: text("code_hash").notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
  },
  (t) => [index("recovery_codes_account_idx").on(t.accountKind, t.accountId)],
);
