import { and, eq, gt, lt, ne } from "drizzle-orm";
import type { Database } from "../../platform/db/database.ts";
import type { Interval } from "../booking/compute-slots.ts";
import { therapySessions } from "./session.schema.ts";

/** The times of a therapist's scheduled sessions that reach into the window (one left out when moving it). */
export async function scheduledSessionTimes(
  tx: Database,
  therapistId: string,
  window: { from: number; to: number },
  exceptSessionId?: string,
): Promise<Interval[]> {
  const rows = await tx
    .select({ startsAt: therapySessions.startsAt, endsAt: therapySessions.endsAt })
    .from(therapySessions)
    .where(
      and(
        eq(therapySessions.therapistId, therapistId),
        eq(therapySessions.status, "scheduled"),
        gt(therapySessions.endsAt, new Date(window.from)),
        lt(therapySessions.startsAt, new Date(window.to)),
        exceptSessionId ? ne(therapySessions.id, exceptSessionId) : undefined,
      ),
    );
  return rows.map((row) => ({ start: row.startsAt.getTime(), end: row.endsAt.getTime() }));
}
