import { dateTimeFormat } from "./date-time-formats.ts";

/** A calendar date ("2026-10-05") in words for the reader, e.g. "5 October 2026". No time zone involved. */
export function formatCalendarDate(isoDate: string, locale = "en-GB"): string {
  const [year, month, day] = isoDate.split("-").map(Number);
  return new Intl.DateTimeFormat(locale, {
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: "UTC",
  }).format(new Date(Date.UTC(year ?? 1970, (month ?? 1) - 1, day ?? 1)));
}

/** A moment in a reader's zone with its weekday and zone, e.g. "Mon 7 Dec, 09:30 GMT" (lists of notices). */
export function formatMoment(date: Date, timeZone: string): string {
  return dateTimeFormat("moment", timeZone, {
    weekday: "short",
    day: "numeric",
    month: "short",
    hour: "2-digit",
    minute: "2-digit",
    timeZoneName: "short",
  }).format(date);
}
