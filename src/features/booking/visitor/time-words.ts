/** How times read on the booking pages, always in the zone named beside them. */
export function dayHeading(instant: number, timeZone: string): string {
  return new Intl.DateTimeFormat("en-GB", {
    weekday: "long",
    day: "numeric",
    month: "long",
    timeZone,
  }).format(instant);
}

export function clockTime(instant: number, timeZone: string): string {
  return new Intl.DateTimeFormat("en-GB", { hour: "2-digit", minute: "2-digit", timeZone }).format(instant);
}

/** "Tuesday 24 November 2026 at 20:30 (Sydney time, GMT+11)": the whole moment, the zone named. */
export function fullMoment(instant: number, timeZone: string): string {
  const day = new Intl.DateTimeFormat("en-GB", {
    weekday: "long",
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone,
  }).format(instant);
  const zoneName =
    new Intl.DateTimeFormat("en-GB", { timeZone, timeZoneName: "short" })
      .formatToParts(instant)
      .find((part) => part.type === "timeZoneName")?.value ?? timeZone;
  const place = (timeZone.split("/").pop() ?? timeZone).replace(/_/g, " ");
  return `${day} at ${clockTime(instant, timeZone)} (${place} time, ${zoneName})`;
}

/** Zones a visitor can pick without JavaScript, their own first when known. */
export function zoneChoices(): string[] {
  return Intl.supportedValuesOf("timeZone");
}

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
