import { pgTable, timestamp, uuid } from "drizzle-orm/pg-core";
import { clients } from "../accounts/clients/client.schema.ts";
import { therapists } from "../accounts/therapist.schema.ts";

/**
 * The clients for whom their therapist has turned the language coach on (record 048). A row means on;
 * turning it off deletes the row, so off is the default for everyone and needs nothing stored.
 */
export const languageCoachSettings = pgTable("language_coach_settings", {
  clientId: uuid("client_id")
    .primaryKey()
    .references(() => clients.id, { onDelete: "cascade" }),
  therapistId: uuid("therapist_id")
    .notNull()
    .references(() => therapists.id),
  turnedOnAt: timestamp("turned_on_at", { withTimezone: true }).notNull().defaultNow(),
});
