import { eq } from "drizzle-orm";
import type { ClientDataTable } from "../../../platform/privacy/client-data.ts";
import { loadInstrumentDefinitions } from "../instruments/definitions/index.ts";
import { measureChartShares } from "./chart-share.schema.ts";

const definitions = loadInstrumentDefinitions();

/** A client's agreements to show their line of a measure's chart to their partner. */
export const chartsClientData: ClientDataTable[] = [
  {
    table: "measure_chart_shares",
    policy: "measure",
    title: "Charts you chose to show your partner",
    async export(db, _ring, clientId) {
      const rows = await db
        .select()
        .from(measureChartShares)
        .where(eq(measureChartShares.clientId, clientId));
      return rows.map((row) => ({
        questionnaire: definitions.find((d) => d.id === row.instrumentId)?.title ?? row.instrumentId,
        shownSince: row.sharedAt.toISOString(),
      }));
    },
    erasure: { goesNow: "Your choice to show your charts to your partner" },
    async erase(tx, clientId) {
      const deleted = await tx
        .delete(measureChartShares)
        .where(eq(measureChartShares.clientId, clientId))
        .returning({ clientId: measureChartShares.clientId });
      return deleted.length;
    },
  },
];
