// "First available" in a group practice (issue 5, item 6). Pure: no I/O, no clock.
import type { Slot } from "../compute-slots.ts";

/** A time offered by at least one therapist, with every therapist who offers it. */
export type PooledSlot = Slot & { therapistIds: string[] };

/**
 * The union of several therapists' offered times: one entry per start, listing who offers it, sorted by
 * start. Where lengths differ, the entry ends with the longest: it is a time to choose, not a booking.
 */
export function pooledSlots(offers: { therapistId: string; slots: Slot[] }[]): PooledSlot[] {
  const byStart = new Map<number, PooledSlot>();
  for (const { therapistId, slots } of offers) {
    for (const slot of slots) {
      const pooled = byStart.get(slot.start);
      if (!pooled) byStart.set(slot.start, { ...slot, therapistIds: [therapistId] });
      else {
        pooled.therapistIds.push(therapistId);
        pooled.end = Math.max(pooled.end, slot.end);
      }
    }
  }
  return [...byStart.values()].sort((a, b) => a.start - b.start);
}

/**
 * The order in which to offer a time to the therapists who have it: least recently booked first (someone
 * never booked before anyone), so consultations are shared out in turn, as Cal.com's round robin does;
 * ties by id, so the order is the same on every instance.
 */
export function fairOrder(therapistIds: string[], lastBookedAt: ReadonlyMap<string, number>): string[] {
  const last = (id: string) => lastBookedAt.get(id) ?? Number.NEGATIVE_INFINITY;
  return [...therapistIds].sort((a, b) => last(a) - last(b) || (a < b ? -1 : a > b ? 1 : 0));
}
