import { pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { clients } from "../../accounts/clients/client.schema.ts";

/**
 * A client's agreement to show their line of one measure's chart to their partner. The couple's chart
 * has both lines only while both have agreed (and joint work is open): one person's agreement alone
 * changes nothing the other can see. Withdrawing deletes the row.
 */
export const measureChartShares = pgTable(
  "measure_chart_shares",
  {
    clientId: uuid("client_id")
      .notNull()
      .references(() => clients.id, { onDelete: "cascade" }),
    instrumentId: text("instrument_id").notNull(),
    sharedAt: timestamp("shared_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.clientId, t.instrumentId] })],
);
