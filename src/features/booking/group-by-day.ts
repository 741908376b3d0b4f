import { dateTimeFormat } from "../../platform/web/date-time-formats.ts";

/** Slots grouped by the visitor's local day, in order. */
export function groupByDay<T extends { start: number }>(
  slots: T[],
  timeZone: string,
): { day: string; slots: T[] }[] {
  const groups = new Map<string, T[]>();
  // en-CA writes a day as 2026-03-29: a key that sorts and compares as text.
  const dayKey = dateTimeFormat(
    "iso-day",
    timeZone,
    { year: "numeric", month: "2-digit", day: "2-digit" },
    "en-CA",
  );
  for (const slot of slots) {
    const key = dayKey.format(slot.start);
    const group = groups.get(key);
    if (group) group.push(slot);
    else groups.set(key, [slot]);
  }
  return [...groups.entries()].map(([day, grouped]) => ({ day, slots: grouped }));
}
