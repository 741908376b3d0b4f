import { and, eq, isNull } from "drizzle-orm";
import type { Database } from "../../../platform/db/database.ts";
import type { AssignRules } from "./assign-measure.ts";
import { measureAssignments } from "./measure-assignment.schema.ts";
import { askScheduledMeasures } from "./measure-schedules.ts";

/**
 * How many questionnaires wait for this client, with this week's asking of each weekly one made first:
 * what their space says beside the link, so a due check-in is seen without looking for it.
 */
export async function waitingMeasureCount(
  db: Database,
  rules: AssignRules,
  clientId: string,
  timeZone: string,
): Promise<number> {
  await askScheduledMeasures(db, rules, clientId, timeZone);
  // Nothing decrypted: only which measures are still unanswered.
  const waiting = await db
    .select({ instrumentId: measureAssignments.instrumentId })
    .from(measureAssignments)
    .where(and(eq(measureAssignments.clientId, clientId), isNull(measureAssignments.answeredAt)));
  const known = new Set(rules.instruments.map((d) => d.id));
  return waiting.filter((row) => known.has(row.instrumentId)).length;
}
