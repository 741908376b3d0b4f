import { Temporal } from "temporal-polyfill";

/** The instant a "YYYY-MM-DDTHH:mm" typed in the practice's zone names (a time skipped by DST moves on). */
export function instantInZone(localDateTime: string, timeZone: string): Date | undefined {
  try {
    const zoned = Temporal.PlainDateTime.from(localDateTime).toZonedDateTime(timeZone, {
      disambiguation: "compatible",
    });
    return new Date(zoned.epochMilliseconds);
  } catch {
    return undefined;
  }
}

/** The "YYYY-MM-DDTHH:mm" an input shows for an instant, in the practice's zone. */
export function localDateTimeInZone(instant: Date, timeZone: string): string {
  const zoned = Temporal.Instant.fromEpochMilliseconds(instant.getTime()).toZonedDateTimeISO(timeZone);
  return zoned.toPlainDateTime().toString({ smallestUnit: "minute" });
}

/** The calendar date of an instant in the practice's zone, as stored in `published_on`. */
export function dateInZone(instant: Date, timeZone: string): string {
  return Temporal.Instant.fromEpochMilliseconds(instant.getTime())
    .toZonedDateTimeISO(timeZone)
    .toPlainDate()
    .toString();
}

/** How far ahead an article may be scheduled. */
export const latestScheduleMs = 2 * 366 * 24 * 3600_000;
