import { describe, expect, it } from "vitest";
import { busyTimesFromIcal } from "./busy-times-from-ical.ts";
import { CalendarFeedError } from "./calendar-feed-error.ts";

// What happens with input that is not a calendar, or a calendar built to make the server work too hard.

const calendar = (...parts: string[]) =>
  ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Haven tests//EN", ...parts, "END:VCALENDAR"].join("\r\n");
const vevent = (...lines: string[]) => ["BEGIN:VEVENT", ...lines, "END:VEVENT"].join("\r\n");
const spring = { from: new Date("2026-03-16T00:00:00Z"), to: new Date("2026-04-12T23:00:00Z") };
const aMeeting = vevent("UID:plain", "DTSTART:20260317T090000Z", "DTEND:20260317T100000Z");

function feedError(text: string): CalendarFeedError {
  try {
    busyTimesFromIcal(text, spring);
  } catch (error) {
    if (error instanceof CalendarFeedError) return error;
    throw error;
  }
  throw new Error("expected a CalendarFeedError");
}

describe("text that is not a calendar", () => {
  it.each([
    ["", "empty", "This address returned an empty page, not a calendar."],
    ["  \r\n ", "empty", "This address returned an empty page, not a calendar."],
    [
      "<!DOCTYPE html><html><body>Sign in</body></html>",
      "web-page",
      "This address did not return a calendar (it looks like a web page).",
    ],
    ['{"error":"not found"}', "not-a-calendar", "This address did not return a calendar."],
    ["BEGIN:VCARD\r\nVERSION:4.0\r\nEND:VCARD", "not-a-calendar", "This address did not return a calendar."],
    [
      "BEGIN:VCALENDAR\r\nthis line is not a property\r\nEND:VCALENDAR",
      "unreadable",
      "Haven could not read this calendar: the file is damaged or not in the iCalendar format.",
    ],
  ])("%j is refused with a message the therapist can read", (text, code, message) => {
    const error = feedError(text);
    expect(error.code).toBe(code);
    expect(error.message).toBe(message);
    expect(error.name).toBe("CalendarFeedError");
  });

  it("accepts a calendar with no events", () => {
    expect(busyTimesFromIcal(calendar(), spring)).toEqual({
      busy: [],
      unreadableEvents: 0,
      seriesCutShort: 0,
    });
  });
});

describe("limits on work", () => {
  // A COUNT ties occurrences to the first one, so such a series is walked from its start (fast-forward.ts).
  const dailySince1990 = (rule: string) =>
    vevent("UID:d", "DTSTART:19900101T070000Z", "DTEND:19900101T073000Z", `RRULE:${rule}`);

  it("expands a daily series that began decades ago within the default limits", () => {
    for (const rule of ["FREQ=DAILY", "FREQ=DAILY;COUNT=20000"]) {
      const result = busyTimesFromIcal(calendar(dailySince1990(rule)), spring);
      expect(result.seriesCutShort).toBe(0);
      expect(result.busy).toHaveLength(28);
    }
  });

  it("starts an open-ended weekly series near the window instead of at its first occurrence", () => {
    const text = calendar(
      vevent("UID:w", "DTSTART:20000103T090000Z", "DTEND:20000103T100000Z", "RRULE:FREQ=WEEKLY;BYDAY=MO,TH"),
    );
    const result = busyTimesFromIcal(text, spring, { limits: { stepsPerSeries: 100 } });
    expect(result.seriesCutShort).toBe(0);
    expect(result.busy).toHaveLength(8);
  });

  it("stops a series at its limit, says so, and keeps every other event", () => {
    const text = calendar(dailySince1990("FREQ=DAILY;COUNT=20000"), aMeeting);
    const result = busyTimesFromIcal(text, spring, { limits: { stepsPerSeries: 1_000 } });
    expect(result.seriesCutShort).toBe(1);
    expect(result.busy.map((b) => b.start.toISOString())).toEqual(["2026-03-17T09:00:00.000Z"]);
  });

  it("stops expanding once the whole feed has used its budget", () => {
    const series = [1, 2, 3, 4].map((n) =>
      vevent(
        `UID:s${n}`,
        `DTSTART:2026010${n}T070000Z`,
        `DTEND:2026010${n}T073000Z`,
        "RRULE:FREQ=DAILY;COUNT=1000",
      ),
    );
    const result = busyTimesFromIcal(calendar(...series), spring, { limits: { stepsPerFeed: 500 } });
    expect(result.seriesCutShort).toBeGreaterThanOrEqual(2);
  });

  it.each([
    "FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30", // kewisch/ical.js#1038: loops for ever without the guard
    "FREQ=HOURLY;BYMONTH=2;BYMONTHDAY=30",
    "FREQ=DAILY;INTERVAL=7;BYDAY=TU", // from a Monday, every seventh day is never a Tuesday
  ])("returns promptly from the impossible rule %s", (rule) => {
    const text = calendar(
      vevent("UID:never", "DTSTART:20260316T090000Z", "DTEND:20260316T100000Z", `RRULE:${rule}`),
      aMeeting,
    );
    const started = performance.now();
    const result = busyTimesFromIcal(text, spring);
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(result.seriesCutShort).toBe(1);
    expect(result.busy.map((b) => b.start.toISOString())).toContain("2026-03-17T09:00:00.000Z");
  });

  it("returns promptly from a yearly rule that can never match (ical.js would search to the year 20000)", () => {
    const text = calendar(
      vevent(
        "UID:never",
        "DTSTART:20260316T090000Z",
        "DTEND:20260316T100000Z",
        "RRULE:FREQ=YEARLY;BYMONTH=4;BYDAY=1MO;BYMONTHDAY=15",
      ),
    );
    const started = performance.now();
    busyTimesFromIcal(text, spring);
    expect(performance.now() - started).toBeLessThan(1_000);
  });

  it("drops a VTIMEZONE whose rules could hang ical.js, and falls back to the IANA zone of that name", () => {
    const hostileZone = [
      "BEGIN:VTIMEZONE",
      "TZID:Europe/London",
      "BEGIN:DAYLIGHT",
      "TZOFFSETFROM:+0000",
      "TZOFFSETTO:+0100",
      "DTSTART:19700329T010000",
      "RRULE:FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30",
      "END:DAYLIGHT",
      "END:VTIMEZONE",
    ].join("\r\n");
    const text = calendar(
      hostileZone,
      vevent(
        "UID:l",
        "DTSTART;TZID=Europe/London:20260401T090000",
        "DTEND;TZID=Europe/London:20260401T100000",
      ),
    );
    expect(busyTimesFromIcal(text, spring).busy).toEqual([
      { start: new Date("2026-04-01T08:00:00Z"), end: new Date("2026-04-01T09:00:00Z") },
    ]);
  });
});
