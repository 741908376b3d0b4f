import ICAL from "ical.js";

// ical.js can only walk a series from its first occurrence, so a weekly meeting created ten years ago costs
// five hundred steps before the window is reached, and a feed full of such series would use up its work
// budget on the past. For the shapes that repeat exactly — a DAILY or WEEKLY rule with no COUNT and only
// parts that a whole number of periods leaves unchanged — the walk can start a whole number of periods
// later instead: the same wall-clock time, the same weekday, so the same occurrences from there on.
// If the original DTSTART did not match its rule, the moved one is a spurious first "occurrence"; it lies
// well before the window (see MARGIN_DAYS), so it is never returned.

const MARGIN_DAYS = 2;
const DAY_MS = 86_400_000;
const TIME_PARTS = new Set(["BYHOUR", "BYMINUTE", "BYSECOND"]);

/** Days after which the rule's pattern repeats exactly, or null when moving the start could change it. */
function periodInDays(master: ICAL.Component): number | null {
  const rules = master.getAllProperties("rrule");
  const rule = rules[0]?.getFirstValue();
  if (rules.length !== 1 || !(rule instanceof ICAL.Recur) || rule.count) return null;
  const parts = Object.keys(rule.parts);
  const interval = Math.max(1, rule.interval);
  const onlyTimeAndWeekday = parts.every((part) => TIME_PARTS.has(part) || part === "BYDAY");
  const weekdaysWithoutOrdinals = (rule.parts.BYDAY ?? []).every((day) => /^[A-Z]{2}$/.test(String(day)));
  if (!onlyTimeAndWeekday || !weekdaysWithoutOrdinals) return null;
  if (rule.freq === "WEEKLY") return interval * 7;
  if (rule.freq === "DAILY") return parts.includes("BYDAY") ? interval * 7 : interval; // keep the weekday
  return null;
}

/**
 * Where to start walking the series so that no occurrence ending after `notBefore` is skipped.
 * `startMs` is the DTSTART as an instant; `longestMs` bounds how long one occurrence lasts.
 */
export function fastForwardStart(
  master: ICAL.Component,
  dtstart: ICAL.Time,
  startMs: number,
  longestMs: number,
  notBefore: number,
): ICAL.Time {
  const period = periodInDays(master);
  if (period === null) return dtstart;
  const target = notBefore - longestMs - MARGIN_DAYS * DAY_MS;
  const periods = Math.floor((target - startMs) / (period * DAY_MS));
  if (periods <= 0) return dtstart;
  const moved = dtstart.clone();
  moved.adjust(periods * period, 0, 0, 0); // wall-clock days: a clock change in between moves nothing
  return moved;
}
