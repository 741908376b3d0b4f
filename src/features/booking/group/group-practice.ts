import { and, eq, inArray, max } from "drizzle-orm";
import type { Database } from "../../../platform/db/database.ts";
import type { KeyRing } from "../../../platform/security/field-encryption.ts";
import { therapists } from "../../accounts/therapist.schema.ts";
import { type BookingOutcome, type BookingRequest, bookConsultation } from "../book-consultation.ts";
import { bookings } from "../booking.schema.ts";
import type { BookingMailContext } from "../booking-emails.ts";
import { bookingSettings } from "../booking-settings.schema.ts";
import { computeSlots, type Slot } from "../compute-slots.ts";
import { holdsItsTimeAt } from "../holds-its-time.ts";
import { nearestSlots } from "../nearest-slots.ts";
import { loadAvailability } from "../therapist-availability.ts";
import { weeklyHours } from "../weekly-hours.schema.ts";
import { fairOrder, type PooledSlot, pooledSlots } from "./first-available.ts";

export type BookableTherapist = { id: string; name: string };

/** Therapists a visitor may book: they accept bookings and have set their hours. Oldest account first. */
export async function bookableTherapists(db: Database): Promise<BookableTherapist[]> {
  const rows = await db
    .selectDistinct({
      id: therapists.id,
      name: therapists.displayName,
      createdAt: therapists.createdAt,
      accepts: bookingSettings.acceptsBookings,
    })
    .from(therapists)
    .innerJoin(weeklyHours, eq(weeklyHours.therapistId, therapists.id))
    .leftJoin(bookingSettings, eq(bookingSettings.therapistId, therapists.id))
    .orderBy(therapists.createdAt, therapists.id);
  return rows.filter((row) => row.accepts !== false).map((row) => ({ id: row.id, name: row.name }));
}

/** Each therapist's offered times in the window, and the longest horizon among them. */
export async function offeredBy(
  db: Database,
  therapistIds: string[],
  window: { from: number; to: number },
  now: number,
): Promise<{ slots: PooledSlot[]; horizonDays: number }> {
  const offers: { therapistId: string; slots: Slot[] }[] = [];
  let horizonDays = 0;
  for (const therapistId of therapistIds) {
    const availability = await loadAvailability(db, therapistId, window, undefined, new Date(now));
    if (!availability?.settings.acceptsBookings) continue;
    offers.push({ therapistId, slots: computeSlots({ ...availability, now, ...window }) });
    horizonDays = Math.max(horizonDays, availability.rules.horizonDays);
  }
  return { slots: pooledSlots(offers), horizonDays };
}

/** When each therapist was last booked (a booking that still holds its time), for the fair order. */
async function lastBookedAt(db: Database, therapistIds: string[], now: Date): Promise<Map<string, number>> {
  if (therapistIds.length === 0) return new Map();
  const rows = await db
    .select({ therapistId: bookings.therapistId, last: max(bookings.createdAt) })
    .from(bookings)
    .where(and(inArray(bookings.therapistId, therapistIds), holdsItsTimeAt(now)))
    .groupBy(bookings.therapistId);
  return new Map(rows.flatMap((row) => (row.last ? [[row.therapistId, row.last.getTime()] as const] : [])));
}

/**
 * Books "first available": the time goes to whichever therapist offering it was booked least recently.
 * Each is tried in that order with the same submission id, so a repeated submit still finds the one
 * booking; when someone else takes the time from the first, the next is tried. Only when every therapist
 * has lost the time is the visitor told, with the nearest times any of them still offers.
 */
export async function bookFirstAvailable(
  db: Database,
  ring: KeyRing,
  request: Omit<BookingRequest, "therapistId">,
  therapistIds: string[],
  now = new Date(),
  mail?: BookingMailContext,
): Promise<BookingOutcome & { therapistId?: string }> {
  const window = { from: request.start - 2 * 86_400_000, to: request.start + 2 * 86_400_000 };
  const { slots } = await offeredBy(db, therapistIds, window, now.getTime());
  const offering = slots.find((slot) => slot.start === request.start)?.therapistIds ?? [];
  // Nobody has it free now: asking each in turn tells a time just taken from one never offered.
  const order =
    offering.length > 0 ? fairOrder(offering, await lastBookedAt(db, offering, now)) : therapistIds;
  let taken = false;
  for (const therapistId of order) {
    const outcome = await bookConsultation(db, ring, { ...request, therapistId }, now, mail);
    if (outcome.ok) return { ...outcome, therapistId };
    if (outcome.reason === "too-many") return outcome;
    taken ||= outcome.reason === "taken";
  }
  const { slots: after } = await offeredBy(db, therapistIds, window, now.getTime());
  const nearest = nearestSlots(
    after.filter((slot) => slot.start !== request.start),
    request.start,
  );
  return { ok: false, reason: taken ? "taken" : "not-offered", alternatives: nearest };
}
