import { eq } from "drizzle-orm";
import type { ClientDataTable } from "../../platform/privacy/client-data.ts";
import { therapySessions } from "./session.schema.ts";

/**
 * Sessions hold times only, no words. A client's export lists their own sessions alone and their couple's
 * joint ones (the partner's sessions alone are not theirs). Erasure removes the client's
 * sessions alone; a couple's joint sessions stay (they belong to the partner too).
 */
export const sessionsClientData: ClientDataTable[] = [
  {
    table: "therapy_sessions",
    policy: "session",
    title: "Your appointments",
    async export(db, _ring, clientId) {
      const rows = await db.select().from(therapySessions).where(eq(therapySessions.clientId, clientId));
      return rows.map((row) => ({
        startsAt: row.startsAt.toISOString(),
        endsAt: row.endsAt.toISOString(),
        status: row.status,
      }));
    },
    erasure: {
      goesNow: "The times of your appointments on your own",
      kept: "The times of your appointments with your partner, which belong to your partner too",
    },
    async erase(tx, clientId) {
      const gone = await tx
        .delete(therapySessions)
        .where(eq(therapySessions.clientId, clientId))
        .returning({ id: therapySessions.id });
      return gone.length;
    },
  },
];
