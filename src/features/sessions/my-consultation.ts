import { and, eq, gt } from "drizzle-orm";
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
 * a couple carry the consultation's id, but only a consultation booked as a couple was theirs together: a
 * partner who booked alone may have said there what the other must never learn (DOMAIN.md §4), so in a
 * couple a consultation booked alone or "not sure" is shown to neither. Someone seen alone sees their own.
 */
export function consultationShownTo(
  kind: (typeof bookings.$inferSelect)["kind"],
  client: { coupleId: string | null },
): boolean {
  return client.coupleId === null || kind === "couple";
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
    })
    .from(clients)
    .innerJoin(bookings, eq(bookings.id, clients.consultationId))
    .where(and(eq(clients.id, client.id), eq(bookings.status, "confirmed"), gt(bookings.endsAt, now)));
  if (!row || !consultationShownTo(row.kind, client)) return undefined;
  return {
    id: row.id,
    start: row.startsAt.getTime(),
    end: row.endsAt.getTime(),
    sequence: row.sequence,
    together: row.kind === "couple",
  };
}
