import { and, eq, inArray } from "drizzle-orm";
import type { Database } from "../../../platform/db/database.ts";
import { measureChartShares } from "./chart-share.schema.ts";

/** Agrees (or stops agreeing) to show this client's line of a measure to their partner. */
export async function setChartShared(
  db: Database,
  input: { clientId: string; instrumentId: string; share: boolean },
  now = new Date(),
): Promise<void> {
  if (input.share) {
    await db
      .insert(measureChartShares)
      .values({ clientId: input.clientId, instrumentId: input.instrumentId, sharedAt: now })
      .onConflictDoNothing();
    return;
  }
  await db
    .delete(measureChartShares)
    .where(
      and(
        eq(measureChartShares.clientId, input.clientId),
        eq(measureChartShares.instrumentId, input.instrumentId),
      ),
    );
}

/** Which of these clients agreed to show their line of each measure: "clientId instrumentId" keys. */
export async function chartSharesOf(db: Database, clientIds: readonly string[]): Promise<Set<string>> {
  if (clientIds.length === 0) return new Set();
  const rows = await db
    .select()
    .from(measureChartShares)
    .where(inArray(measureChartShares.clientId, [...clientIds]));
  return new Set(rows.map((row) => shareKey(row.clientId, row.instrumentId)));
}

export const shareKey = (clientId: string, instrumentId: string) => `${clientId} ${instrumentId}`;
