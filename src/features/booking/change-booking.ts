import { and, eq, inArray } from "drizzle-orm";
import { type Database, sqlState } from "../../platform/db/database.ts";
import type { KeyRing } from "../../platform/security/field-encryption.ts";
import { therapists } from "../accounts/therapist.schema.ts";
import { bookings } from "./booking.schema.ts";
import { type BookingMailContext, queueBookingEmails } from "./booking-emails.ts";
import { type BookingRecord, loadBooking } from "./booking-record.ts";
import { blockedRange, computeSlots, type Slot } from "./compute-slots.ts";
import { nearestSlots } from "./nearest-slots.ts";
import { loadAvailability } from "./therapist-availability.ts";

type MailContext = BookingMailContext;

async function lockBookingRow(tx: Database, bookingId: string): Promise<void> {
  await tx.select({ id: bookings.id }).from(bookings).where(eq(bookings.id, bookingId)).for("update");
}

/** Whether the visitor may still change the booking themselves (before the therapist's cut-off). */
export function changeableUntil(booking: Pick<BookingRecord, "startsAt" | "settings">): Date {
  return new Date(booking.startsAt.getTime() - booking.settings.cancellationCutoffHours * 3_600_000);
}

export function isActive(booking: Pick<BookingRecord, "status">): boolean {
  return booking.status === "confirmed" || booking.status === "requested";
}

export type ChangeOutcome =
  | { ok: true }
  | { ok: false; reason: "too-late" | "not-active" }
  | { ok: false; reason: "taken" | "not-offered"; alternatives: Slot[] };

/** Cancels: the time is free again at once (the constraint ignores cancelled rows) and both sides are told. */
export async function cancelBooking(
  db: Database,
  ring: KeyRing,
  bookingId: string,
  mail: MailContext,
  now = new Date(),
): Promise<ChangeOutcome> {
  return db.transaction(async (tx) => {
    await lockBookingRow(tx, bookingId);
    const booking = await loadBooking(tx, ring, bookingId);
    if (!booking || !isActive(booking)) return { ok: false as const, reason: "not-active" as const };
    if (now > changeableUntil(booking)) return { ok: false as const, reason: "too-late" as const };
    const sequence = booking.sequence + 1;
    await tx
      .update(bookings)
      .set({ status: "cancelled", sequence, updatedAt: now })
      .where(and(eq(bookings.id, bookingId), inArray(bookings.status, ["confirmed", "requested"])));
    await queueBookingEmails(tx, ring, "cancelled", { ...booking, status: "cancelled", sequence }, mail);
    return { ok: true as const };
  });
}

/** Moves a booking to another offered time, keeping its calendar event (same UID, higher SEQUENCE). */
export async function rescheduleBooking(
  db: Database,
  ring: KeyRing,
  input: { bookingId: string; start: number },
  mail: MailContext,
  now = new Date(),
): Promise<ChangeOutcome> {
  try {
    return await db.transaction(async (tx) => {
      // A cancel and a move of the same booking at once take turns: the second sees the first's result.
      await lockBookingRow(tx, input.bookingId);
      const booking = await loadBooking(tx, ring, input.bookingId);
      if (!booking || !isActive(booking)) return { ok: false as const, reason: "not-active" as const };
      if (now > changeableUntil(booking)) return { ok: false as const, reason: "too-late" as const };
      await tx
        .select({ id: therapists.id })
        .from(therapists)
        .where(eq(therapists.id, booking.therapistId))
        .for("update");
      const window = { from: input.start - 2 * 86_400_000, to: input.start + 2 * 86_400_000 };
      const availability = await loadAvailability(tx, booking.therapistId, window, booking.id);
      if (!availability) return { ok: false as const, reason: "not-active" as const };
      const offered = computeSlots({
        rules: availability.rules,
        bookings: availability.bookings,
        busy: [],
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
      await tx
        .update(bookings)
        .set({
          startsAt: new Date(slot.start),
          endsAt: new Date(slot.end),
          blockedFrom: new Date(blocked.start),
          blockedUntil: new Date(blocked.end),
          sequence,
          updatedAt: now,
        })
        .where(and(eq(bookings.id, booking.id), inArray(bookings.status, ["confirmed", "requested"])));
      const moved = { ...booking, startsAt: new Date(slot.start), endsAt: new Date(slot.end), sequence };
      await queueBookingEmails(tx, ring, "rescheduled", moved, mail);
      return { ok: true as const };
    });
  } catch (error) {
    if (sqlState(error) === "23P01") return { ok: false, reason: "taken", alternatives: [] };
    throw error;
  }
}
