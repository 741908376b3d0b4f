import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { busyTimesFromIcal } from "./busy-times-from-ical.ts";

// Starting a long series near the window must not change a single busy time. Adding
// BYMONTH=1,...,12 to a rule changes none of its occurrences but turns the fast-forward off, so the two
// feeds below must agree exactly — across clock changes, intervals, weekdays, and starts that do not
// match their own rule.

const ALL_MONTHS = "BYMONTH=1,2,3,4,5,6,7,8,9,10,11,12";
const WEEKDAYS = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"];
const spring = { from: new Date("2026-03-16T00:00:00Z"), to: new Date("2026-04-12T23:00:00Z") };

const feed = (dtstart: string, zone: string | null, minutes: number | "all-day", rule: string) => {
  const param = minutes === "all-day" ? ";VALUE=DATE" : zone === null ? "" : `;TZID=${zone}`;
  return [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "BEGIN:VEVENT",
    "UID:series",
    `DTSTART${param}:${minutes === "all-day" ? dtstart.slice(0, 8) : dtstart}`,
    `DURATION:${minutes === "all-day" ? "P1D" : `PT${minutes}M`}`,
    `RRULE:${rule}`,
    "END:VEVENT",
    "END:VCALENDAR",
  ].join("\r\n");
};

const pad = (n: number) => String(n).padStart(2, "0");

describe("fast-forwarding a long series", () => {
  it("gives exactly the busy times of walking it from the start", () => {
    fc.assert(
      fc.property(
        fc.date({
          min: new Date("2014-01-01T00:00:00Z"),
          max: new Date("2026-04-10T00:00:00Z"),
          noInvalidDate: true,
        }),
        fc.constantFrom("Europe/London", "America/New_York", null),
        fc.constantFrom("DAILY", "WEEKLY"),
        fc.integer({ min: 1, max: 3 }),
        fc.subarray(WEEKDAYS),
        fc.oneof(fc.integer({ min: 15, max: 26 * 60 }), fc.constant("all-day" as const)),
        fc.option(
          fc.date({
            min: new Date("2026-03-01T00:00:00Z"),
            max: new Date("2026-05-01T00:00:00Z"),
            noInvalidDate: true,
          }),
        ),
        (start, zone, freq, interval, byday, minutes, until) => {
          const local = `${start.getUTCFullYear()}${pad(start.getUTCMonth() + 1)}${pad(start.getUTCDate())}T${pad(start.getUTCHours())}${pad(start.getUTCMinutes())}00`;
          const parts = [`FREQ=${freq}`, `INTERVAL=${interval}`];
          if (byday.length > 0) parts.push(`BYDAY=${byday.join(",")}`);
          const untilText = until?.toISOString().replace(/[-:]|\.\d+/g, "");
          if (untilText) parts.push(`UNTIL=${minutes === "all-day" ? untilText.slice(0, 8) : untilText}`);
          const fast = busyTimesFromIcal(feed(local, zone, minutes, parts.join(";")), spring);
          const slow = busyTimesFromIcal(
            feed(local, zone, minutes, [...parts, ALL_MONTHS].join(";")),
            spring,
          );
          expect(slow.seriesCutShort).toBe(0);
          expect(fast).toEqual(slow);
        },
      ),
      { numRuns: 40 },
    );
  });
});
