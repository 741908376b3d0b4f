import { and, eq, gt } from "drizzle-orm";
import type { Database } from "../../../platform/db/database.ts";
import type { KeyRing } from "../../../platform/security/field-encryption.ts";
import { bookings } from "../booking.schema.ts";
import { openCancelReason, openVisitor } from "../booking-record.ts";

/** A cancelled consultation whose time is still ahead: whom it was with, and the visitor's reason if any. */
export type CancelledConsultation = { id: string; start: number; name: string; reason: string };

/**
 * The therapist's own cancelled consultations that were still to come, soonest first: where they read a
 * visitor's reason for cancelling (it is never emailed and never logged).
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
      and(eq(bookings.therapistId, therapistId), eq(bookings.status, "cancelled"), gt(bookings.endsAt, now)),
    )
    .orderBy(bookings.startsAt);
  return rows.map((row) => ({
    id: row.id,
    start: row.startsAt.getTime(),
    name: openVisitor(keys, row).name,
    reason: openCancelReason(keys, row),
  }));
}
