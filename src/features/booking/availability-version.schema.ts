import { bigint, pgTable, uuid } from "drizzle-orm/pg-core";

/**
 * A number per therapist that grows at every change to what they offer: their hours, date overrides,
 * booking settings, zone or name, bookings, calendar busy times and scheduled sessions (record 061).
 * Triggers in the database keep it (migration "availability_versions"), so a change made by any code
 * path, on any instance, is seen by the times page's cache at its next request. No foreign key: a
 * therapist's removal bumps it too, and the row then only says "changed".
 */
export const availabilityVersions = pgTable("availability_versions", {
  therapistId: uuid("therapist_id").primaryKey(),
  version: bigint("version", { mode: "number" }).notNull().default(1),
});
