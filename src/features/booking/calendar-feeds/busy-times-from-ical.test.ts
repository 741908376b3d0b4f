import { readFileSync } from "node:fs";
import fc from "fast-check";
import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { type BusyTimesOptions, busyTimesFromIcal } from "./busy-times-from-ical.ts";

// The three fixtures are hand-written in the shapes Google Calendar, Outlook (Exchange / Office 365
// publishing) and iCloud produce. The therapist works in London; the window is the four weeks from Monday
// 16 March 2026 to Monday 13 April 2026 (London midnights), across the clocks going forward on Sunday
// 29 March. Expected times are written in UTC: GMT = UTC before the change, BST = UTC+1 after it.

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}.ics`, import.meta.url), "utf8");
const window = { from: new Date("2026-03-16T00:00:00Z"), to: new Date("2026-04-12T23:00:00Z") };
const london: BusyTimesOptions = { floatingZone: "Europe/London", allDayZone: "Europe/London" };

function busyIso(text: string, options: BusyTimesOptions = london, within = window): string[][] {
  return busyTimesFromIcal(text, within, options).busy.map(({ start, end }) => [
    start.toISOString().replace(":00.000Z", "Z"),
    end.toISOString().replace(":00.000Z", "Z"),
  ]);
}

describe("Google Calendar's secret iCal address", () => {
  it("gives exactly the busy times of the fixture", () => {
    expect(busyIso(fixture("google"))).toEqual([
      ["2026-03-16T09:00Z", "2026-03-16T10:00Z"], // Supervision, Mondays 09:00 London (GMT)
      ["2026-03-18T14:00Z", "2026-03-18T15:00Z"], // Team meeting, Wednesdays 14:00 London
      ["2026-03-18T14:00Z", "2026-03-18T15:30Z"], // Webinar, 10:00–11:30 New York (EDT since 8 March)
      ["2026-03-19T15:00Z", "2026-03-19T16:00Z"], // Case consultation, written in UTC
      ["2026-03-20T00:00Z", "2026-03-21T00:00Z"], // Training day, all day (busy)
      ["2026-03-26T16:00Z", "2026-03-26T17:00Z"], // Team meeting of 25 March, moved to Thursday 16:00
      ["2026-03-30T08:00Z", "2026-03-30T09:00Z"], // Supervision, now BST; 23 March was EXDATE'd
      ["2026-04-06T08:00Z", "2026-04-06T09:00Z"], // Supervision
      ["2026-04-08T13:00Z", "2026-04-08T14:00Z"], // Team meeting; 1 April's was cancelled
    ]);
  });

  it("reads every event and expands every series in full", () => {
    const result = busyTimesFromIcal(fixture("google"), window, london);
    expect(result.unreadableEvents).toBe(0);
    expect(result.seriesCutShort).toBe(0);
  });
});

describe("Outlook's published calendar (Windows zone names with their VTIMEZONE blocks)", () => {
  it("gives exactly the busy times of the fixture", () => {
    expect(busyIso(fixture("outlook"))).toEqual([
      ["2026-03-17T11:00Z", "2026-03-17T12:00Z"], // Supervision, Tuesdays 11:00 "GMT Standard Time"
      ["2026-03-19T10:00Z", "2026-03-19T11:00Z"], // Team meeting, Thursdays 10:00, COUNT=8
      ["2026-03-19T13:00Z", "2026-03-19T14:00Z"], // 09:00 "Eastern Standard Time" (EDT), shown as tentative
      ["2026-03-26T10:00Z", "2026-03-26T11:00Z"], // Team meeting
      ["2026-03-27T00:00Z", "2026-03-28T00:00Z"], // Annual leave, all day
      ["2026-03-31T10:00Z", "2026-03-31T11:00Z"], // Supervision, now BST; 24 March was EXDATE'd
      ["2026-04-02T14:00Z", "2026-04-02T15:00Z"], // Team meeting of 2 April, moved from 10:00 to 15:00 BST
      ["2026-04-07T10:00Z", "2026-04-07T11:00Z"], // Supervision
      ["2026-04-09T09:00Z", "2026-04-09T10:00Z"], // Team meeting
    ]);
  });

  it("ignores the free 'Working from home' and the cancelled finance review", () => {
    const busy = busyIso(fixture("outlook"));
    expect(busy.some(([start]) => start?.startsWith("2026-03-18T09"))).toBe(false);
    expect(busy.some(([start]) => start?.startsWith("2026-03-20T14"))).toBe(false);
  });

  it("does not register the feed's zones in ical.js's process-wide TimezoneService", () => {
    busyTimesFromIcal(fixture("outlook"), window, london);
    expect(ICAL.TimezoneService.has("GMT Standard Time")).toBe(false);
    expect(ICAL.TimezoneService.has("Eastern Standard Time")).toBe(false);
  });
});

describe("iCloud's public calendar (webcal) link", () => {
  it("gives exactly the busy times of the fixture", () => {
    expect(busyIso(fixture("icloud"))).toEqual([
      ["2026-03-16T21:00Z", "2026-03-16T22:00Z"], // 08:00 Sydney (AEDT, UTC+11) on the 17th
      ["2026-03-17T18:00Z", "2026-03-17T19:00Z"], // Reading group, Tuesdays 18:00 London
      ["2026-03-19T16:00Z", "2026-03-19T17:00Z"], // Peer consultation group, Thursdays 16:00
      ["2026-03-24T18:00Z", "2026-03-24T19:00Z"], // Reading group
      ["2026-03-28T00:00Z", "2026-03-29T23:00Z"], // Conference, Sat–Sun: 47 hours, the clocks go forward
      ["2026-03-31T17:00Z", "2026-03-31T18:00Z"], // Reading group, now BST
      ["2026-04-02T06:00Z", "2026-04-02T07:00Z"], // Quiet hour, floating 07:00, read in London
      ["2026-04-02T15:00Z", "2026-04-02T16:00Z"], // Peer consultation group; 26 March was EXDATE'd
      ["2026-04-07T17:00Z", "2026-04-07T18:00Z"], // Reading group
      ["2026-04-09T15:00Z", "2026-04-09T16:00Z"], // Peer consultation group
      ["2026-04-10T17:00Z", "2026-04-10T18:00Z"], // Reading group of 14 April (after the window), moved to the 10th
    ]);
  });

  it("places all-day and floating events by the zones it is given, never the server's", () => {
    const newYork = busyIso(fixture("icloud"), {
      floatingZone: "America/New_York",
      allDayZone: "America/New_York",
    });
    expect(newYork).toContainEqual(["2026-03-28T04:00Z", "2026-03-30T04:00Z"]); // New York's midnights (EDT)
    expect(newYork).toContainEqual(["2026-04-02T11:00Z", "2026-04-02T12:00Z"]); // 07:00 EDT
    const defaults = busyIso(fixture("icloud"), {});
    expect(defaults).toContainEqual(["2026-03-28T00:00Z", "2026-03-30T00:00Z"]); // UTC days
    expect(defaults).toContainEqual(["2026-04-02T07:00Z", "2026-04-02T08:00Z"]); // floating read as UTC
  });
});

describe("the window", () => {
  it("keeps an interval that overlaps the window whole, and drops one that only touches it", () => {
    // 18 March 14:00–15:30 overlaps [15:00, 15:30); the 14:00–15:00 meeting only touches it.
    const narrow = { from: new Date("2026-03-18T15:00:00Z"), to: new Date("2026-03-18T15:30:00Z") };
    expect(busyIso(fixture("google"), london, narrow)).toEqual([["2026-03-18T14:00Z", "2026-03-18T15:30Z"]]);
  });

  it("gives, for any window, exactly the intervals of a wide window that overlap it", () => {
    const feeds = ["google", "outlook", "icloud"].map((name) => ({
      text: fixture(name),
      all: busyTimesFromIcal(fixture(name), window, london).busy,
    }));
    const start = window.from.getTime();
    const end = window.to.getTime();
    fc.assert(
      fc.property(
        fc.constantFrom(...feeds),
        fc.integer({ min: start, max: end - 1 }),
        fc.integer({ min: 1, max: end - start }),
        ({ text, all }, from, length) => {
          const to = Math.min(from + length, end);
          const expected = all.filter((b) => b.start.getTime() < to && b.end.getTime() > from);
          const actual = busyTimesFromIcal(text, { from: new Date(from), to: new Date(to) }, london).busy;
          expect(actual).toEqual(expected);
        },
      ),
      { numRuns: 60 },
    );
  });

  it("refuses a window that ends before it starts, and an unknown zone", () => {
    const text = fixture("google");
    expect(() => busyTimesFromIcal(text, { from: window.to, to: window.from })).toThrow(RangeError);
    expect(() => busyTimesFromIcal(text, window, { allDayZone: "Europe/Atlantis" })).toThrow(RangeError);
  });
});
