import { and, eq, gt, sql } from "drizzle-orm";
import type { Database } from "../../platform/db/database.ts";
import { clients } from "../accounts/clients/client.schema.ts";
import { bookings } from "../booking/booking.schema.ts";

export type UpcomingConsultation = {
  id: string;
  start: number;
  end: number;
  sequence: number;
  together: boolean;
};

/**
 * Whether the consultation a client was invited from belongs in their space (record 070). Both partners of
 * a couple carry the consultation's id, and the therapist may invite anyone "from" a consultation, so the
 * id alone says little. A consultation booked as a couple was the couple's together: both partners see it.
 * Any other is shown only to the person who booked it, known by the booking's email matching theirs: a
 * partner who booked alone may have said there what the other must never learn (DOMAIN.md §4, HAZ-056).
 */
export function consultationShownTo(
  consultation: { kind: (typeof bookings.$inferSelect)["kind"]; bookedByThisClient: boolean },
  client: { coupleId: string | null },
): boolean {
  if (consultation.bookedByThisClient) return true;
  return consultation.kind === "couple" && client.coupleId !== null;
}

/** The client's consultation when it is confirmed, still ahead, and theirs to see. */
export async function upcomingConsultationOf(
  db: Database,
  client: { id: string; coupleId: string | null },
  now: Date,
): Promise<UpcomingConsultation | undefined> {
  const [row] = await db
    .select({
      id: bookings.id,
      startsAt: bookings.startsAt,
      endsAt: bookings.endsAt,
      sequence: bookings.sequence,
      kind: bookings.kind,
      // Both keyed hashes of an address: equal when the booking's email is the client's (under one key;
      // after a key rotation they may differ, and the consultation is then not shown: the safe side).
      bookedByThisClient: sql<boolean>`${bookings.visitorEmailLookup} = ${clients.emailLookup}`,
    })
    .from(clients)
    .innerJoin(bookings, eq(bookings.id, clients.consultationId))
    .where(and(eq(clients.id, client.id), eq(bookings.status, "confirmed"), gt(bookings.endsAt, now)));
  if (!row || !consultationShownTo(row, client)) return undefined;
  return {
    id: row.id,
    start: row.startsAt.getTime(),
    end: row.endsAt.getTime(),
    sequence: row.sequence,
    together: row.kind === "couple",
  };
}
