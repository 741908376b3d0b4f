import { and, eq, gt, isNull, lte, type SQL, sql } from "drizzle-orm";
import { recordAudit } from "../../../platform/audit/record-audit.ts";
import type { Database } from "../../../platform/db/database.ts";
import { enqueueJob } from "../../../platform/jobs/job-queue.ts";
import type { KeyRing } from "../../../platform/security/field-encryption.ts";
import { bookings } from "../booking.schema.ts";
import { type BookingMailContext, queueBookingEmails } from "../booking-emails.ts";
import { loadBooking, openVisitor } from "../booking-record.ts";
import { reminderAt } from "./reminder-time.ts";

export const sendRemindersJobKind = "booking.send-reminders";

/**
 * The reminder columns for a consultation confirmed or moved at `now`, and its job. The job carries
 * nothing: it sends every reminder due, so a job that runs late, twice, on two instances, or for a
 * consultation since cancelled or moved does no harm.
 */
export async function planReminder(
  tx: Database,
  ring: KeyRing,
  booking: { start: number; reminderHours: number; contactBy: readonly string[] },
  now: Date,
): Promise<{ remindAt: Date | null; reminderSentAt: null }> {
  const remindAt = reminderAt({
    start: booking.start,
    now: now.getTime(),
    reminderHours: booking.reminderHours,
    contactByEmail: booking.contactBy.includes("email"),
  });
  if (remindAt) await enqueueJob(tx, ring, sendRemindersJobKind, {}, { runAt: remindAt });
  return { remindAt, reminderSentAt: null };
}

/**
 * After the therapist changes how long before a consultation reminders go (or turns them off), every
 * reminder not yet sent follows the new setting: off means none goes out, whatever was planned.
 */
export async function replanReminders(
  tx: Database,
  ring: KeyRing,
  therapistId: string,
  reminderHours: number,
  now: Date,
): Promise<void> {
  const pending = await tx
    .select()
    .from(bookings)
    .where(
      and(
        eq(bookings.therapistId, therapistId),
        eq(bookings.status, "confirmed"),
        isNull(bookings.reminderSentAt),
        gt(bookings.startsAt, now),
      ),
    );
  for (const row of pending) {
    const { remindAt } = await planReminder(
      tx,
      ring,
      { start: row.startsAt.getTime(), reminderHours, contactBy: openVisitor(ring, row).contactBy },
      now,
    );
    await tx.update(bookings).set({ remindAt }).where(eq(bookings.id, row.id));
  }
}

const due = (now: Date | SQL) =>
  and(
    eq(bookings.status, "confirmed"),
    isNull(bookings.reminderSentAt),
    lte(bookings.remindAt, now),
    gt(bookings.startsAt, now),
  );

/**
 * Sends every reminder that is due, each in its own short transaction. One conditional UPDATE claims a
 * reminder (still confirmed, not yet sent, still ahead): when two instances sweep at once, the second
 * UPDATE waits for the first and then matches nothing, so each visitor is reminded once. The email is
 * queued in the same transaction, so it exists exactly when the reminder is marked sent. Returns how many
 * were sent.
 */
export async function sendDueReminders(
  db: Database,
  ring: KeyRing,
  mail: BookingMailContext,
  now?: Date,
): Promise<number> {
  const moment: Date | SQL = now ?? sql`now()`;
  const candidates = await db
    .select({ id: bookings.id })
    .from(bookings)
    .where(due(moment))
    .orderBy(bookings.remindAt);
  let sent = 0;
  for (const { id } of candidates) {
    const done = await db.transaction(async (tx) => {
      const [claimed] = await tx
        .update(bookings)
        .set({ reminderSentAt: moment })
        .where(and(eq(bookings.id, id), due(moment)))
        .returning({ id: bookings.id });
      if (!claimed) return false;
      const record = await loadBooking(tx, ring, id);
      // The visitor may have been confirmed before choosing otherwise; the emails check again anyway.
      if (record) await queueBookingEmails(tx, ring, "reminder", record, mail);
      await recordAudit(tx, { actor: "system", action: "consultation.reminded", subject: `booking:${id}` });
      return true;
    });
    if (done) sent++;
  }
  return sent;
}
