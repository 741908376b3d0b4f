import type { Slot } from "./compute-slots.ts";

/** The offered times nearest a wanted start, in time order: what to suggest when it was just taken. */
export function nearestSlots(slots: Slot[], start: number, count = 3): Slot[] {
  return [...slots]
    .sort((a, b) => Math.abs(a.start - start) - Math.abs(b.start - start))
    .slice(0, count)
    .sort((a, b) => a.start - b.start);
}
