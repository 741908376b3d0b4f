import ICAL from "ical.js";
import { isValidTimeZone } from "../compute-slots.ts";
import { CalendarFeedError } from "./calendar-feed-error.ts";
import { collectBusyIntervals } from "./collect-busy-intervals.ts";
import { dropUnsafeTimezones } from "./drop-unsafe-timezones.ts";
import type { Interval } from "./event-timing.ts";
import { defaultExpansionLimits, type ExpansionLimits, WorkBudget } from "./expand-recurrence.ts";
import { InstantConverter } from "./ical-instants.ts";
import { calendarFeedMessages as messages } from "./messages.ts";

// A therapist's own calendar feed (.ics text) → the times it makes them busy within a window. Pure: no
// clock, no I/O, no process time zone. The intervals are returned raw, one per busy occurrence, sorted by
// start and not merged: the slot computation only asks "does anything overlap?", and raw intervals can be
// traced back to the event that caused them when a therapist asks why a time is not offered. An interval
// that begins before the window or ends after it is kept whole, not clipped.

export interface BusyInterval {
  start: Date;
  end: Date;
}

export interface BusyTimes {
  busy: BusyInterval[];
  /** Events skipped because they could not be read (no start, a malformed date or rule). */
  unreadableEvents: number;
  /** Recurring series whose expansion hit a work limit, so later occurrences may be missing. */
  seriesCutShort: number;
}

export interface BusyTimesOptions {
  /**
   * IANA zone for floating times (a DATE-TIME with neither "Z" nor TZID), and for a TZID that the feed
   * does not define and that is not an IANA name. Floating times mean "wherever the reader is", which for a
   * practice is the practice's zone: pass it. The default is UTC rather than the server's zone, so the same
   * feed gives the same answer on every machine (the server's zone is an accident of deployment).
   */
  floatingZone?: string;
  /** IANA zone whose days an all-day event fills: the therapist's. Defaults to `floatingZone`. */
  allDayZone?: string;
  limits?: Partial<ExpansionLimits>;
}

export function busyTimesFromIcal(
  icsText: string,
  window: { from: Date; to: Date },
  options: BusyTimesOptions = {},
): BusyTimes {
  const from = window.from.getTime();
  const to = window.to.getTime();
  if (!(from < to)) throw new RangeError("The window must start before it ends.");
  const floatingZone = options.floatingZone ?? "UTC";
  const allDayZone = options.allDayZone ?? floatingZone;
  for (const zone of [floatingZone, allDayZone]) {
    if (!isValidTimeZone(zone)) throw new RangeError(`Unknown time zone: ${zone}`);
  }

  const context = {
    from,
    to,
    converter: new InstantConverter({ floatingZone, allDayZone }),
    budget: new WorkBudget({ ...defaultExpansionLimits, ...options.limits }),
    intervals: [] as Interval[],
    tally: { unreadableEvents: 0, seriesCutShort: 0 },
  };
  for (const calendar of parseCalendars(icsText)) {
    dropUnsafeTimezones(calendar);
    collectBusyIntervals(calendar, context);
  }
  context.intervals.sort((a, b) => a.start - b.start || a.end - b.end);
  return {
    busy: context.intervals.map(({ start, end }) => ({ start: new Date(start), end: new Date(end) })),
    ...context.tally,
  };
}

/** The file's VCALENDARs (a few servers concatenate several), or a CalendarFeedError the therapist can read. */
function parseCalendars(icsText: string): ICAL.Component[] {
  const text = icsText.replace(/^\uFEFF/, "").trimStart();
  if (text === "") throw new CalendarFeedError("empty", messages.empty);
  if (text.startsWith("<")) throw new CalendarFeedError("web-page", messages.webPage);
  if (!/^BEGIN:VCALENDAR\b/i.test(text)) throw new CalendarFeedError("not-a-calendar", messages.notACalendar);

  let parsed: unknown;
  try {
    parsed = ICAL.parse(text);
  } catch {
    throw new CalendarFeedError("unreadable", messages.unreadable);
  }
  // ICAL.parse returns one jCal component, or an array of them when the text holds several.
  const roots: unknown[] =
    Array.isArray(parsed) && typeof parsed[0] === "string" ? [parsed] : [parsed].flat();
  const calendars = roots
    .filter((root): root is unknown[] => Array.isArray(root))
    .map((root) => new ICAL.Component(root))
    .filter((component) => component.name === "vcalendar");
  if (calendars.length === 0) throw new CalendarFeedError("not-a-calendar", messages.notACalendar);
  return calendars;
}
