import { and, eq, lte, type SQL, sql } from "drizzle-orm";
import { recordAudit } from "../../platform/audit/record-audit.ts";
import type { Database } from "../../platform/db/database.ts";
import type { KeyRing } from "../../platform/security/field-encryption.ts";
import { bookings } from "./booking.schema.ts";
import { type BookingMailContext, queueBookingEmails } from "./booking-emails.ts";
import { loadBooking } from "./booking-record.ts";

type Options = {
  /** The moment to judge by; without it, the database's clock (the one that decided the job was due). */
  now?: Date;
  /** Without it (some tests), nobody is emailed. */
  mail?: BookingMailContext | undefined;
};

/**
 * Marks one therapist's (or one booking's) overdue requests expired, freeing their time, and tells the
 * visitor and therapist in the same transaction. One conditional UPDATE does it: a request approved or
 * declined a moment before no longer matches, and when two sweepers race, the second UPDATE waits for the
 * first and then matches nothing, so each visitor is told once.
 */
export async function expireOverdueRequests(
  tx: Database,
  ring: KeyRing,
  scope: { therapistId: string } | { bookingId: string },
  options: Options = {},
): Promise<string[]> {
  const now: Date | SQL = options.now ?? sql`now()`;
  const expired = await tx
    .update(bookings)
    .set({ status: "expired", expiresAt: null, sequence: sql`${bookings.sequence} + 1`, updatedAt: now })
    .where(
      and(
        "therapistId" in scope
          ? eq(bookings.therapistId, scope.therapistId)
          : eq(bookings.id, scope.bookingId),
        eq(bookings.status, "requested"),
        lte(bookings.expiresAt, now),
      ),
    )
    .returning({ id: bookings.id });
  for (const { id } of expired) {
    await recordAudit(tx, {
      actor: "system",
      action: "consultation.request-expired",
      subject: `booking:${id}`,
    });
    const record = options.mail ? await loadBooking(tx, ring, id) : undefined;
    if (record && options.mail) await queueBookingEmails(tx, ring, "expired", record, options.mail);
  }
  return expired.map((row) => row.id);
}

/**
 * Expires every overdue request, each in its own short transaction: a transaction then locks one booking
 * at most, so a sweep can never deadlock with a booking transaction that holds its therapist's lock.
 * Returns how many it expired.
 */
export async function sweepExpiredRequests(
  db: Database,
  ring: KeyRing,
  options: Options = {},
): Promise<number> {
  const overdue = await db
    .select({ id: bookings.id })
    .from(bookings)
    .where(and(eq(bookings.status, "requested"), lte(bookings.expiresAt, options.now ?? sql`now()`)))
    .orderBy(bookings.expiresAt);
  let count = 0;
  for (const { id } of overdue) {
    const done = await db.transaction((tx) => expireOverdueRequests(tx, ring, { bookingId: id }, options));
    count += done.length;
  }
  return count;
}
