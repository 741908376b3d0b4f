import { integer, pgTable, text, timestamp } from "drizzle-orm/pg-core";

/**
 * One fixed window of attempts per route and requester, shared by every instance (record 057).
 * The key is a keyed hash of the route and the address, so no address is stored.
 */
export const rateLimitWindows = pgTable("rate_limit_windows", {
  key: text("key").primaryKey(),
  hits: integer("hits").notNull(),
  endsAt: timestamp("ends_at", { withTimezone: true }).notNull(),
});
