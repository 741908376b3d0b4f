import { and, eq, gt, sql } from "drizzle-orm";
import { recordAudit } from "../../platform/audit/record-audit.ts";
import type { Database } from "../../platform/db/database.ts";
import { encryptField, type KeyRing } from "../../platform/security/field-encryption.ts";
import { bookings } from "./booking.schema.ts";
import { type BookingMailContext, queueBookingEmails } from "./booking-emails.ts";
import { declineMessageLocation, loadBooking } from "./booking-record.ts";
import { expireOverdueRequests } from "./expire-requests.ts";
import { planReminder } from "./reminders/send-reminders.ts";

export type Answer = { bookingId: string; therapistId: string };

export type AnswerOutcome =
  | { ok: true }
  /** No such booking, or another therapist's: the same answer, so ids reveal nothing. */
  | { ok: false; reason: "not-found" }
  /** It had lapsed: its time is free and the visitor has been told. */
  | { ok: false; reason: "expired" }
  | { ok: false; reason: "already-answered" }
  /** The visitor withdrew it. */
  | { ok: false; reason: "withdrawn" };

/**
 * The therapist approves a request: it becomes a confirmed consultation and the visitor gets the calendar
 * file. One conditional UPDATE (still requested, not yet expired, this therapist's) decides, so an approval
 * racing a decline or the expiry sweep either wins outright or changes nothing.
 */
export function approveRequest(
  db: Database,
  ring: KeyRing,
  answer: Answer,
  mail: BookingMailContext,
  now = new Date(),
): Promise<AnswerOutcome> {
  return answerRequest(db, ring, answer, mail, now, { status: "confirmed" });
}

/** The therapist declines a request, optionally with a short message: its time is free at once. */
export function declineRequest(
  db: Database,
  ring: KeyRing,
  answer: Answer & { message: string },
  mail: BookingMailContext,
  now = new Date(),
): Promise<AnswerOutcome> {
  const message = answer.message.trim();
  return answerRequest(db, ring, answer, mail, now, {
    status: "declined",
    declineMessageEncrypted:
      message === "" ? null : encryptField(ring, message, declineMessageLocation(answer.bookingId)),
  });
}

async function answerRequest(
  db: Database,
  ring: KeyRing,
  answer: Answer,
  mail: BookingMailContext,
  now: Date,
  change: { status: "confirmed" | "declined"; declineMessageEncrypted?: string | null },
): Promise<AnswerOutcome> {
  const audit = (tx: Database, outcome: string, detail: Record<string, boolean> = {}) =>
    recordAudit(tx, {
      actor: `therapist:${answer.therapistId}`,
      action: change.status === "confirmed" ? "consultation.approve" : "consultation.decline",
      subject: `booking:${answer.bookingId}`,
      detail: { outcome, ...detail },
    });
  return db.transaction(async (tx) => {
    const [answered] = await tx
      .update(bookings)
      .set({ ...change, expiresAt: null, sequence: sql`${bookings.sequence} + 1`, updatedAt: now })
      .where(
        and(
          eq(bookings.id, answer.bookingId),
          eq(bookings.therapistId, answer.therapistId),
          eq(bookings.status, "requested"),
          gt(bookings.expiresAt, now),
        ),
      )
      .returning({ id: bookings.id });
    if (answered) {
      const record = await loadBooking(tx, ring, answered.id);
      if (record && change.status === "confirmed") {
        const reminder = await planReminder(
          tx,
          ring,
          {
            start: record.startsAt.getTime(),
            reminderHours: record.settings.reminderHours,
            contactBy: record.visitor.contactBy,
          },
          now,
        );
        await tx.update(bookings).set(reminder).where(eq(bookings.id, answered.id));
      }
      if (record)
        await queueBookingEmails(
          tx,
          ring,
          change.status === "confirmed" ? "approved" : "declined",
          record,
          mail,
        );
      await audit(
        tx,
        "done",
        change.status === "declined" ? { withMessage: Boolean(change.declineMessageEncrypted) } : {},
      );
      return { ok: true as const };
    }
    const reason = await whyNot(tx, ring, answer, mail, now);
    if (reason !== "not-found") await audit(tx, reason);
    return { ok: false as const, reason };
  });
}

/** Why a request could not be answered. One past its expiry that the sweep has not reached is expired here. */
async function whyNot(
  tx: Database,
  ring: KeyRing,
  answer: Answer,
  mail: BookingMailContext,
  now: Date,
): Promise<Exclude<AnswerOutcome, { ok: true }>["reason"]> {
  const [row] = await tx
    .select({ status: bookings.status })
    .from(bookings)
    .where(and(eq(bookings.id, answer.bookingId), eq(bookings.therapistId, answer.therapistId)));
  if (!row) return "not-found";
  if (row.status === "requested") {
    await expireOverdueRequests(tx, ring, { bookingId: answer.bookingId }, { now, mail });
    return "expired";
  }
  if (row.status === "expired") return "expired";
  if (row.status === "cancelled") return "withdrawn";
  return "already-answered";
}
