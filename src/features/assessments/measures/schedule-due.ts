import { Temporal } from "temporal-polyfill";

/**
 * When a weekly measure is next due. Pure (no clock, no database), so it is tested with any dates,
 * time zones and clock changes (schedule-due.test.ts).
 */

/** The instant the latest `weekday` (ISO: 1 Monday … 7 Sunday) began, at or before `now`, in the zone. */
export function latestWeekdayStart(weekday: number, now: Date, timeZone: string): Date {
  const here = Temporal.Instant.fromEpochMilliseconds(now.getTime()).toZonedDateTimeISO(timeZone);
  const back = (here.dayOfWeek - weekday + 7) % 7;
  // startOfDay, not midnight: on a day whose clocks change at midnight the day begins at 01:00.
  const start = here.toPlainDate().subtract({ days: back }).toZonedDateTime({ timeZone }).startOfDay();
  return new Date(start.epochMilliseconds);
}

/**
 * Whether this week's asking is still to be made: never asked yet (a new schedule asks at once), or last
 * asked before this week's day came round.
 */
export function isDue(
  schedule: { weekday: number },
  lastAskedAt: Date | null,
  now: Date,
  timeZone: string,
): boolean {
  if (!lastAskedAt) return true;
  return lastAskedAt.getTime() < latestWeekdayStart(schedule.weekday, now, timeZone).getTime();
}
