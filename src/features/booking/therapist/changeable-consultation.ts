import { and, eq } from "drizzle-orm";
import type { Database } from "../../../platform/db/database.ts";
import type { KeyRing } from "../../../platform/security/field-encryption.ts";
import { bookings } from "../booking.schema.ts";
import { openVisitor } from "../booking-record.ts";
import { computeSlots } from "../compute-slots.ts";
import { loadAvailability } from "../therapist-availability.ts";
import type { ChangeTarget } from "./change-consultation-pages.tsx";

const DAY = 86_400_000;

/**
 * One of the therapist's own confirmed consultations still to come, or undefined: another therapist's, a
 * request, one cancelled or one already started are all answered alike, so ids reveal nothing.
 */
export async function changeableConsultation(
  db: Database,
  keys: KeyRing,
  therapistId: string,
  bookingId: string,
): Promise<ChangeTarget | undefined> {
  const [row] = await db
    .select()
    .from(bookings)
    .where(
      and(
        eq(bookings.id, bookingId),
        eq(bookings.therapistId, therapistId),
        eq(bookings.status, "confirmed"),
      ),
    );
  if (!row || row.startsAt.getTime() <= Date.now()) return undefined;
  return { id: row.id, start: row.startsAt.getTime(), visitor: openVisitor(keys, row) };
}

/** The times the consultation could move to: the therapist's free times, its own time left out. */
export async function freeTimesToMoveTo(db: Database, therapistId: string, target: ChangeTarget) {
  const now = Date.now();
  const window = { from: now, to: now + 400 * DAY };
  const availability = await loadAvailability(db, therapistId, window, target.id);
  if (!availability) return [];
  return computeSlots({ ...availability, now, ...window })
    .filter((slot) => slot.start !== target.start)
    .slice(0, 14 * 24);
}
