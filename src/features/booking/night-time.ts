import { dateTimeFormat } from "../../platform/web/date-time-formats.ts";

/**
 * A time is daytime for the visitor when it starts from 07:00 up to (not including) 22:00 on their own clock;
 * any other start is night-time for them. A Sydney visitor looking at a London therapist's afternoon is
 * offered 01:00: it stays offered, but is marked, so nobody books the middle of their night by accident.
 */
const dayStarts = "07:00";
const nightStarts = "22:00";

/**
 * "06:59", "22:00": the visitor's clock, read from the zone's own rules (clock changes included). Plain
 * `format` and a text comparison: `formatToParts` cost twice as much, and a page holds some 200 times.
 */
function clock(instant: number, zone: string): string {
  return dateTimeFormat("hour-minute-h23", zone, {
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).format(instant);
}

export function isNightFor(instant: number, zone: string): boolean {
  const time = clock(instant, zone);
  return time < dayStarts || time >= nightStarts;
}

/**
 * One day's times split in two, each in its original order, the night-time ones also as those before the
 * day's first daytime time and those after it (so a summary can say "00:30–03:30 and 22:00–23:00" rather
 * than one span that reads as the whole day). When the day also has daytime times, the night-time ones are
 * tucked away behind a disclosure; a day with night-time times only shows them all.
 */
export function splitByNight<T extends { start: number }>(
  slots: readonly T[],
  zone: string,
): { day: T[]; night: T[]; early: T[]; late: T[] } {
  const day: T[] = [];
  const early: T[] = [];
  const late: T[] = [];
  for (const slot of slots) {
    if (!isNightFor(slot.start, zone)) day.push(slot);
    else (day.length === 0 ? early : late).push(slot);
  }
  return { day, night: [...early, ...late], early, late };
}
