import ICAL from "ical.js";

// A VTIMEZONE's STANDARD and DAYLIGHT parts recur yearly (the last Sunday of March, say). ical.js expands
// them from their DTSTART, often 1601, to a few years past today, with the same iterator that can loop for
// ever on an impossible rule and that we cannot budget from outside. So a zone whose rules are not plain
// yearly ones is removed before any time is read: its TZID then falls back to its IANA name, or to the
// floating zone (see ical-instants.ts). Real feeds (Google, Outlook, iCloud) only use the plain shape.

// At most one change a year: one month, one weekday, and the week of days it may fall in (the older
// "BYMONTHDAY=8,9,10,11,12,13,14;BYDAY=SU" way of writing "second Sunday").
const MAX_VALUES: Record<string, number> = { BYMONTH: 1, BYDAY: 1, BYMONTHDAY: 7 };

function isPlainYearlyRule(rule: unknown): boolean {
  if (!(rule instanceof ICAL.Recur) || rule.freq !== "YEARLY") return false;
  return Object.entries(rule.parts).every(([part, values]) => {
    const max = MAX_VALUES[part];
    return max !== undefined && Array.isArray(values) && values.length <= max;
  });
}

function isSafeZone(vtimezone: ICAL.Component): boolean {
  try {
    return vtimezone
      .getAllSubcomponents()
      .every((part) =>
        part.getAllProperties("rrule").every((property) => isPlainYearlyRule(property.getFirstValue())),
      );
  } catch {
    return false; // a rule ical.js cannot even parse
  }
}

/** Removes every VTIMEZONE that could make ical.js's zone expansion hang. Returns how many it removed. */
export function dropUnsafeTimezones(calendar: ICAL.Component): number {
  let removed = 0;
  for (const vtimezone of calendar.getAllSubcomponents("vtimezone")) {
    if (!isSafeZone(vtimezone)) {
      calendar.removeSubcomponent(vtimezone);
      removed += 1;
    }
  }
  return removed;
}
