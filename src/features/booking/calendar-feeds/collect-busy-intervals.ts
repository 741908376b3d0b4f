import ICAL from "ical.js";
import { blocksTime } from "./event-blocks-time.ts";
import {
  hasOwnEnd,
  type Interval,
  longestOccurrenceMs,
  occurrenceInterval,
  startOf,
  timingOf,
} from "./event-timing.ts";
import {
  ExpansionGuardUnavailable,
  recurrenceStarts,
  type WorkBudget,
  WorkLimitReached,
} from "./expand-recurrence.ts";
import { fastForwardStart } from "./fast-forward.ts";
import { type InstantConverter, tzidOf } from "./ical-instants.ts";

// One VCALENDAR's events → busy intervals inside the window. A recurring event ("master") and its
// overridden occurrences (same UID, with RECURRENCE-ID) are related here by UID, not by ical.js's Event
// constructor, which relates every RECURRENCE-ID event in the file to every master unless told otherwise.
// An override is matched to the occurrence it replaces by instant, so a RECURRENCE-ID written in UTC still
// matches an occurrence computed in the event's own zone. A RANGE=THISANDFUTURE override is treated as an
// override of its one occurrence: Google, Outlook and iCloud split a series in two instead of writing one.

export interface CollectContext {
  from: number;
  to: number;
  converter: InstantConverter;
  budget: WorkBudget;
  intervals: Interval[];
  tally: { unreadableEvents: number; seriesCutShort: number };
}

export function collectBusyIntervals(calendar: ICAL.Component, context: CollectContext): void {
  const masters: ICAL.Component[] = [];
  const overridesByUid = new Map<string, ICAL.Component[]>();
  const orphans: ICAL.Component[] = [];
  for (const vevent of calendar.getAllSubcomponents("vevent")) {
    const uid = uidOf(vevent);
    if (!vevent.hasProperty("recurrence-id")) masters.push(vevent);
    else if (uid === null) orphans.push(vevent);
    else if (overridesByUid.has(uid)) overridesByUid.get(uid)?.push(vevent);
    else overridesByUid.set(uid, [vevent]);
  }

  const masterByUid = new Map<string, ICAL.Component>();
  for (const master of masters) {
    const uid = uidOf(master);
    if (uid !== null && !masterByUid.has(uid)) masterByUid.set(uid, master);
    const overrides = uid === null ? [] : (overridesByUid.get(uid) ?? []);
    guarded(context, () => addMasterOccurrences(master, overrides, context));
  }
  // Every override stands on its own: an occurrence moved in from beyond the window is found here too, and
  // an override whose series is missing from the feed (Google publishes these) still blocks its time.
  for (const [uid, overrides] of overridesByUid) {
    for (const override of overrides) {
      guarded(context, () => addOverride(override, masterByUid.get(uid) ?? null, context));
    }
  }
  for (const orphan of orphans) guarded(context, () => addOverride(orphan, null, context));
}

function addMasterOccurrences(
  master: ICAL.Component,
  overrides: ICAL.Component[],
  context: CollectContext,
): void {
  if (!blocksTime(master)) return; // its overrides are judged on their own
  const { converter } = context;
  const start = startOf(master);
  if (start === null) throw new Error("event without a start");
  const timing = timingOf(master, converter);
  if (timing === null) return; // lasts no time, blocks nothing

  const replaced = new Set(overrides.map((override) => recurrenceIdInstant(override, converter)));
  const first = occurrenceInterval(start.time, start.tzid, timing, converter);
  if (!master.hasProperty("rrule") && !master.hasProperty("rdate")) {
    if (!replaced.has(first.start)) addIfInWindow(first, context);
    return;
  }
  // ical.js applies EXDATE itself; matching by instant as well catches an EXDATE written in another zone.
  const excluded = exdateInstants(master, converter);
  const walkFrom = fastForwardStart(
    master,
    start.time,
    first.start,
    longestOccurrenceMs(timing),
    context.from,
  );
  context.budget.startSeries();
  for (const occurrence of recurrenceStarts(master, walkFrom, context.to, context.budget)) {
    const interval = occurrenceInterval(occurrence, start.tzid, timing, converter);
    if (interval.start >= context.to) return;
    if (!replaced.has(interval.start) && !excluded.has(interval.start)) addIfInWindow(interval, context);
  }
}

function addOverride(override: ICAL.Component, master: ICAL.Component | null, context: CollectContext): void {
  if (!blocksTime(override)) return; // a cancelled or "free" occurrence: its time is simply not busy
  const { converter } = context;
  const start = startOf(override);
  if (start === null) throw new Error("override without a start");
  // An override that gives no end of its own keeps its series' length rather than lasting no time at all:
  // missing a busy time would let a client book over it, which costs more than losing one slot.
  const timing =
    !hasOwnEnd(override) && !start.time.isDate && master !== null
      ? timingOf(master, converter)
      : timingOf(override, converter);
  if (timing !== null) addIfInWindow(occurrenceInterval(start.time, start.tzid, timing, converter), context);
}

function addIfInWindow(interval: Interval, context: CollectContext): void {
  if (interval.end > interval.start && interval.start < context.to && interval.end > context.from) {
    context.intervals.push(interval);
  }
}

function guarded(context: CollectContext, work: () => void): void {
  try {
    work();
  } catch (error) {
    if (error instanceof ExpansionGuardUnavailable) throw error;
    if (error instanceof WorkLimitReached) context.tally.seriesCutShort += 1;
    else context.tally.unreadableEvents += 1; // a bad date, a rule ical.js rejects: skip this event only
  }
}

function uidOf(vevent: ICAL.Component): string | null {
  const uid = vevent.getFirstPropertyValue("uid");
  return typeof uid === "string" && uid !== "" ? uid : null;
}

function recurrenceIdInstant(override: ICAL.Component, converter: InstantConverter): number | null {
  const property = override.getFirstProperty("recurrence-id");
  const value = property?.getFirstValue();
  return value instanceof ICAL.Time ? converter.instant(value, tzidOf(property ?? null)) : null;
}

function exdateInstants(master: ICAL.Component, converter: InstantConverter): Set<number> {
  const instants = new Set<number>();
  for (const property of master.getAllProperties("exdate")) {
    const tzid = tzidOf(property);
    for (const value of property.getValues()) {
      if (value instanceof ICAL.Time) instants.add(converter.instant(value, tzid));
    }
  }
  return instants;
}
