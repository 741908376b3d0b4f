import { and, eq, exists, gt, isNull, or } from "drizzle-orm";
import type { Database } from "../../../platform/db/database.ts";
import type { KeyRing } from "../../../platform/security/field-encryption.ts";
import { therapistNotifications } from "../../notifications/notification.schema.ts";
import { bookings } from "../booking.schema.ts";
import { openCancelReason, openVisitor } from "../booking-record.ts";

/** A cancelled consultation whose time is still ahead: whom it was with, and the visitor's reason if any. */
export type CancelledConsultation = { id: string; start: number; name: string; reason: string };

/**
 * The therapist's own cancelled consultations that were still to come, soonest first: where they read a
 * visitor's reason for cancelling (it is never emailed and never logged). One with a notice nobody has
 * marked seen stays however long ago its time was: a crisis-words alert about a reason (or a note) links
 * here, and this is the only place with the visitor's name and how to reach them (HAZ-051).
 */
export async function cancelledAhead(
  db: Database,
  keys: KeyRing,
  therapistId: string,
  now: Date,
): Promise<CancelledConsultation[]> {
  const rows = await db
    .select()
    .from(bookings)
    .where(
      and(
        eq(bookings.therapistId, therapistId),
        eq(bookings.status, "cancelled"),
        or(
          gt(bookings.endsAt, now),
          exists(
            db
              .select({ id: therapistNotifications.id })
              .from(therapistNotifications)
              .where(
                and(eq(therapistNotifications.bookingId, bookings.id), isNull(therapistNotifications.seenAt)),
              ),
          ),
        ),
      ),
    )
    .orderBy(bookings.startsAt);
  return rows.map((row) => ({
    id: row.id,
    start: row.startsAt.getTime(),
    name: openVisitor(keys, row).name,
    reason: openCancelReason(keys, row),
  }));
}
