/** Slots grouped by the visitor's local day, in order. */
export function groupByDay<T extends { start: number }>(
  slots: T[],
  timeZone: string,
): { day: string; slots: T[] }[] {
  const groups = new Map<string, T[]>();
  for (const slot of slots) {
    const key = new Intl.DateTimeFormat("en-CA", {
      timeZone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
    }).format(slot.start);
    groups.set(key, [...(groups.get(key) ?? []), slot]);
  }
  return [...groups.entries()].map(([day, grouped]) => ({ day, slots: grouped }));
}
