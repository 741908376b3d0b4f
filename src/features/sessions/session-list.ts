import { and, asc, eq, gt, or } from "drizzle-orm";
import type { Database } from "../../platform/db/database.ts";
import { clients } from "../accounts/clients/client.schema.ts";
import { therapySessions } from "./session.schema.ts";

export type UpcomingSession = {
  id: string;
  start: number;
  end: number;
  /** Raised on every change, so a calendar app replaces the event it has (RFC 5545 SEQUENCE). */
  sequence: number;
  together: boolean;
  therapistId: string;
  clientId: string | null;
  coupleId: string | null;
};

/**
 * A client's upcoming sessions: their own sessions alone, and their couple's joint ones. Never the
 * partner's sessions alone (DOMAIN.md §4, HAZ-044): `clientId` is the client's own id, not their couple's.
 */
export async function upcomingSessionsOf(
  db: Database,
  client: { id: string; coupleId: string | null },
  now: Date,
): Promise<UpcomingSession[]> {
  const whose = client.coupleId
    ? or(eq(therapySessions.clientId, client.id), eq(therapySessions.coupleId, client.coupleId))
    : eq(therapySessions.clientId, client.id);
  const rows = await db
    .select()
    .from(therapySessions)
    .where(and(whose, eq(therapySessions.status, "scheduled"), gt(therapySessions.endsAt, now)))
    .orderBy(asc(therapySessions.startsAt));
  return rows.map((row) => ({
    id: row.id,
    start: row.startsAt.getTime(),
    end: row.endsAt.getTime(),
    sequence: row.sequence,
    together: row.coupleId !== null,
    therapistId: row.therapistId,
    clientId: row.clientId,
    coupleId: row.coupleId,
  }));
}

/** The client whose record a session is shown on: its one client, or the couple's first partner. */
export async function recordClientOf(
  db: Database,
  session: { clientId: string | null; coupleId: string | null },
): Promise<string | undefined> {
  if (session.clientId) return session.clientId;
  if (!session.coupleId) return undefined;
  const [first] = await db
    .select({ id: clients.id })
    .from(clients)
    .where(eq(clients.coupleId, session.coupleId))
    .orderBy(asc(clients.createdAt), asc(clients.id))
    .limit(1);
  return first?.id;
}
