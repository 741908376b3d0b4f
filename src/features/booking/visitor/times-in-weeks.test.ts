import { Temporal } from "temporal-polyfill";
import { describe, expect, it } from "vitest";
import {
  blockedRange,
  computeSlots,
  type ExistingBooking,
  type Interval,
  type SlotRules,
} from "../compute-slots.ts";
import { type PooledSlot, pooledSlots } from "../group/first-available.ts";
import { type Offer, offeredIn, timesInWeeks, weekHolding, weekStart } from "./times-in-weeks.ts";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const hm = (hours: number, minutes = 0) => hours * 60 + minutes;

/** A wall-clock time in a zone as an instant. */
const at = (zone: string, wall: string) =>
  Temporal.PlainDateTime.from(wall).toZonedDateTime(zone).epochMilliseconds;

function rulesWith(changes: Partial<SlotRules>): SlotRules {
  return {
    timeZone: "Europe/London",
    weekly: [1, 2, 3, 4, 5].flatMap((weekday) => [
      { weekday, startMinute: hm(9), endMinute: hm(12, 30) },
      { weekday, startMinute: hm(13, 30), endMinute: hm(17) },
    ]),
    overrides: [],
    durationMinutes: 20,
    bufferBeforeMinutes: 0,
    bufferAfterMinutes: 10,
    minimumNoticeMinutes: 12 * 60,
    horizonDays: 30,
    intervalMinutes: 30,
    maxPerDay: null,
    ...changes,
  };
}

/** A small deterministic generator, so the "busy diary" cases are the same at every run. */
function numbers(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

/** `count` consultations of the rules' length, at half-hour marks spread over `days` from `from`. */
function bookingsOver(rules: SlotRules, from: number, days: number, count: number, seed: number) {
  const random = numbers(seed);
  return Array.from({ length: count }, (): ExistingBooking => {
    const start = from + Math.floor(random() * days * 48) * 30 * MINUTE;
    const blocked = blockedRange({ start, end: start + rules.durationMinutes * MINUTE }, rules);
    return { start, blockedFrom: blocked.start, blockedUntil: blocked.end };
  });
}

/** Busy times of 15 minutes to 3 hours at any minute, spread over `days` from `from`. */
function busyOver(from: number, days: number, count: number, seed: number): Interval[] {
  const random = numbers(seed);
  return Array.from({ length: count }, () => {
    const start = from + Math.floor(random() * days * 1440) * MINUTE;
    return { start, end: start + (15 + Math.floor(random() * 165)) * MINUTE };
  });
}

const offer = (therapistId: string, rules: SlotRules, more: Partial<Offer> = {}): Offer => ({
  therapistId,
  rules,
  bookings: [],
  busy: [],
  ...more,
});

/**
 * The computation the page made before record 061, kept here as the reference: every therapist's times
 * for 400 days from now, pooled, then cut into the visitor's weeks.
 */
function wholeHorizon(offers: Offer[], now: number, zone: string) {
  const all = pooledSlots(
    offers.map((o) => ({
      therapistId: o.therapistId,
      slots: computeSlots({ ...o, now, from: now, to: now + 400 * DAY }),
    })),
  );
  const horizonDays = Math.max(...offers.map((o) => o.rules.horizonDays));
  const lastWeek = Math.ceil(horizonDays / 7);
  const weeks = Array.from({ length: lastWeek + 1 }, (_, w) => {
    const from = weekStart(now, zone, w);
    const to = weekStart(now, zone, w + 1);
    return all.filter((s) => s.start >= from && s.start < to);
  });
  const next = all[0];
  const first = weekStart(now, zone, 0);
  return {
    horizonDays,
    lastWeek,
    weeks,
    next,
    nextWeek: next ? Math.floor((next.start - first) / (7 * DAY)) : undefined,
  };
}

type Case = { name: string; now: number; zone: string; offers: Offer[] };

const london = "Europe/London";
const sydney = "Australia/Sydney";
const londonNow = at(london, "2027-02-08T10:17");
const busyLondon = rulesWith({ horizonDays: 60 });

const cases: Case[] = [
  { name: "weekly hours only", now: londonNow, zone: london, offers: [offer("ann", rulesWith({}))] },
  {
    name: "date overrides: a day closed, a Sunday opened, a day's hours replaced",
    now: londonNow,
    zone: london,
    offers: [
      offer(
        "ann",
        rulesWith({
          overrides: [
            { date: "2027-02-10", ranges: [] },
            { date: "2027-02-14", ranges: [{ startMinute: hm(10), endMinute: hm(14) }] },
            { date: "2027-02-16", ranges: [{ startMinute: hm(7, 15), endMinute: hm(8, 45) }] },
            { date: "2027-02-16", ranges: [{ startMinute: hm(18), endMinute: hm(21) }] },
          ],
        }),
      ),
    ],
  },
  {
    name: "300 bookings and 500 busy times over 60 days, buffers both sides",
    now: londonNow,
    zone: london,
    offers: [
      offer(
        "ann",
        { ...busyLondon, bufferBeforeMinutes: 5 },
        {
          bookings: bookingsOver({ ...busyLondon, bufferBeforeMinutes: 5 }, londonNow - DAY, 62, 300, 7),
          busy: busyOver(londonNow - DAY, 62, 500, 11),
        },
      ),
    ],
  },
  {
    name: "a daily limit, with bookings on some days",
    now: londonNow,
    zone: london,
    offers: [
      offer("ann", rulesWith({ maxPerDay: 2, horizonDays: 21 }), {
        bookings: bookingsOver(rulesWith({}), londonNow, 21, 25, 3),
      }),
    ],
  },
  {
    name: "London's spring-forward week, hours across the gap, seen from New York",
    now: at(london, "2027-03-24T08:00"),
    zone: "America/New_York",
    offers: [
      offer(
        "ann",
        rulesWith({
          weekly: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, startMinute: hm(0), endMinute: hm(3) })),
          intervalMinutes: 15,
          minimumNoticeMinutes: 0,
          horizonDays: 14,
        }),
        { busy: [{ start: at(london, "2027-03-28T00:30"), end: at(london, "2027-03-28T00:50") }] },
      ),
    ],
  },
  {
    name: "London's autumn week, evening hours to midnight",
    now: at(london, "2027-10-27T23:59"),
    zone: london,
    offers: [
      offer(
        "ann",
        rulesWith({
          weekly: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, startMinute: hm(22), endMinute: 1440 })),
          overrides: [{ date: "2027-10-31", ranges: [{ startMinute: hm(0), endMinute: hm(3) }] }],
          minimumNoticeMinutes: 0,
          horizonDays: 10,
        }),
      ),
    ],
  },
  {
    name: "Sydney's spring-forward week for a Sydney therapist, seen from London",
    now: at(sydney, "2027-09-29T15:40"),
    zone: london,
    offers: [
      offer(
        "sam",
        rulesWith({
          timeZone: sydney,
          weekly: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, startMinute: hm(1), endMinute: hm(4) })),
          intervalMinutes: 20,
          minimumNoticeMinutes: 60,
          horizonDays: 20,
        }),
      ),
    ],
  },
  {
    name: "Sydney's autumn week, seen from Sydney",
    now: at(sydney, "2027-04-01T09:00"),
    zone: sydney,
    offers: [
      offer(
        "sam",
        rulesWith({
          timeZone: sydney,
          weekly: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, startMinute: hm(1), endMinute: hm(4) })),
          minimumNoticeMinutes: 0,
          horizonDays: 12,
        }),
      ),
    ],
  },
  {
    name: "first available: three therapists in three zones, hours that overlap, different horizons",
    now: londonNow,
    zone: "Asia/Kolkata",
    offers: [
      offer("ann", rulesWith({ horizonDays: 14 }), {
        bookings: bookingsOver(rulesWith({}), londonNow, 14, 40, 5),
      }),
      offer("ben", rulesWith({ timeZone: "America/New_York", horizonDays: 45, durationMinutes: 50 }), {
        busy: busyOver(londonNow, 45, 120, 9),
      }),
      offer("sam", rulesWith({ timeZone: sydney, horizonDays: 30, intervalMinutes: 20 })),
    ],
  },
  {
    name: "fully booked for five weeks: the next time is far ahead",
    now: londonNow,
    zone: london,
    offers: [
      offer("ann", rulesWith({ horizonDays: 90 }), {
        busy: [{ start: londonNow - DAY, end: londonNow + 36 * DAY }],
      }),
    ],
  },
  {
    name: "a horizon of a year, the longest the settings allow",
    now: londonNow,
    zone: london,
    offers: [offer("ann", rulesWith({ horizonDays: 365, minimumNoticeMinutes: 0 }))],
  },
  {
    name: "nothing offered at all",
    now: londonNow,
    zone: london,
    offers: [offer("ann", rulesWith({ weekly: [] }))],
  },
];

const starts = (slots: PooledSlot[]) => slots.map((s) => `${s.start}-${s.end}:${s.therapistIds.join("+")}`);

describe("the times page's weeks, computed one week at a time", () => {
  it.each(cases)("gives exactly the whole-horizon times for every week: $name", ({ now, zone, offers }) => {
    const before = wholeHorizon(offers, now, zone);
    for (let w = 0; w <= before.lastWeek; w++) {
      const week = offeredIn(offers, now, weekStart(now, zone, w), weekStart(now, zone, w + 1));
      expect(starts(week), `week ${w}`).toEqual(starts(before.weeks[w] ?? []));
    }
    // The cases are not empty by accident: each offers times, except the one meant to offer none.
    expect(before.weeks.flat().length > 0).toBe(offers[0]?.rules.weekly.length !== 0);
  });

  it.each(cases)(
    "shows the same week, next time and week links as before: $name",
    ({ now, zone, offers }) => {
      const before = wholeHorizon(offers, now, zone);
      for (const asked of [0, 1, 3, before.lastWeek, before.lastWeek + 4]) {
        const page = timesInWeeks({ offers, horizonDays: before.horizonDays, now, zone, week: asked });
        expect(page.lastWeek).toBe(before.lastWeek);
        expect(page.week).toBe(Math.min(asked, before.lastWeek));
        expect(page.nextAvailable).toEqual(before.next);
        expect(page.nextAvailableWeek).toBe(before.nextWeek);
        for (const held of page.weeks) {
          expect(starts(held.slots), `week ${held.index}`).toEqual(starts(before.weeks[held.index] ?? []));
        }
        // The shown week, the ones either side of it and the next time's week: nothing else.
        const expected = new Set([page.week - 1, page.week, page.week + 1]);
        if (before.nextWeek !== undefined) expected.add(before.nextWeek);
        expect(page.weeks.map((held) => held.index)).toEqual(
          [...expected].filter((i) => i >= 0 && i <= before.lastWeek).sort((a, b) => a - b),
        );
      }
    },
  );
});

describe("moving a booking on the same page (record 065)", () => {
  it("never offers the time it holds back to it, and offers the ones either side", () => {
    const rules = rulesWith({ minimumNoticeMinutes: 0 });
    const free = offeredIn([offer("t", rules)], londonNow, londonNow, londonNow + 7 * DAY);
    const holds = free[4]?.start as number;
    const moving = offeredIn([offer("t", rules, { holds })], londonNow, londonNow, londonNow + 7 * DAY);
    expect(starts(moving)).toEqual(starts(free.filter((slot) => slot.start !== holds)));
    expect(moving).toHaveLength(free.length - 1);
    const page = timesInWeeks({
      offers: [offer("t", rules, { holds: free[0]?.start })],
      horizonDays: 30,
      now: londonNow,
      zone: london,
      week: 0,
    });
    expect(page.nextAvailable?.start).toBe(free[1]?.start);
  });

  it("finds the week a time falls in, from the visitor's midnight, across a clock change", () => {
    // Sydney's clocks go back on the first Sunday of April: the week holding it is an hour longer.
    const now = at(sydney, "2027-03-29T23:30");
    expect(weekHolding(now, sydney, now)).toBe(0);
    expect(weekHolding(now, sydney, at(sydney, "2027-03-29T00:00"))).toBe(0);
    expect(weekHolding(now, sydney, at(sydney, "2027-04-04T23:59"))).toBe(0);
    expect(weekHolding(now, sydney, at(sydney, "2027-04-05T00:00"))).toBe(1);
    expect(weekHolding(now, sydney, at(sydney, "2027-05-10T00:00"))).toBe(6);
    expect(weekHolding(now, sydney, at(sydney, "2027-05-09T23:59"))).toBe(5);
    // A time before today (a booking being moved is never in the past, but the page must not break).
    expect(weekHolding(now, sydney, now - 3 * DAY)).toBe(0);
  });
});
