import { Temporal } from "temporal-polyfill";

// Pure slot computation for the free consultation: no I/O, no clock, no database. The booking page and the
// booking transaction both call it, so a start is bookable exactly when it is offered here.

export type WeeklyRange = { weekday: number /* ISO 1=Mon..7=Sun */; startMinute: number; endMinute: number };
export type DateOverride = {
  date: string /* YYYY-MM-DD */;
  ranges: { startMinute: number; endMinute: number }[];
};
export type SlotRules = {
  timeZone: string;
  weekly: WeeklyRange[];
  overrides: DateOverride[];
  durationMinutes: number;
  bufferBeforeMinutes: number;
  bufferAfterMinutes: number;
  minimumNoticeMinutes: number;
  horizonDays: number;
  intervalMinutes: number;
  maxPerDay: number | null;
};
export type Interval = { start: number; end: number };
export type ExistingBooking = { start: number; blockedFrom: number; blockedUntil: number };
export type Slot = { start: number; end: number };
type MinuteRange = { startMinute: number; endMinute: number };

const MINUTE = 60_000;
const DAY = 86_400_000;

/** The time a consultation keeps free: the ONE place buffers are applied. */
export function blockedRange(
  slot: Slot,
  rules: Pick<SlotRules, "bufferBeforeMinutes" | "bufferAfterMinutes">,
): Interval {
  return {
    start: slot.start - rules.bufferBeforeMinutes * MINUTE,
    end: slot.end + rules.bufferAfterMinutes * MINUTE,
  };
}

const knownZones = new Set<string>(); // constructing a formatter costs ~50 µs; zones are few
const listedZones = new Map(Intl.supportedValuesOf("timeZone").map((zone) => [zone.toLowerCase(), zone]));

/**
 * The zone's usual spelling ("europe/london" → "Europe/London"), or undefined when no zone has that name.
 * Intl, not Temporal, decides: browsers report aliases such as Asia/Kolkata, kept as they are. Only names
 * the runtime lists or calls a zone by are kept in `knownZones`: an address can spell one name in endless
 * ways (eUrOpE/lOnDoN), and none of those may grow it.
 */
export function zoneSpelling(zone: unknown): string | undefined {
  if (typeof zone !== "string" || zone === "") return undefined;
  if (knownZones.has(zone)) return zone;
  let named: string;
  try {
    named = new Intl.DateTimeFormat("en", { timeZone: zone }).resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
  const listed = listedZones.get(zone.toLowerCase());
  if (zone === named || zone === listed) {
    knownZones.add(zone);
    return zone;
  }
  return listed ?? zone;
}

export function isValidTimeZone(zone: string): boolean {
  return zoneSpelling(zone) !== undefined;
}

function zoned(instant: number, timeZone: string): Temporal.ZonedDateTime {
  return Temporal.Instant.fromEpochMilliseconds(Math.floor(instant)).toZonedDateTimeISO(timeZone);
}

export function localDate(instant: number, timeZone: string): string {
  return zoned(instant, timeZone).toPlainDate().toString();
}

/**
 * Local days from the date of `first` through the date of `last`, each with its start instant and whether
 * its wall clock runs evenly (no offset change from its midnight to the next), so minutes are plain arithmetic.
 */
function localDays(zone: string, first: number, last: number) {
  const firstDate = zoned(first, zone).toPlainDate();
  const count = zoned(last, zone).toPlainDate().since(firstDate).days + 1;
  const firstStart = firstDate.toZonedDateTime(zone);
  const transitions: number[] = [];
  const until = firstStart.epochMilliseconds + (count + 2) * DAY;
  for (let t = firstStart.subtract({ hours: 1 }).getTimeZoneTransition("next"); t; ) {
    if (t.epochMilliseconds > until) break;
    transitions.push(t.epochMilliseconds);
    t = t.getTimeZoneTransition("next");
  }
  const starts = [firstStart.epochMilliseconds];
  const even: boolean[] = [];
  for (let i = 0; i < count; i++) {
    const start = starts[i] as number;
    const isEven = !transitions.some((t) => t >= start && t <= start + DAY);
    even.push(isEven);
    starts.push(
      isEven ? start + DAY : firstDate.add({ days: i + 1 }).toZonedDateTime(zone).epochMilliseconds,
    );
  }
  return { firstDate, count, starts, even, transitions };
}

/** A wall-clock minute of a date as an instant. A start in a spring-forward gap moves later ("compatible");
 * an end in a gap is cut to where the gap begins, so no slot runs past the hours the therapist set. */
function wallInstant(
  date: Temporal.PlainDate,
  minute: number,
  zone: string,
  transitions: number[],
  isEnd: boolean,
) {
  const day = minute === 1440 ? date.add({ days: 1 }) : date;
  const m = minute % 1440;
  const wall = day.toPlainDateTime({ hour: Math.floor(m / 60), minute: m % 60 });
  const at = wall.toZonedDateTime(zone, { disambiguation: "compatible" });
  if (!isEnd || Temporal.PlainDateTime.compare(at.toPlainDateTime(), wall) === 0) return at.epochMilliseconds;
  return transitions.filter((t) => t <= at.epochMilliseconds).at(-1) ?? at.epochMilliseconds;
}

function assertRules(rules: SlotRules, now: number): void {
  const fail = (what: string) => {
    throw new Error(`computeSlots: ${what}`);
  };
  if (!isValidTimeZone(rules.timeZone)) fail(`"${rules.timeZone}" is not a known time zone`);
  if (!(rules.durationMinutes > 0) || !Number.isFinite(rules.durationMinutes)) fail("duration must be > 0");
  if (!(rules.intervalMinutes > 0) || !Number.isFinite(rules.intervalMinutes)) fail("interval must be > 0");
  for (const key of [
    "bufferBeforeMinutes",
    "bufferAfterMinutes",
    "minimumNoticeMinutes",
    "horizonDays",
  ] as const) {
    if (!(rules[key] >= 0) || !Number.isFinite(rules[key])) fail(`${key} must be a number >= 0`);
  }
  if (rules.maxPerDay !== null && !(Number.isInteger(rules.maxPerDay) && rules.maxPerDay >= 0)) {
    fail("maxPerDay must be null or a whole number >= 0");
  }
  if (!Number.isFinite(now)) fail("now must be a finite instant");
  const ranges: MinuteRange[] = [...rules.weekly, ...rules.overrides.flatMap((o) => o.ranges)];
  for (const r of ranges) {
    const ok = Number.isInteger(r.startMinute) && Number.isInteger(r.endMinute);
    if (!ok || r.startMinute < 0 || r.endMinute > 1440 || r.startMinute >= r.endMinute) {
      fail(`bad range ${r.startMinute}-${r.endMinute}`);
    }
  }
  for (const w of rules.weekly) if (!(w.weekday >= 1 && w.weekday <= 7)) fail(`bad weekday ${w.weekday}`);
  for (const o of rules.overrides)
    if (!/^\d{4}-\d{2}-\d{2}$/.test(o.date)) fail(`bad override date ${o.date}`);
}

/**
 * Disjoint, sorted union of the bookings' blocked times and the busy times that can touch [from, until).
 * Only those are copied: a page asks about a week of a diary that holds a year (record 074).
 */
function mergedBlocks(
  bookings: ExistingBooking[],
  busy: Interval[],
  from: number,
  until: number,
): Interval[] {
  const relevant: Interval[] = [];
  const consider = (start: number, end: number) => {
    if (end > from && start < until && start < end) relevant.push({ start, end });
  };
  for (const b of bookings) consider(b.blockedFrom, b.blockedUntil);
  for (const b of busy) consider(b.start, b.end);
  relevant.sort((a, b) => a.start - b.start);
  const merged: Interval[] = [];
  for (const b of relevant) {
    const last = merged.at(-1);
    if (last && b.start <= last.end) last.end = Math.max(last.end, b.end);
    else merged.push(b);
  }
  return merged;
}

/** Offered consultation starts, sorted and unique. `from`/`to` narrow the output to starts in [from, to). */
export function computeSlots(input: {
  rules: SlotRules;
  bookings: ExistingBooking[];
  busy: Interval[];
  now: number;
  from?: number;
  to?: number;
}): Slot[] {
  const { rules, now } = input;
  assertRules(rules, now);
  const zone = rules.timeZone;
  const duration = rules.durationMinutes * MINUTE;
  const step = rules.intervalMinutes * MINUTE;
  const before = rules.bufferBeforeMinutes * MINUTE;
  const after = rules.bufferAfterMinutes * MINUTE;
  const earliest = Math.max(now + rules.minimumNoticeMinutes * MINUTE, input.from ?? -Infinity);
  const latest = now + rules.horizonDays * DAY; // inclusive
  const to = input.to ?? Infinity; // exclusive
  if (earliest > latest || earliest >= to) return [];

  const { firstDate, count, starts, even, transitions } = localDays(zone, earliest, Math.min(latest, to));
  const lastKey = firstDate.add({ days: count - 1 }).toString();
  const firstKey = firstDate.toString();
  const dayRanges: MinuteRange[][] = [];
  const overridden = new Set<number>();
  for (const o of rules.overrides) {
    if (o.date < firstKey || o.date > lastKey) continue;
    const i = Temporal.PlainDate.from(o.date).since(firstDate).days;
    if (!overridden.has(i)) dayRanges[i] = [];
    overridden.add(i);
    dayRanges[i]?.push(...o.ranges);
  }
  for (let i = 0; i < count; i++) {
    const weekday = ((firstDate.dayOfWeek - 1 + i) % 7) + 1;
    if (!overridden.has(i)) dayRanges[i] = rules.weekly.filter((w) => w.weekday === weekday);
  }

  const perDay = new Array<number>(count).fill(0);
  if (rules.maxPerDay !== null) {
    for (const b of input.bookings) {
      let lo = 0;
      let hi = count; // find the last day whose start <= b.start
      if (b.start < (starts[0] as number) || b.start >= (starts[count] as number)) continue;
      while (hi - lo > 1) {
        const mid = (lo + hi) >> 1;
        if ((starts[mid] as number) <= b.start) lo = mid;
        else hi = mid;
      }
      perDay[lo] = (perDay[lo] as number) + 1;
    }
  }

  const blocks = mergedBlocks(
    input.bookings,
    input.busy,
    (starts[0] as number) - before - DAY,
    (starts[count] as number) + after + DAY,
  );

  const slots: Slot[] = [];
  let j = 0;
  for (let i = 0; i < count; i++) {
    const ranges = dayRanges[i] ?? [];
    if (ranges.length === 0) continue;
    if (rules.maxPerDay !== null && (perDay[i] as number) >= rules.maxPerDay) continue;
    const dayStart = starts[i] as number;
    const date = even[i] ? undefined : firstDate.add({ days: i });
    const candidates: number[] = [];
    for (const r of ranges) {
      const a = date
        ? wallInstant(date, r.startMinute, zone, transitions, false)
        : dayStart + r.startMinute * MINUTE;
      const b = date
        ? wallInstant(date, r.endMinute, zone, transitions, true)
        : dayStart + r.endMinute * MINUTE;
      for (let s = a; s + duration <= b; s += step) candidates.push(s);
    }
    if (ranges.length > 1) candidates.sort((x, y) => x - y);
    let previous = Number.NaN;
    for (const s of candidates) {
      if (s === previous) continue;
      previous = s;
      if (s < earliest || s > latest || s >= to) continue;
      // Blocks and candidates are both sorted, so the sweep only moves forward.
      while (j < blocks.length && (blocks[j] as Interval).end <= s - before) j++;
      const block = blocks[j];
      if (block && block.start < s + duration + after) continue;
      slots.push({ start: s, end: s + duration });
    }
  }
  return slots;
}
