import fc from "fast-check";
import { Temporal } from "temporal-polyfill";
import { describe, expect, it } from "vitest";
import { benchmarkSlots } from "./compute-slots.bench.ts";
import {
  blockedRange,
  computeSlots,
  type ExistingBooking,
  type Interval,
  isValidTimeZone,
  localDate,
  type SlotRules,
  zoneSpelling,
} from "./compute-slots.ts";

const MINUTE = 60_000;
const DAY = 86_400_000;
const hm = (hours: number, minutes = 0) => hours * 60 + minutes;

function rulesWith(changes: Partial<SlotRules>): SlotRules {
  return {
    timeZone: "Europe/London",
    weekly: [],
    overrides: [],
    durationMinutes: 20,
    bufferBeforeMinutes: 0,
    bufferAfterMinutes: 0,
    minimumNoticeMinutes: 0,
    horizonDays: 30,
    intervalMinutes: 20,
    maxPerDay: null,
    ...changes,
  };
}

/** A wall-clock time in a zone as an instant, computed here with Temporal alone. */
function at(zone: string, wall: string): number {
  return Temporal.PlainDateTime.from(wall).toZonedDateTime(zone).epochMilliseconds;
}

/** "2026-03-29T02:00+01:00": wall time with its offset, so DST mistakes are visible in the assertion. */
function wall(ms: number, zone: string): string {
  return Temporal.Instant.fromEpochMilliseconds(ms)
    .toZonedDateTimeISO(zone)
    .toString({ smallestUnit: "minute", timeZoneName: "never" });
}

function booking(start: number, minutes: number, rules: SlotRules): ExistingBooking {
  const blocked = blockedRange({ start, end: start + minutes * MINUTE }, rules);
  return { start, blockedFrom: blocked.start, blockedUntil: blocked.end };
}

/** Offered starts on one local date, as "HH:MM" (or "HH:MM±hh:mm" with offsets). */
function startsOn(
  date: string,
  rules: SlotRules,
  extra: { bookings?: ExistingBooking[]; busy?: Interval[]; now?: number; withOffset?: boolean } = {},
): string[] {
  const day = Temporal.PlainDate.from(date);
  const slots = computeSlots({
    rules,
    bookings: extra.bookings ?? [],
    busy: extra.busy ?? [],
    now: extra.now ?? day.subtract({ days: 3 }).toZonedDateTime(rules.timeZone).epochMilliseconds,
    from: day.toZonedDateTime(rules.timeZone).epochMilliseconds,
    to: day.add({ days: 1 }).toZonedDateTime(rules.timeZone).epochMilliseconds,
  });
  for (const slot of slots) expect(wall(slot.start, rules.timeZone).slice(0, 10)).toBe(date);
  return slots.map((s) => wall(s.start, rules.timeZone).slice(11, extra.withOffset ? undefined : 16));
}

const mondayHours = [{ weekday: 1, startMinute: hm(9), endMinute: hm(11) }];

describe("computeSlots: examples", () => {
  it("offers a plain London Monday in 20-minute steps, at GMT instants, and nothing on other days", () => {
    const rules = rulesWith({ weekly: mondayHours });
    expect(startsOn("2026-03-02", rules)).toEqual(["09:00", "09:20", "09:40", "10:00", "10:20", "10:40"]);
    const now = at("Europe/London", "2026-02-27T12:00");
    const week = computeSlots({
      rules,
      bookings: [],
      busy: [],
      now,
      to: at("Europe/London", "2026-03-09T00:00"),
    });
    expect(week[0]).toEqual({ start: Date.UTC(2026, 2, 2, 9, 0), end: Date.UTC(2026, 2, 2, 9, 20) });
    expect(week).toHaveLength(6);
  });

  it("gives nothing on a day-off override, and other Mondays keep their hours", () => {
    const rules = rulesWith({ weekly: mondayHours, overrides: [{ date: "2026-03-02", ranges: [] }] });
    expect(startsOn("2026-03-02", rules)).toEqual([]);
    expect(startsOn("2026-03-09", rules)).toHaveLength(6);
  });

  it("uses an override's hours instead of the weekly ones, on working and free days alike", () => {
    const rules = rulesWith({
      weekly: mondayHours,
      overrides: [
        { date: "2026-03-02", ranges: [{ startMinute: hm(12), endMinute: hm(13) }] },
        { date: "2026-03-07", ranges: [{ startMinute: hm(14), endMinute: hm(15) }] },
      ],
    });
    expect(startsOn("2026-03-02", rules)).toEqual(["12:00", "12:20", "12:40"]);
    expect(startsOn("2026-03-07", rules)).toEqual(["14:00", "14:20", "14:40"]);
  });

  it("cuts starts before now + notice, and keeps starts up to now + horizon inclusive", () => {
    const notice = rulesWith({ weekly: mondayHours, minimumNoticeMinutes: 12 * 60 });
    const now = at("Europe/London", "2026-03-01T21:10");
    expect(startsOn("2026-03-02", notice, { now })).toEqual(["09:20", "09:40", "10:00", "10:20", "10:40"]);
    const exactly = at("Europe/London", "2026-03-01T21:00"); // now + notice is 09:00 itself: offered
    expect(startsOn("2026-03-02", notice, { now: exactly })).toHaveLength(6);
    const horizon = rulesWith({ weekly: mondayHours, horizonDays: 29 });
    const early = at("Europe/London", "2026-02-01T10:00");
    expect(startsOn("2026-03-02", horizon, { now: early })).toEqual(["09:00", "09:20", "09:40", "10:00"]);
  });

  it("removes exactly the starts whose blocked range overlaps a booking's blocked range", () => {
    const rules = rulesWith({
      weekly: [{ weekday: 1, startMinute: hm(9), endMinute: hm(12) }],
      bufferBeforeMinutes: 10,
      bufferAfterMinutes: 15,
    });
    const taken = booking(at("Europe/London", "2026-03-02T10:00"), 20, rules); // blocks 09:50-10:35
    expect(taken.blockedUntil - taken.blockedFrom).toBe(45 * MINUTE);
    // A start s is blocked over [s-10, s+35): it clashes when 09:15 < s < 10:45.
    expect(startsOn("2026-03-02", rules, { bookings: [taken] })).toEqual([
      "09:00",
      "11:00",
      "11:20",
      "11:40",
    ]);
  });

  it("allows back-to-back times: half-open ranges that touch do not overlap", () => {
    const rules = rulesWith({ weekly: [{ weekday: 1, startMinute: hm(9), endMinute: hm(12) }] });
    const taken = booking(at("Europe/London", "2026-03-02T10:00"), 20, rules);
    const busy = [
      { start: at("Europe/London", "2026-03-02T10:20"), end: at("Europe/London", "2026-03-02T11:00") },
    ];
    expect(startsOn("2026-03-02", rules, { bookings: [taken], busy })).toEqual([
      "09:00",
      "09:20",
      "09:40",
      "11:00",
      "11:20",
      "11:40",
    ]);
  });

  it("stops offering a day once it holds maxPerDay bookings, counted by the therapist's local date", () => {
    const rules = rulesWith({ timeZone: "Asia/Kolkata", weekly: mondayHours, maxPerDay: 1 });
    // 00:10 on Monday in Kolkata is still Sunday in UTC and in the server's zone (St John's).
    const early = booking(at("Asia/Kolkata", "2026-03-02T00:10"), 20, rules);
    expect(new Date(early.start).toISOString().slice(0, 10)).toBe("2026-03-01");
    expect(startsOn("2026-03-02", rules, { bookings: [early] })).toEqual([]);
    expect(startsOn("2026-03-09", rules, { bookings: [early] })).toHaveLength(6);
    const two = rulesWith({ ...rules, maxPerDay: 2 });
    expect(startsOn("2026-03-02", two, { bookings: [early] })).toHaveLength(6);
    // Midnight belongs to the day it starts; a minute before it, to the day before.
    const midnight = booking(at("Asia/Kolkata", "2026-03-09T00:00"), 20, rules);
    const sundayNight = booking(at("Asia/Kolkata", "2026-03-15T23:59"), 20, rules);
    expect(startsOn("2026-03-09", rules, { bookings: [midnight] })).toEqual([]);
    expect(startsOn("2026-03-16", rules, { bookings: [sundayNight] })).toHaveLength(6);
  });

  it("gives no duplicates from duplicate or overlapping ranges", () => {
    const rules = rulesWith({
      weekly: [...mondayHours, ...mondayHours, { weekday: 1, startMinute: hm(9, 30), endMinute: hm(10, 30) }],
    });
    expect(startsOn("2026-03-02", { ...rules, weekly: rules.weekly.slice(1) })).toEqual(
      startsOn("2026-03-02", rules),
    );
    expect(startsOn("2026-03-02", rules)).toEqual([
      "09:00",
      "09:20",
      "09:30",
      "09:40",
      "09:50",
      "10:00",
      "10:10",
      "10:20",
      "10:40",
    ]);
  });

  it("places hours at the right instants in zones with 30- and 45-minute offsets", () => {
    const kathmandu = rulesWith({ timeZone: "Asia/Kathmandu", weekly: mondayHours });
    const slots = computeSlots({ rules: kathmandu, bookings: [], busy: [], now: Date.UTC(2026, 2, 1) });
    expect(slots[0]?.start).toBe(Date.UTC(2026, 2, 2, 3, 15)); // 09:00 +05:45
    const kolkata = rulesWith({ timeZone: "Asia/Calcutta", weekly: mondayHours }); // an alias browsers report
    expect(
      computeSlots({ rules: kolkata, bookings: [], busy: [], now: Date.UTC(2026, 2, 1) })[0]?.start,
    ).toBe(Date.UTC(2026, 2, 2, 3, 30));
  });
});

describe("computeSlots: daylight-saving days", () => {
  // Half-hour consultations every half hour, so exact-time stepping shows as wall-clock times with offsets.
  // [change, zone, date, the day's hours, the starts offered with their offsets]
  const cases: [string, string, string, string, string][] = [
    [
      "spring",
      "Europe/London",
      "2026-03-29",
      "00:00-04:00",
      "00:00+00:00 00:30+00:00 02:00+01:00 02:30+01:00 03:00+01:00 03:30+01:00",
    ],
    [
      "fall",
      "Europe/London",
      "2026-10-25",
      "00:00-03:00",
      "00:00+01:00 00:30+01:00 01:00+01:00 01:30+01:00 01:00+00:00 01:30+00:00 02:00+00:00 02:30+00:00",
    ],
    [
      "spring",
      "America/New_York",
      "2026-03-08",
      "01:00-04:00",
      "01:00-05:00 01:30-05:00 03:00-04:00 03:30-04:00",
    ],
    [
      "fall",
      "America/New_York",
      "2026-11-01",
      "00:00-03:00",
      "00:00-04:00 00:30-04:00 01:00-04:00 01:30-04:00 01:00-05:00 01:30-05:00 02:00-05:00 02:30-05:00",
    ],
    [
      "fall",
      "Australia/Sydney",
      "2026-04-05",
      "01:00-04:00",
      "01:00+11:00 01:30+11:00 02:00+11:00 02:30+11:00 02:00+10:00 02:30+10:00 03:00+10:00 03:30+10:00",
    ],
    [
      "spring",
      "Australia/Sydney",
      "2026-10-04",
      "01:00-04:00",
      "01:00+10:00 01:30+10:00 03:00+11:00 03:30+11:00",
    ],
    [
      "fall",
      "Australia/Adelaide",
      "2026-04-05",
      "01:30-03:30",
      "01:30+10:30 02:00+10:30 02:30+10:30 02:00+09:30 02:30+09:30 03:00+09:30",
    ],
    ["spring", "Australia/Adelaide", "2026-10-04", "01:30-03:30", "01:30+09:30 03:00+10:30"],
  ];
  const minuteOf = (time: string) => hm(Number(time.slice(0, 2)), Number(time.slice(3)));

  it.each(cases)("%s in %s on %s (%s) steps in exact time", (_, timeZone, date, hours, offered) => {
    const [from = "", until = ""] = hours.split("-");
    const rules = rulesWith({
      timeZone,
      overrides: [{ date, ranges: [{ startMinute: minuteOf(from), endMinute: minuteOf(until) }] }],
      durationMinutes: 30,
      intervalMinutes: 30,
    });
    const expected = offered.split(" ");
    expect(startsOn(date, rules, { withOffset: true })).toEqual(expected);
    const day = Temporal.PlainDate.from(date);
    const now = day.subtract({ days: 1 }).toZonedDateTime(timeZone).epochMilliseconds;
    const slots = computeSlots({ rules, bookings: [], busy: [], now });
    // No overlaps, and the slots tile the range's exact length, not its wall-clock length.
    for (let i = 1; i < slots.length; i++) expect(slots[i]?.start).toBe(slots[i - 1]?.end);
    expect((slots.at(-1)?.end ?? 0) - (slots[0]?.start ?? 0)).toBe(expected.length * 30 * MINUTE);
  });

  it("keeps ordinary working hours at their wall-clock times on and after the change", () => {
    const weekly = [
      { weekday: 7, startMinute: hm(9), endMinute: hm(10) },
      { weekday: 1, startMinute: hm(9), endMinute: hm(10) },
    ];
    const london = rulesWith({ weekly });
    expect(startsOn("2026-03-29", london, { withOffset: true })).toEqual([
      "09:00+01:00",
      "09:20+01:00",
      "09:40+01:00",
    ]);
    expect(startsOn("2026-03-30", london, { withOffset: true })).toEqual([
      "09:00+01:00",
      "09:20+01:00",
      "09:40+01:00",
    ]);
    const newYork = rulesWith({ timeZone: "America/New_York", weekly });
    expect(startsOn("2026-11-01", newYork, { withOffset: true })).toEqual([
      "09:00-05:00",
      "09:20-05:00",
      "09:40-05:00",
    ]);
    const sydney = rulesWith({
      timeZone: "Australia/Sydney",
      weekly: [{ weekday: 7, startMinute: hm(9), endMinute: hm(24) }],
    });
    expect(startsOn("2026-10-04", sydney, { withOffset: true }).at(-1)).toBe("23:40+11:00");
  });

  it("moves a start inside the spring-forward gap later, and ends hours where the gap begins", () => {
    const spring = (startMinute: number, endMinute: number) =>
      rulesWith({
        overrides: [{ date: "2026-03-29", ranges: [{ startMinute, endMinute }] }],
        durationMinutes: 30,
        intervalMinutes: 30,
      });
    // 01:30 does not exist in London that night: a start there becomes 02:30 BST.
    expect(startsOn("2026-03-29", spring(hm(1, 30), hm(3)), { withOffset: true })).toEqual(["02:30+01:00"]);
    // Hours "until 01:30" end at 01:00 GMT, when the clocks jump; nothing runs on to 02:30 BST.
    expect(startsOn("2026-03-29", spring(hm(0), hm(1, 30)), { withOffset: true })).toEqual([
      "00:00+00:00",
      "00:30+00:00",
    ]);
    expect(startsOn("2026-03-29", spring(hm(1, 10), hm(1, 50)))).toEqual([]);
  });
});

describe("computeSlots: guards and helpers", () => {
  it("throws a clear error for invalid rules", () => {
    const input = (changes: Partial<SlotRules>) => ({
      rules: rulesWith({ weekly: mondayHours, ...changes }),
      bookings: [],
      busy: [],
      now: 0,
    });
    expect(() => computeSlots(input({ durationMinutes: 0 }))).toThrow(/duration/);
    expect(() => computeSlots(input({ durationMinutes: Number.NaN }))).toThrow(/duration/);
    expect(() => computeSlots(input({ intervalMinutes: 0 }))).toThrow(/interval/);
    expect(() => computeSlots(input({ intervalMinutes: -20 }))).toThrow(/interval/);
    expect(() => computeSlots(input({ timeZone: "Mars/Olympus_Mons" }))).toThrow(/time zone/);
    expect(() => computeSlots(input({ weekly: [{ weekday: 1, startMinute: 600, endMinute: 600 }] }))).toThrow(
      /range/,
    );
  });

  it("validates zones with Intl, accepting the aliases browsers report", () => {
    expect(isValidTimeZone("Europe/London")).toBe(true);
    expect(isValidTimeZone("Asia/Calcutta")).toBe(true);
    expect(isValidTimeZone("Not/A_Zone")).toBe(false);
    expect(isValidTimeZone("")).toBe(false);
  });

  it("gives the local date in the named zone, whatever the server's zone", () => {
    const instant = Date.UTC(2026, 2, 1, 18, 40);
    expect(localDate(instant, "Asia/Kolkata")).toBe("2026-03-02");
    expect(localDate(instant, "America/Los_Angeles")).toBe("2026-03-01");
  });

  it("applies buffers in blockedRange", () => {
    const slot = { start: 10 * MINUTE, end: 30 * MINUTE };
    expect(blockedRange(slot, { bufferBeforeMinutes: 5, bufferAfterMinutes: 10 })).toEqual({
      start: 5 * MINUTE,
      end: 40 * MINUTE,
    });
  });

  it("runs the benchmark scenario and reports sane figures", () => {
    const result = benchmarkSlots({ runs: 5, warmup: 1 });
    expect(result.runs).toBe(5);
    expect(result.slots).toBeGreaterThan(0);
    expect(Number.isFinite(result.medianMs) && result.medianMs >= 0).toBe(true);
    expect(result.p99Ms).toBeGreaterThanOrEqual(result.medianMs);
  });
});

// Properties. Zones with DST in both hemispheres and with 30- and 45-minute offsets. The generators lean
// towards trouble: `now` often a few days before one of the zone's 2026 clock changes (all on Sundays),
// Sunday and small-hours ranges, and times on a 10-minute grid so that ranges touch and bookings fall
// exactly on local midnights.
const clockChanges: Record<string, number[]> = {
  "Europe/London": [Date.UTC(2026, 2, 29), Date.UTC(2026, 9, 25)],
  "America/New_York": [Date.UTC(2026, 2, 8), Date.UTC(2026, 10, 1)],
  "Australia/Sydney": [Date.UTC(2026, 3, 5), Date.UTC(2026, 9, 4)],
  "Australia/Adelaide": [Date.UTC(2026, 3, 5), Date.UTC(2026, 9, 4)],
  "Asia/Kolkata": [],
  "Asia/Kathmandu": [],
};
const zones = Object.keys(clockChanges);
const HOUR = 60 * MINUTE;
const onGrid = (min: number, max: number) =>
  fc.oneof(
    fc.integer({ min, max }),
    fc.integer({ min: Math.ceil(min / 10), max: Math.floor(max / 10) }).map((n) => n * 10),
  );
const minuteRange = fc
  .oneof(fc.tuple(onGrid(0, 1439), onGrid(1, 720)), fc.tuple(onGrid(0, 240), onGrid(1, 240)))
  .map(([start, length]) => ({ startMinute: start, endMinute: Math.min(1440, start + length) }));
const minutesFromNow = fc.integer({ min: -24 * 60, max: 12 * 24 * 60 });
/** Either minutes from `now`, or a wall-clock time on a day near it (midnight included). */
const when = fc.record({
  offset: minutesFromNow,
  wall: fc.option(
    fc.record({
      dayOffset: fc.integer({ min: -1, max: 11 }),
      minute: fc.oneof(onGrid(0, 1439), fc.constant(0)),
    }),
    {
      nil: undefined,
    },
  ),
});

const scenario = fc
  .record({
    timeZone: fc.constantFrom(...zones),
    anyTime: fc.integer({ min: Date.UTC(2026, 0, 1) / MINUTE, max: Date.UTC(2027, 0, 1) / MINUTE }),
    nearChange: fc.option(fc.tuple(fc.nat(1), fc.integer({ min: 0, max: 4 * 24 * 60 })), { nil: undefined }),
    onTheHour: fc.boolean(),
    weekly: fc.array(
      fc.record({ weekday: fc.oneof(fc.integer({ min: 1, max: 7 }), fc.constant(7)), range: minuteRange }),
      { maxLength: 8 },
    ),
    overrides: fc.uniqueArray(
      fc.record({
        dayOffset: fc.integer({ min: -1, max: 11 }),
        ranges: fc.array(minuteRange, { maxLength: 3 }),
      }),
      { maxLength: 4, selector: (o) => o.dayOffset },
    ),
    durationMinutes: onGrid(5, 90),
    intervalMinutes: onGrid(10, 60),
    bufferBeforeMinutes: onGrid(0, 30),
    bufferAfterMinutes: onGrid(0, 30),
    minimumNoticeMinutes: onGrid(0, 36 * 60),
    horizonDays: fc.integer({ min: 0, max: 10 }),
    maxPerDay: fc.option(fc.integer({ min: 0, max: 4 }), { nil: null }),
    bookings: fc.array(
      fc.record({ when, minutes: onGrid(5, 90), before: onGrid(0, 30), after: onGrid(0, 30) }),
      { maxLength: 25 },
    ),
    busy: fc.array(fc.record({ when, minutes: onGrid(1, 300) }), { maxLength: 25 }),
  })
  .map((s) => {
    const change = s.nearChange && clockChanges[s.timeZone]?.[s.nearChange[0]];
    let now = change && s.nearChange ? change - s.nearChange[1] * MINUTE : s.anyTime * MINUTE;
    if (s.onTheHour) now = Math.floor(now / HOUR) * HOUR;
    const today = Temporal.Instant.fromEpochMilliseconds(now).toZonedDateTimeISO(s.timeZone).toPlainDate();
    const instant = (w: { offset: number; wall: { dayOffset: number; minute: number } | undefined }) =>
      w.wall
        ? today
            .add({ days: w.wall.dayOffset })
            .toPlainDateTime()
            .add({ minutes: w.wall.minute })
            .toZonedDateTime(s.timeZone).epochMilliseconds
        : now + w.offset * MINUTE;
    const rules: SlotRules = {
      ...s,
      weekly: s.weekly.map((w) => ({ weekday: w.weekday, ...w.range })),
      overrides: s.overrides.map((o) => ({
        date: today.add({ days: o.dayOffset }).toString(),
        ranges: o.ranges,
      })),
    };
    const bookings: ExistingBooking[] = s.bookings.map((b) => {
      const start = instant(b.when);
      return {
        start,
        blockedFrom: start - b.before * MINUTE,
        blockedUntil: start + (b.minutes + b.after) * MINUTE,
      };
    });
    const busy = s.busy.map((b) => ({ start: instant(b.when), end: instant(b.when) + b.minutes * MINUTE }));
    return { rules, bookings, busy, now };
  });

type Scenario = { rules: SlotRules; bookings: ExistingBooking[]; busy: Interval[]; now: number };
const runs = { numRuns: 200 };

function zonedAt(ms: number, zone: string): Temporal.ZonedDateTime {
  return Temporal.Instant.fromEpochMilliseconds(ms).toZonedDateTimeISO(zone);
}

function rangesOn(rules: SlotRules, date: Temporal.PlainDate) {
  const override = rules.overrides.find((o) => o.date === date.toString());
  return override ? override.ranges : rules.weekly.filter((w) => w.weekday === date.dayOfWeek);
}

/** A range's start: the wall time, moved later if the clocks skip it. */
function rangeStart(date: Temporal.PlainDate, minute: number, zone: string): number {
  return date.toPlainDateTime().add({ minutes: minute }).toZonedDateTime(zone).epochMilliseconds;
}

/** A range's end: the first moment the wall clock reads that time or later (where a gap begins, if skipped). */
function rangeEnd(date: Temporal.PlainDate, minute: number, zone: string): number {
  const wanted = date.toPlainDateTime().add({ minutes: minute });
  const instant = wanted.toZonedDateTime(zone);
  if (instant.toPlainDateTime().equals(wanted)) return instant.epochMilliseconds;
  const gap = instant.add({ milliseconds: 1 }).getTimeZoneTransition("previous");
  if (!gap) throw new Error("a skipped wall time without a transition");
  return gap.epochMilliseconds;
}

const overlaps = (a: Interval, b: Interval) => a.start < b.end && b.start < a.end;

function bookingsPerLocalDate({ rules, bookings }: Scenario): Map<string, number> {
  const counts = new Map<string, number>();
  for (const b of bookings) {
    const date = zonedAt(b.start, rules.timeZone).toPlainDate().toString();
    counts.set(date, (counts.get(date) ?? 0) + 1);
  }
  return counts;
}

/** The rules read literally: every date, every range, every check against every booking and busy time. */
function bruteForceStarts(input: Scenario): number[] {
  const { rules, bookings, busy, now } = input;
  const zone = rules.timeZone;
  const perDate = bookingsPerLocalDate(input);
  const latest = now + rules.horizonDays * DAY;
  const last = zonedAt(latest, zone).toPlainDate();
  const found = new Set<number>();
  for (
    let d = zonedAt(now, zone).toPlainDate();
    Temporal.PlainDate.compare(d, last) <= 0;
    d = d.add({ days: 1 })
  ) {
    if (rules.maxPerDay !== null && (perDate.get(d.toString()) ?? 0) >= rules.maxPerDay) continue;
    for (const r of rangesOn(rules, d)) {
      const end = rangeEnd(d, r.endMinute, zone);
      const duration = rules.durationMinutes * MINUTE;
      for (
        let s = rangeStart(d, r.startMinute, zone);
        s + duration <= end;
        s += rules.intervalMinutes * MINUTE
      ) {
        if (s < now + rules.minimumNoticeMinutes * MINUTE || s > latest) continue;
        const blocked = {
          start: s - rules.bufferBeforeMinutes * MINUTE,
          end: s + duration + rules.bufferAfterMinutes * MINUTE,
        };
        const taken = bookings.some((b) => overlaps(blocked, { start: b.blockedFrom, end: b.blockedUntil }));
        if (!taken && !busy.some((b) => overlaps(blocked, b))) found.add(s);
      }
    }
  }
  return [...found].sort((a, b) => a - b);
}

describe("computeSlots: properties", () => {
  it("never offers a time whose blocked range meets a booking's or a busy time; sorted, unique, in bounds", () => {
    fc.assert(
      fc.property(scenario, (input) => {
        const { rules, bookings, busy, now } = input;
        const problems: string[] = [];
        let previous = Number.NEGATIVE_INFINITY;
        for (const slot of computeSlots(input)) {
          const blocked = blockedRange(slot, rules);
          if (slot.start <= previous) problems.push(`not sorted or repeated at ${slot.start}`);
          if (slot.end - slot.start !== rules.durationMinutes * MINUTE)
            problems.push(`wrong length ${slot.start}`);
          if (slot.start < now + rules.minimumNoticeMinutes * MINUTE)
            problems.push(`inside notice ${slot.start}`);
          if (slot.start > now + rules.horizonDays * DAY) problems.push(`beyond horizon ${slot.start}`);
          if (bookings.some((b) => overlaps(blocked, { start: b.blockedFrom, end: b.blockedUntil }))) {
            problems.push(`clashes with a booking ${slot.start}`);
          }
          if (busy.some((b) => overlaps(blocked, b))) problems.push(`clashes with a busy time ${slot.start}`);
          previous = slot.start;
        }
        expect(problems).toEqual([]);
      }),
      runs,
    );
  });

  it("places every slot within one of its local day's working ranges", () => {
    fc.assert(
      fc.property(scenario, (input) => {
        const zone = input.rules.timeZone;
        for (const slot of computeSlots(input)) {
          const start = zonedAt(slot.start, zone);
          const date = start.toPlainDate();
          const ranges = rangesOn(input.rules, date);
          if (start.hoursInDay === 24) {
            // An ordinary day: compare wall-clock minutes (the next midnight counts as 1440).
            const end = zonedAt(slot.end, zone);
            const endMinute = end.toPlainDate().equals(date)
              ? end.hour * 60 + end.minute
              : 1440 + end.hour * 60;
            const startMinute = start.hour * 60 + start.minute;
            expect(ranges.some((r) => r.startMinute <= startMinute && endMinute <= r.endMinute)).toBe(true);
          } else {
            // A day the clocks change: wall minutes repeat or skip, so compare instants.
            const inside = ranges.some(
              (r) =>
                rangeStart(date, r.startMinute, zone) <= slot.start &&
                slot.end <= rangeEnd(date, r.endMinute, zone),
            );
            expect(inside).toBe(true);
          }
        }
      }),
      runs,
    );
  });

  it("never offers a day that already holds maxPerDay bookings", () => {
    fc.assert(
      fc.property(scenario, (input) => {
        const { maxPerDay, timeZone } = input.rules;
        const perDate = bookingsPerLocalDate(input);
        const offeredDates = new Set(computeSlots(input).map((s) => localDate(s.start, timeZone)));
        for (const date of offeredDates) {
          if (maxPerDay !== null) expect(perDate.get(date) ?? 0).toBeLessThan(maxPerDay);
        }
      }),
      runs,
    );
  });

  it("offers exactly the starts a brute-force reading of the rules gives", () => {
    fc.assert(
      fc.property(scenario, (input) => {
        expect(computeSlots(input).map((s) => s.start)).toEqual(bruteForceStarts(input));
      }),
      runs,
    );
  });

  it("a from/to window only narrows the output to starts in [from, to)", () => {
    const window = fc.tuple(minutesFromNow, fc.integer({ min: 0, max: 5 * 24 * 60 }));
    fc.assert(
      fc.property(scenario, window, (input, [offset, length]) => {
        const from = input.now + offset * MINUTE;
        const to = from + length * MINUTE;
        const all = computeSlots(input).filter((s) => s.start >= from && s.start < to);
        expect(computeSlots({ ...input, from, to })).toEqual(all);
      }),
      runs,
    );
  });
});

describe("a zone's spelling", () => {
  it("gives a zone typed in any case its usual spelling, keeps aliases, and knows no made-up zone", () => {
    expect(zoneSpelling("Europe/London")).toBe("Europe/London");
    expect(zoneSpelling("eUrOpE/lOnDoN")).toBe("Europe/London");
    expect(zoneSpelling("australia/sydney")).toBe("Australia/Sydney");
    expect(zoneSpelling("US/Eastern")).toBe("US/Eastern");
    for (const made of ["Mars/Olympus", "", "Europe/London/", 42, undefined]) {
      expect(zoneSpelling(made)).toBeUndefined();
    }
  });
});
