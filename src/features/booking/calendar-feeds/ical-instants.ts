import ICAL from "ical.js";
import { Temporal } from "temporal-polyfill";
import { isValidTimeZone } from "../compute-slots.ts";

// Turns ical.js times into epoch milliseconds. ical.js already knows the zones defined by the feed's own
// VTIMEZONE blocks (it looks them up in the parsed file), and converts those itself. What it cannot do is
// place a time whose zone it does not know: a floating time, or a TZID with no VTIMEZONE in the file. It
// silently treats both as UTC, so those go through Temporal here instead.
// The feed's zones are deliberately NOT registered with ICAL.TimezoneService: that registry is one per
// process, so one feed's idea of "Eastern Standard Time" (or a bogus "Europe/London") would silently apply to
// every feed parsed after it. ical.js 2 finds a TZID's VTIMEZONE in the parsed file itself without it.

export interface ZoneChoices {
  /** Zone for floating times (no TZID, no "Z"), and for a TZID the file neither defines nor names in IANA. */
  floatingZone: string;
  /** Zone whose midnights bound an all-day (VALUE=DATE) event: the therapist's own. */
  allDayZone: string;
}

/** The TZID parameter of a property, if it has exactly one. */
export function tzidOf(property: ICAL.Property | null): string | null {
  const tzid = property?.getParameter("tzid");
  return typeof tzid === "string" && tzid !== "" ? tzid : null;
}

export class InstantConverter {
  constructor(private readonly zones: ZoneChoices) {}

  /**
   * The instant a DATE-TIME names, or the start of a DATE's day in the all-day zone. `tzid` is the TZID
   * parameter of the property the time came from (for a recurrence, the DTSTART's).
   */
  instant(time: ICAL.Time, tzid: string | null): number {
    if (time.isDate) return this.startOfDay(time, 0);
    if (time.zone === ICAL.Timezone.utcTimezone) {
      return Date.UTC(time.year, time.month - 1, time.day, time.hour, time.minute, time.second);
    }
    if (time.zone !== ICAL.Timezone.localTimezone) return time.toUnixTime() * 1000; // the feed's VTIMEZONE
    const zone = tzid !== null && isValidTimeZone(tzid) ? tzid : this.zones.floatingZone;
    return Temporal.PlainDateTime.from({
      year: time.year,
      month: time.month,
      day: time.day,
      hour: time.hour,
      minute: time.minute,
      second: time.second,
    }).toZonedDateTime(zone, { disambiguation: "compatible" }).epochMilliseconds;
  }

  /** Midnight (or the day's first moment, where a clock change skips midnight) `addDays` after `date`. */
  startOfDay(date: ICAL.Time, addDays: number): number {
    return Temporal.PlainDate.from({ year: date.year, month: date.month, day: date.day })
      .add({ days: addDays })
      .toZonedDateTime({ timeZone: this.zones.allDayZone }).epochMilliseconds;
  }

  /** The wall-clock time `days` calendar days later, as an instant: how RFC 5545 adds nominal days. */
  instantDaysLater(time: ICAL.Time, tzid: string | null, days: number): number {
    if (days === 0) return this.instant(time, tzid);
    const later = time.clone();
    later.adjust(days, 0, 0, 0);
    return this.instant(later, tzid);
  }
}
