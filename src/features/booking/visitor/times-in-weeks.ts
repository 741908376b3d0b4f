// The times page's weeks (issue 17, record 061). Pure: no I/O, no clock. Only the weeks the page holds are
// computed — the one shown, its neighbours (moved to in place with JavaScript) and the week of the next
// available time — rather than every time of the whole horizon at each request.
import { Temporal } from "temporal-polyfill";
import { computeSlots, type ExistingBooking, type Interval, type SlotRules } from "../compute-slots.ts";
import { type PooledSlot, pooledSlots } from "../group/first-available.ts";

const DAY = 86_400_000;
/** The page never offers a time further ahead than this, whatever the horizon (which is at most 365 days). */
export const reachDays = 400;

/**
 * One therapist's inputs, as the slot computation takes them. `holds`: the start a booking being moved
 * holds now, never offered back to it as "another time" (its own time is left out of `bookings`, so the
 * times overlapping it can be offered).
 */
export type Offer = {
  therapistId: string;
  rules: SlotRules;
  bookings: ExistingBooking[];
  busy: Interval[];
  holds?: number;
};

export type TimesInWeeks = {
  /** The week shown: the one asked for, or the last when asked for one past it. */
  week: number;
  lastWeek: number;
  /** The weeks the page holds, in order, each with its times. */
  weeks: { index: number; slots: PooledSlot[] }[];
  nextAvailable: PooledSlot | undefined;
  /** The week whose page shows the next available time. */
  nextAvailableWeek: number | undefined;
};

/** Midnight at the start of the visitor's day, `weeks` weeks from today, as epoch ms. */
export function weekStart(now: number, zone: string, weeks: number): number {
  return Temporal.Instant.fromEpochMilliseconds(now)
    .toZonedDateTimeISO(zone)
    .startOfDay()
    .add({ days: 7 * weeks })
    .toInstant().epochMilliseconds;
}

/** The week, counted from the visitor's today, an instant falls in (a time being moved, to mark it). */
export function weekHolding(now: number, zone: string, at: number): number {
  let index = Math.max(0, Math.floor((at - weekStart(now, zone, 0)) / (7 * DAY)));
  // Across a clock change a week is an hour shorter or longer: step to the week whose bounds hold it.
  while (index > 0 && at < weekStart(now, zone, index)) index--;
  while (at >= weekStart(now, zone, index + 1)) index++;
  return index;
}

/** Every therapist's times starting in [from, to), pooled; only ever within what the page may offer. */
export function offeredIn(offers: Offer[], now: number, from: number, to: number): PooledSlot[] {
  const start = Math.max(from, now);
  const end = Math.min(to, now + reachDays * DAY);
  if (start >= end) return [];
  return pooledSlots(
    offers.map((offer) => ({
      therapistId: offer.therapistId,
      slots: computeSlots({ ...offer, now, from: start, to: end }).filter(
        (slot) => slot.start !== offer.holds,
      ),
    })),
  );
}

/**
 * The first time anyone offers from now on: a week is looked at first (where it usually is), then four,
 * then the rest, so a full diary costs a few wider looks rather than a day-by-day walk.
 */
export function nextOffered(offers: Offer[], now: number): PooledSlot | undefined {
  const end = now + reachDays * DAY;
  let from = now;
  for (const days of [7, 28, reachDays]) {
    const to = Math.min(end, from + days * DAY);
    const first = offeredIn(offers, now, from, to)[0];
    if (first) return first;
    if (to >= end) return undefined;
    from = to;
  }
  return undefined;
}

/**
 * What the times page shows for the visitor's zone and chosen week. `horizonDays` is the longest horizon of
 * the therapists offering: the last week reaches it.
 */
export function timesInWeeks(input: {
  offers: Offer[];
  horizonDays: number;
  now: number;
  zone: string;
  week: number;
}): TimesInWeeks {
  const { offers, now, zone } = input;
  const lastWeek = Math.ceil(input.horizonDays / 7);
  const week = Math.min(input.week, lastWeek);
  const first = weekStart(now, zone, 0);
  const computed = new Map<number, PooledSlot[]>();
  const weekOf = (index: number) => {
    let slots = computed.get(index);
    if (!slots) {
      slots = offeredIn(offers, now, weekStart(now, zone, index), weekStart(now, zone, index + 1));
      computed.set(index, slots);
    }
    return slots;
  };
  const held = [week - 1, week, week + 1].filter((index) => index >= 0 && index <= lastWeek);
  // Near the start the next time is usually in a week the page holds anyway: the first of the weeks from
  // the first, if one has any; else a look ahead from now. Week 0 begins at midnight, before now, so it
  // holds every time up to its end.
  let nextAvailable: PooledSlot | undefined;
  for (const index of held) {
    if (index !== 0 && !computed.has(index - 1)) break;
    nextAvailable = weekOf(index)[0];
    if (nextAvailable) break;
  }
  nextAvailable ??= nextOffered(offers, now);
  const nextAvailableWeek = nextAvailable ? Math.floor((nextAvailable.start - first) / (7 * DAY)) : undefined;
  if (nextAvailableWeek !== undefined && nextAvailableWeek <= lastWeek && !held.includes(nextAvailableWeek)) {
    held.push(nextAvailableWeek);
  }
  const weeks = held.sort((a, b) => a - b).map((index) => ({ index, slots: weekOf(index) }));
  return { week, lastWeek, weeks, nextAvailable, nextAvailableWeek };
}
