import type { Database } from "../../../platform/db/database.ts";
import { availabilityCacheFor } from "../availability-cache.ts";
import { offeredBy } from "../group/group-practice.ts";
import { approvalRequiredBy } from "../therapist-availability.ts";
import type { Offer } from "./times-in-weeks.ts";

const DAY = 86_400_000;

/**
 * Whom the visitor books with. One therapist: them, and no choice is shown. A group practice: the one
 * chosen, or "any" (first available, the default). A therapist chosen earlier who no longer takes
 * bookings is `gone`: whom someone sees can be a deliberate, even a safety, choice, so they are never
 * quietly booked with someone else. Undefined when nobody takes bookings online.
 */
export async function whomToBook(db: Database, raw: string | undefined) {
  const cache = availabilityCacheFor(db);
  const versions = await cache.versions();
  const therapists = await cache.bookable(versions);
  if (therapists.length === 0) return undefined;
  const single = therapists.length === 1;
  const known = therapists.some((t) => t.id === raw);
  const gone = raw !== undefined && raw !== "" && raw !== "any" && !known;
  const chosen = single ? (therapists[0]?.id as string) : known ? (raw as string) : "any";
  const ids = chosen === "any" ? therapists.map((t) => t.id) : [chosen];
  return { ids, gone, choice: single ? undefined : { therapists, chosen }, versions };
}

export type Who = NonNullable<Awaited<ReturnType<typeof whomToBook>>>;

/**
 * Whether the form says "request": when any therapist who might take this time approves first, the
 * visitor is told it may need confirming, rather than promised a booking that turns out a request.
 */
export async function approvalFirst(db: Database, who: Who, start: number): Promise<boolean> {
  const around = await offeredBy(db, who.ids, { from: start - DAY, to: start + DAY }, Date.now());
  const candidates = around.slots.find((slot) => slot.start === start)?.therapistIds ?? who.ids;
  return (await Promise.all(candidates.map((id) => approvalRequiredBy(db, id)))).some(Boolean);
}

/** Offered times for whom the visitor chose, in a window; undefined when nobody takes bookings. */
export async function offeredTimes(db: Database, who: Who, window: { from: number; to: number }) {
  const { slots, horizonDays } = await offeredBy(db, who.ids, window, Date.now());
  if (horizonDays === 0) return undefined;
  return { slots, horizonDays };
}

/**
 * The inputs of each therapist the visitor may book with who takes bookings now, from the cache (record
 * 061), checked against the versions read with `who`; undefined when none of them offers any time.
 */
export async function offersFor(
  db: Database,
  who: Who,
  now: number,
): Promise<{ offers: Offer[]; horizonDays: number } | undefined> {
  const cache = availabilityCacheFor(db);
  const offers: Offer[] = [];
  let horizonDays = 0;
  for (const therapistId of who.ids) {
    const availability = await cache.availability(therapistId, who.versions, now);
    if (!availability?.settings.acceptsBookings) continue;
    offers.push(availability);
    horizonDays = Math.max(horizonDays, availability.rules.horizonDays);
  }
  return horizonDays === 0 ? undefined : { offers, horizonDays };
}
