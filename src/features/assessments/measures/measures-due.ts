import { and, count, eq, isNull, min } from "drizzle-orm";
import type { Database } from "../../../platform/db/database.ts";
import { clients } from "../../accounts/clients/client.schema.ts";
import { measureAssignments } from "./measure-assignment.schema.ts";

/** A questionnaire asked for more than this many days ago and still unanswered is overdue. */
export const overdueDays = 7;

export type MeasuresDue = { clientId: string; waiting: number; oldestAskedAt: Date; overdue: boolean };

/**
 * Per client of this therapist, the questionnaires asked for and not yet answered: how many, and
 * whether the oldest is overdue. Nothing decrypted: only that they wait.
 */
export async function measuresDue(
  db: Database,
  therapistId: string,
  now = new Date(),
): Promise<MeasuresDue[]> {
  const rows = await db
    .select({
      clientId: measureAssignments.clientId,
      waiting: count(),
      oldest: min(measureAssignments.assignedAt),
    })
    .from(measureAssignments)
    .innerJoin(clients, eq(clients.id, measureAssignments.clientId))
    .where(
      and(
        eq(clients.therapistId, therapistId),
        eq(clients.status, "active"),
        isNull(measureAssignments.answeredAt),
      ),
    )
    .groupBy(measureAssignments.clientId);
  const overdueBefore = now.getTime() - overdueDays * 24 * 60 * 60 * 1000;
  return rows
    .filter((row) => row.oldest !== null)
    .map((row) => {
      const oldest = new Date(row.oldest as Date);
      return {
        clientId: row.clientId,
        waiting: row.waiting,
        oldestAskedAt: oldest,
        overdue: oldest.getTime() < overdueBefore,
      };
    })
    .sort((a, b) => a.oldestAskedAt.getTime() - b.oldestAskedAt.getTime());
}
