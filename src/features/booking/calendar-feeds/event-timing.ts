import ICAL from "ical.js";
import { type InstantConverter, tzidOf } from "./ical-instants.ts";

// How long one occurrence of an event lasts, read once per event and applied to every occurrence.
// RFC 5545: an end given by DTEND is an exact duration (the same number of seconds for every occurrence);
// a DURATION's days and weeks are nominal (calendar days, 23 or 25 hours across a clock change) and its
// hours, minutes and seconds exact. All-day events span whole days in the therapist's zone.

export type Timing =
  | { kind: "all-day"; days: number }
  | { kind: "timed"; nominalDays: number; exactMs: number };

export interface Interval {
  start: number;
  end: number;
}

const DAY_SECONDS = 86_400;

export function startOf(component: ICAL.Component): { time: ICAL.Time; tzid: string | null } | null {
  const property = component.getFirstProperty("dtstart");
  const time = property?.getFirstValue();
  return time instanceof ICAL.Time ? { time, tzid: tzidOf(property ?? null) } : null;
}

/**
 * The event's own length, or null when it has none: a DATE-TIME start with neither DTEND nor DURATION
 * lasts no time at all (RFC 5545 3.6.1), so it blocks nothing. A DATE start alone lasts one day.
 */
export function timingOf(component: ICAL.Component, converter: InstantConverter): Timing | null {
  const start = startOf(component);
  if (start === null) return null;
  const endProperty = component.getFirstProperty("dtend");
  const end = endProperty?.getFirstValue();
  const duration = component.getFirstPropertyValue("duration");

  if (start.time.isDate) {
    if (end instanceof ICAL.Time) return { kind: "all-day", days: Math.max(1, daysBetween(start.time, end)) };
    if (duration instanceof ICAL.Duration && !duration.isNegative) {
      return { kind: "all-day", days: Math.max(1, Math.ceil(duration.toSeconds() / DAY_SECONDS)) };
    }
    return { kind: "all-day", days: 1 };
  }
  if (end instanceof ICAL.Time) {
    const exactMs =
      converter.instant(end, tzidOf(endProperty ?? null)) - converter.instant(start.time, start.tzid);
    return exactMs > 0 ? { kind: "timed", nominalDays: 0, exactMs } : null;
  }
  if (duration instanceof ICAL.Duration && !duration.isNegative) {
    const nominalDays = duration.weeks * 7 + duration.days;
    const exactMs = (duration.hours * 3600 + duration.minutes * 60 + duration.seconds) * 1000;
    return nominalDays > 0 || exactMs > 0 ? { kind: "timed", nominalDays, exactMs } : null;
  }
  return null;
}

/** An upper bound on one occurrence's length: a nominal day lasts at most 25 hours. */
export function longestOccurrenceMs(timing: Timing): number {
  const hour = 3_600_000;
  return timing.kind === "all-day"
    ? timing.days * 25 * hour
    : timing.nominalDays * 25 * hour + timing.exactMs;
}

/** Whether the event declares its own end (an override without one borrows its series' length). */
export function hasOwnEnd(component: ICAL.Component): boolean {
  return component.hasProperty("dtend") || component.hasProperty("duration");
}

/** The busy interval of one occurrence starting at `start` (a DATE for all-day timings). */
export function occurrenceInterval(
  start: ICAL.Time,
  tzid: string | null,
  timing: Timing,
  converter: InstantConverter,
): Interval {
  if (timing.kind === "all-day" || start.isDate) {
    const days = timing.kind === "all-day" ? timing.days : 1;
    return { start: converter.startOfDay(start, 0), end: converter.startOfDay(start, days) };
  }
  return {
    start: converter.instant(start, tzid),
    end: converter.instantDaysLater(start, tzid, timing.nominalDays) + timing.exactMs,
  };
}

/** Calendar days from one date to another, read from their date parts only. */
function daysBetween(from: ICAL.Time, to: ICAL.Time): number {
  return Math.round(
    (Date.UTC(to.year, to.month - 1, to.day) - Date.UTC(from.year, from.month - 1, from.day)) / 864e5,
  );
}
