import { and, eq, inArray } from "drizzle-orm";
import { type Database, sqlState } from "../../platform/db/database.ts";
import { encryptField, type KeyRing } from "../../platform/security/field-encryption.ts";
import { containsCrisisWords } from "../assessments/self-check/crisis-words.ts";
import { addNotification } from "../notifications/notify-therapist.ts";
import { bookings } from "./booking.schema.ts";
import { type BookingMailContext, queueBookingEmails } from "./booking-emails.ts";
import { scheduleRequestExpiry } from "./booking-jobs.ts";
import {
  type BookingRecord,
  cancelReasonLocation,
  loadBooking,
  practiceMessageLocation,
} from "./booking-record.ts";
import { blockedRange, computeSlots, type Slot, type SlotRules } from "./compute-slots.ts";
import { expireOverdueRequests } from "./expire-requests.ts";
import { lockTherapist } from "./lock-therapist.ts";
import { nearestSlots } from "./nearest-slots.ts";
import { planReminder } from "./reminders/send-reminders.ts";
import { holdsItsTime, minimumNoticeFor, movedRequestExpiresAt, statusAt } from "./request-expiry.ts";
import { type Availability, loadAvailability } from "./therapist-availability.ts";

type MailContext = BookingMailContext;

async function lockBookingRow(tx: Database, bookingId: string): Promise<void> {
  await tx.select({ id: bookings.id }).from(bookings).where(eq(bookings.id, bookingId)).for("update");
}

/**
 * Until when the visitor may move the booking themselves: the therapist's cut-off, or, when later, the end
 * of the grace window after booking (never past the start), so a slip made just now can be put right.
 */
export function changeableUntil(booking: Pick<BookingRecord, "startsAt" | "createdAt" | "settings">): Date {
  const start = booking.startsAt.getTime();
  const cutoff = start - booking.settings.cancellationCutoffHours * 3_600_000;
  const { graceMinutes } = booking.settings;
  if (graceMinutes === 0) return new Date(cutoff);
  const grace = Math.min(booking.createdAt.getTime() + graceMinutes * 60_000, start);
  return new Date(Math.max(cutoff, grace));
}

/** When the visitor is inside the cut-off but still within the grace window: its end; otherwise undefined. */
export function inGraceUntil(
  booking: Pick<BookingRecord, "startsAt" | "createdAt" | "settings">,
  now: Date,
): Date | undefined {
  const cutoff = booking.startsAt.getTime() - booking.settings.cancellationCutoffHours * 3_600_000;
  const until = changeableUntil(booking);
  return now.getTime() > cutoff && now <= until ? until : undefined;
}

/** Whether it still holds its time: confirmed, or a request not yet past its expiry. */
export function isActive(booking: Pick<BookingRecord, "status" | "expiresAt">, now = new Date()): boolean {
  return holdsItsTime(statusAt(booking, now.getTime()));
}

/**
 * Who makes a change. The visitor is held to the therapist's cut-off for moving only: they may always
 * cancel, since a cancellation frees the therapist's time (record 062), and may say why. The therapist may
 * change their own consultation until it starts, with words for the visitor that travel only in the email.
 */
export type ChangedBy =
  | { by: "visitor"; reason?: string }
  | { by: "therapist"; therapistId: string; message: string };
const byVisitor: ChangedBy = { by: "visitor" };

/** Whether this person may change this booking now; the reason if not. */
function refusal(
  booking: BookingRecord,
  who: ChangedBy,
  now: Date,
  visitorTooLate: boolean,
): "not-active" | "too-late" | undefined {
  if (!isActive(booking, now)) return "not-active";
  if (who.by === "visitor") return visitorTooLate ? "too-late" : undefined;
  // A therapist changes only their own, confirmed consultations (requests are approved or declined).
  if (booking.therapistId !== who.therapistId || booking.status !== "confirmed") return "not-active";
  return booking.startsAt <= now ? "too-late" : undefined;
}

/**
 * The therapist's words with their change, kept (encrypted) for the visitor's booking page, which is the
 * only place a visitor who did not choose email can read them. A later change clears them: they were
 * about the change before it.
 */
function practiceMessage(ring: KeyRing, bookingId: string, who: ChangedBy) {
  const words = who.by === "therapist" ? who.message.trim() : "";
  return {
    practiceMessageEncrypted:
      words === "" ? null : encryptField(ring, words, practiceMessageLocation(bookingId)),
  };
}

/**
 * The visitor's reason for cancelling, kept (encrypted) for their therapist's consultations page and never
 * sent anywhere else (not in an email, not in a log).
 */
function cancelReason(ring: KeyRing, bookingId: string, who: ChangedBy) {
  const words = who.by === "visitor" ? (who.reason ?? "").trim() : "";
  return {
    cancelReasonEncrypted: words === "" ? null : encryptField(ring, words, cancelReasonLocation(bookingId)),
  };
}

/**
 * The rules for the times a booking may move to. A request keeps approve-first's notice even if the
 * therapist has since turned approve first off, so a moved request always leaves time for an answer
 * before it would lapse.
 */
export function rulesForMoving(
  booking: Pick<BookingRecord, "status">,
  availability: Pick<Availability, "rules" | "settings">,
): SlotRules {
  if (booking.status !== "requested") return availability.rules;
  return {
    ...availability.rules,
    minimumNoticeMinutes: minimumNoticeFor({ ...availability.settings, approvalRequired: true }),
  };
}

export type ChangeOutcome =
  | { ok: true }
  | { ok: false; reason: "too-late" | "not-active" }
  | { ok: false; reason: "taken" | "not-offered"; alternatives: Slot[] };

/**
 * Words in a visitor's cancellation reason that may mean they are in danger: the therapist is told, never
 * the words. Once per booking, whether the reason was stored or refused as too long.
 */
export async function noticeCrisisInReason(
  db: Database,
  booking: { id: string; therapistId: string },
  now = new Date(),
): Promise<void> {
  await addNotification(
    db,
    {
      therapistId: booking.therapistId,
      kind: "crisis-words",
      bookingId: booking.id,
      dedupeKey: `crisis-words:cancel:${booking.id}`,
    },
    now,
  );
}

/** Cancels (or withdraws a request): the time is free again at once and both sides are told. */
export async function cancelBooking(
  db: Database,
  ring: KeyRing,
  bookingId: string,
  mail: MailContext,
  now = new Date(),
  who: ChangedBy = byVisitor,
): Promise<ChangeOutcome> {
  return db.transaction(async (tx) => {
    await lockBookingRow(tx, bookingId);
    const booking = await loadBooking(tx, ring, bookingId);
    if (!booking) return { ok: false as const, reason: "not-active" as const };
    // The visitor is never too late to cancel before the consultation begins, whatever the cut-off.
    const refused = refusal(booking, who, now, booking.startsAt <= now);
    if (refused) return { ok: false as const, reason: refused };
    const sequence = booking.sequence + 1;
    await tx
      .update(bookings)
      .set({
        status: "cancelled",
        expiresAt: null,
        sequence,
        updatedAt: now,
        ...practiceMessage(ring, bookingId, who),
        ...cancelReason(ring, bookingId, who),
      })
      .where(and(eq(bookings.id, bookingId), inArray(bookings.status, ["confirmed", "requested"])));
    if (who.by === "visitor" && containsCrisisWords(who.reason ?? ""))
      await noticeCrisisInReason(tx, { id: bookingId, therapistId: booking.therapistId }, now);
    const change =
      who.by === "therapist"
        ? "practice-cancelled"
        : booking.status === "requested"
          ? "request-cancelled"
          : "cancelled";
    const message = who.by === "therapist" ? who.message : "";
    // The therapist's email says only whether a reason was given; the words stay behind the sign-in.
    const reason = who.by === "visitor" ? (who.reason ?? "").trim() : "";
    const cancelled = { ...booking, status: "cancelled" as const, sequence, cancelReason: reason };
    await queueBookingEmails(tx, ring, change, cancelled, mail, message);
    return { ok: true as const };
  });
}

/**
 * Moves a booking to another offered time, keeping its calendar event (same UID, higher SEQUENCE). A visitor
 * who chose the new time in another zone (an already validated one) takes it along: their page and emails
 * then show times in it (record 065).
 */
export async function rescheduleBooking(
  db: Database,
  ring: KeyRing,
  input: { bookingId: string; start: number; visitorTimeZone?: string | undefined },
  mail: MailContext,
  now = new Date(),
  who: ChangedBy = byVisitor,
): Promise<ChangeOutcome> {
  try {
    return await db.transaction(async (tx) => {
      // Locks in the booking transaction's order, therapist first, so the two can never deadlock; a cancel
      // and a move of the same booking at once take turns: the second sees the first's result.
      const [owner] = await tx
        .select({ therapistId: bookings.therapistId })
        .from(bookings)
        .where(eq(bookings.id, input.bookingId));
      if (!owner) return { ok: false as const, reason: "not-active" as const };
      await lockTherapist(tx, owner.therapistId);
      await lockBookingRow(tx, input.bookingId);
      const booking = await loadBooking(tx, ring, input.bookingId);
      if (!booking) return { ok: false as const, reason: "not-active" as const };
      const refused = refusal(booking, who, now, now > changeableUntil(booking));
      if (refused) return { ok: false as const, reason: refused };
      await expireOverdueRequests(tx, ring, { therapistId: booking.therapistId }, { now, mail });
      const window = { from: input.start - 2 * 86_400_000, to: input.start + 2 * 86_400_000 };
      const availability = await loadAvailability(tx, booking.therapistId, window, booking.id, now);
      if (!availability) return { ok: false as const, reason: "not-active" as const };
      const offered = computeSlots({
        rules: rulesForMoving(booking, availability),
        bookings: availability.bookings,
        busy: availability.busy,
        now: now.getTime(),
        ...window,
      });
      const slot = offered.find((s) => s.start === input.start);
      if (!slot) {
        return {
          ok: false as const,
          reason: "taken" as const,
          alternatives: nearestSlots(offered, input.start),
        };
      }
      const blocked = blockedRange(slot, availability.rules);
      const sequence = booking.sequence + 1;
      // A request stays a request at its new time, and never waits longer for its answer.
      const expiresAt = booking.expiresAt
        ? new Date(movedRequestExpiresAt(booking.expiresAt.getTime(), slot.start))
        : null;
      // A moved consultation is reminded of afresh, at its new time.
      const reminder =
        booking.status === "confirmed"
          ? await planReminder(
              tx,
              ring,
              {
                start: slot.start,
                reminderHours: availability.settings.reminderHours,
                contactBy: booking.visitor.contactBy,
              },
              now,
            )
          : {};
      await tx
        .update(bookings)
        .set({
          ...reminder,
          expiresAt,
          startsAt: new Date(slot.start),
          endsAt: new Date(slot.end),
          blockedFrom: new Date(blocked.start),
          blockedUntil: new Date(blocked.end),
          sequence,
          updatedAt: now,
          ...(who.by === "visitor" && input.visitorTimeZone
            ? { visitorTimeZone: input.visitorTimeZone }
            : {}),
          ...practiceMessage(ring, booking.id, who),
        })
        .where(and(eq(bookings.id, booking.id), inArray(bookings.status, ["confirmed", "requested"])));
      if (expiresAt && expiresAt.getTime() !== booking.expiresAt?.getTime())
        await scheduleRequestExpiry(tx, ring, expiresAt);
      const moved = {
        ...booking,
        visitorTimeZone:
          who.by === "visitor" && input.visitorTimeZone ? input.visitorTimeZone : booking.visitorTimeZone,
        startsAt: new Date(slot.start),
        endsAt: new Date(slot.end),
        expiresAt,
        sequence,
      };
      const change =
        who.by === "therapist"
          ? "practice-moved"
          : booking.status === "requested"
            ? "request-moved"
            : "rescheduled";
      await queueBookingEmails(tx, ring, change, moved, mail, who.by === "therapist" ? who.message : "");
      return { ok: true as const };
    });
  } catch (error) {
    if (sqlState(error) === "23P01") return { ok: false, reason: "taken", alternatives: [] };
    throw error;
  }
}
