import { describe, expect, it } from "vitest";
import { type BusyTimesOptions, busyTimesFromIcal } from "./busy-times-from-ical.ts";

// Small hand-made feeds, one behaviour each. The therapist is in London; times are asserted in UTC.

const LONDON_VTIMEZONE = [
  "BEGIN:VTIMEZONE",
  "TZID:Europe/London",
  "BEGIN:DAYLIGHT",
  "TZOFFSETFROM:+0000",
  "TZOFFSETTO:+0100",
  "DTSTART:19700329T010000",
  "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
  "END:DAYLIGHT",
  "BEGIN:STANDARD",
  "TZOFFSETFROM:+0100",
  "TZOFFSETTO:+0000",
  "DTSTART:19701025T020000",
  "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
  "END:STANDARD",
  "END:VTIMEZONE",
].join("\r\n");

const calendar = (...parts: string[]) =>
  ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Haven tests//EN", ...parts, "END:VCALENDAR"].join("\r\n");
const vevent = (...lines: string[]) => ["BEGIN:VEVENT", ...lines, "END:VEVENT"].join("\r\n");

const london: BusyTimesOptions = { floatingZone: "Europe/London", allDayZone: "Europe/London" };
const spring = { from: new Date("2026-03-16T00:00:00Z"), to: new Date("2026-04-12T23:00:00Z") };

function busy(text: string, within = spring, options: BusyTimesOptions = london): string[][] {
  return busyTimesFromIcal(text, within, options).busy.map(({ start, end }) => [
    start.toISOString().replace(":00.000Z", "Z"),
    end.toISOString().replace(":00.000Z", "Z"),
  ]);
}

it("runs in an odd server zone, so nothing here can lean on the process's local time", () => {
  expect(new Date(2026, 0, 1).getTimezoneOffset()).toBe(210); // St John's, UTC−3:30
});

describe("a therapist whose calendar has a recurring weekly meeting with one cancelled occurrence", () => {
  const january = { from: new Date("2026-01-05T00:00:00Z"), to: new Date("2026-02-02T00:00:00Z") };
  const series = [
    "UID:team-meeting",
    "SUMMARY:Team meeting",
    "DTSTART;TZID=Europe/London:20260105T100000",
    "DTEND;TZID=Europe/London:20260105T110000",
    "RRULE:FREQ=WEEKLY;BYDAY=MO",
  ];
  const cancelled = vevent(
    "UID:team-meeting",
    "RECURRENCE-ID;TZID=Europe/London:20260119T100000",
    "DTSTART;TZID=Europe/London:20260119T100000",
    "DTEND;TZID=Europe/London:20260119T110000",
    "STATUS:CANCELLED",
  );
  const moved = vevent(
    "UID:team-meeting",
    "RECURRENCE-ID;TZID=Europe/London:20260112T100000",
    "DTSTART;TZID=Europe/London:20260114T150000",
    "DTEND;TZID=Europe/London:20260114T160000",
  );

  it("is busy at every meeting but the cancelled one, and at the moved one's new time only", () => {
    expect(busy(calendar(LONDON_VTIMEZONE, vevent(...series), cancelled, moved), january)).toEqual([
      ["2026-01-05T10:00Z", "2026-01-05T11:00Z"],
      ["2026-01-14T15:00Z", "2026-01-14T16:00Z"], // moved from Monday 12th 10:00
      ["2026-01-26T10:00Z", "2026-01-26T11:00Z"], // 19th cancelled
    ]);
  });

  it("gives the same answer whatever order the events come in", () => {
    expect(busy(calendar(moved, cancelled, vevent(...series), LONDON_VTIMEZONE), january)).toEqual(
      busy(calendar(LONDON_VTIMEZONE, vevent(...series), cancelled, moved), january),
    );
  });

  it("treats an occurrence removed with EXDATE the same as a cancelled one", () => {
    const withExdate = vevent(...series, "EXDATE;TZID=Europe/London:20260119T100000");
    expect(busy(calendar(LONDON_VTIMEZONE, withExdate), january)).toEqual([
      ["2026-01-05T10:00Z", "2026-01-05T11:00Z"],
      ["2026-01-12T10:00Z", "2026-01-12T11:00Z"],
      ["2026-01-26T10:00Z", "2026-01-26T11:00Z"],
    ]);
  });

  it("does not let another event's override touch this series (ical.js relates every one by default)", () => {
    const stranger = vevent(
      "UID:someone-else",
      "RECURRENCE-ID;TZID=Europe/London:20260112T100000",
      "DTSTART;TZID=Europe/London:20260112T100000",
      "DTEND;TZID=Europe/London:20260112T110000",
      "STATUS:CANCELLED",
    );
    expect(busy(calendar(LONDON_VTIMEZONE, vevent(...series), stranger), january)).toHaveLength(4);
  });
});

describe("clock changes", () => {
  const weekly9am = (zoneBlock: string[]) =>
    calendar(
      ...zoneBlock,
      vevent(
        "UID:supervision",
        "DTSTART;TZID=Europe/London:20260316T090000",
        "DTEND;TZID=Europe/London:20260316T100000",
        "RRULE:FREQ=WEEKLY",
      ),
    );
  const expected = [
    ["2026-03-16T09:00Z", "2026-03-16T10:00Z"],
    ["2026-03-23T09:00Z", "2026-03-23T10:00Z"],
    ["2026-03-30T08:00Z", "2026-03-30T09:00Z"], // 09:00 BST, the day after the last Sunday of March
    ["2026-04-06T08:00Z", "2026-04-06T09:00Z"],
  ];

  it("keeps a weekly 09:00 London meeting at 09:00 local, an hour earlier in UTC after the change", () => {
    expect(busy(weekly9am([LONDON_VTIMEZONE]))).toEqual(expected);
  });

  it("uses the IANA zone when the feed names it but does not define it", () => {
    expect(busy(weekly9am([]))).toEqual(expected);
  });

  it("moves back in the autumn", () => {
    const autumn = { from: new Date("2026-10-19T00:00:00Z"), to: new Date("2026-11-02T00:00:00Z") };
    const text = calendar(
      vevent(
        "UID:a",
        "DTSTART;TZID=Europe/London:20261019T090000",
        "DTEND;TZID=Europe/London:20261019T100000",
        "RRULE:FREQ=WEEKLY",
      ),
    );
    expect(busy(text, autumn)).toEqual([
      ["2026-10-19T08:00Z", "2026-10-19T09:00Z"],
      ["2026-10-26T09:00Z", "2026-10-26T10:00Z"], // GMT from Sunday 25 October
    ]);
  });

  it("follows the event's own zone, which changes on a different date from the therapist's", () => {
    const text = calendar(
      vevent(
        "UID:ny",
        "DTSTART;TZID=America/New_York:20260303T090000",
        "DTEND;TZID=America/New_York:20260303T100000",
        "RRULE:FREQ=WEEKLY;COUNT=2",
      ),
    );
    const march = { from: new Date("2026-03-01T00:00:00Z"), to: new Date("2026-03-15T00:00:00Z") };
    expect(busy(text, march)).toEqual([
      ["2026-03-03T14:00Z", "2026-03-03T15:00Z"], // EST
      ["2026-03-10T13:00Z", "2026-03-10T14:00Z"], // EDT from 8 March
    ]);
  });
});

describe("matching exceptions by instant", () => {
  const series = (...extra: string[]) =>
    calendar(
      LONDON_VTIMEZONE,
      vevent(
        "UID:s",
        "DTSTART;TZID=Europe/London:20260331T090000",
        "DTEND;TZID=Europe/London:20260331T100000",
        "RRULE:FREQ=WEEKLY;COUNT=2",
        ...extra,
      ),
    );

  it("honours an EXDATE written in UTC for a series written in London time", () => {
    expect(busy(series("EXDATE:20260407T080000Z"))).toEqual([["2026-03-31T08:00Z", "2026-03-31T09:00Z"]]);
  });

  it("honours an EXDATE that names only the date", () => {
    expect(busy(series("EXDATE;VALUE=DATE:20260331"))).toEqual([["2026-04-07T08:00Z", "2026-04-07T09:00Z"]]);
  });

  it("replaces the occurrence a RECURRENCE-ID written in UTC names", () => {
    const text = series().replace(
      "END:VCALENDAR",
      `${vevent("UID:s", "RECURRENCE-ID:20260331T080000Z", "DTSTART:20260331T120000Z", "DTEND:20260331T130000Z")}\r\nEND:VCALENDAR`,
    );
    expect(busy(text)).toEqual([
      ["2026-03-31T12:00Z", "2026-03-31T13:00Z"],
      ["2026-04-07T08:00Z", "2026-04-07T09:00Z"],
    ]);
  });
});

describe("how long an event lasts", () => {
  const one = (...lines: string[]) => busy(calendar(LONDON_VTIMEZONE, vevent("UID:x", ...lines)));

  it("reads DURATION instead of DTEND", () => {
    expect(one("DTSTART;TZID=Europe/London:20260407T120000", "DURATION:PT1H30M")).toEqual([
      ["2026-04-07T11:00Z", "2026-04-07T12:30Z"],
    ]);
  });

  it("counts a DURATION's days on the calendar (23 hours across the change) and its hours exactly", () => {
    expect(one("DTSTART;TZID=Europe/London:20260328T120000", "DURATION:P1D")).toEqual([
      ["2026-03-28T12:00Z", "2026-03-29T11:00Z"],
    ]);
    expect(one("DTSTART;TZID=Europe/London:20260328T120000", "DURATION:PT24H")).toEqual([
      ["2026-03-28T12:00Z", "2026-03-29T12:00Z"],
    ]);
  });

  it("ignores a timed event with no end (it lasts no time) and one that ends before it starts", () => {
    expect(one("DTSTART;TZID=Europe/London:20260407T120000")).toEqual([]);
    expect(one("DTSTART:20260407T120000Z", "DTEND:20260407T110000Z")).toEqual([]);
  });

  it("gives an all-day event with no end one whole day in the therapist's zone", () => {
    expect(one("DTSTART;VALUE=DATE:20260401")).toEqual([["2026-03-31T23:00Z", "2026-04-01T23:00Z"]]);
  });

  it("lets an override with no end of its own keep its series' length", () => {
    const text = calendar(
      vevent("UID:s", "DTSTART:20260317T090000Z", "DTEND:20260317T100000Z", "RRULE:FREQ=WEEKLY;COUNT=1"),
      vevent("UID:s", "RECURRENCE-ID:20260317T090000Z", "DTSTART:20260318T140000Z"),
    );
    expect(busy(text)).toEqual([["2026-03-18T14:00Z", "2026-03-18T15:00Z"]]);
  });
});

describe("all-day series", () => {
  it("fills whole London days, 23 hours long in UTC once the clocks change, without the cancelled one", () => {
    const text = calendar(
      vevent(
        "UID:fridays",
        "DTSTART;VALUE=DATE:20260320",
        "DTEND;VALUE=DATE:20260321",
        "RRULE:FREQ=WEEKLY;COUNT=4",
      ),
      vevent(
        "UID:fridays",
        "RECURRENCE-ID;VALUE=DATE:20260327",
        "DTSTART;VALUE=DATE:20260327",
        "DTEND;VALUE=DATE:20260328",
        "STATUS:CANCELLED",
      ),
    );
    expect(busy(text)).toEqual([
      ["2026-03-20T00:00Z", "2026-03-21T00:00Z"],
      ["2026-04-02T23:00Z", "2026-04-03T23:00Z"],
      ["2026-04-09T23:00Z", "2026-04-10T23:00Z"],
    ]);
  });
});

describe("what counts as busy", () => {
  const at = (...lines: string[]) =>
    vevent(`UID:${lines.join("|")}`, "DTSTART:20260317T090000Z", "DTEND:20260317T100000Z", ...lines);
  const nine = [["2026-03-17T09:00Z", "2026-03-17T10:00Z"]];

  it("blocks opaque, tentative and out-of-office events", () => {
    expect(busy(calendar(at()))).toEqual(nine);
    expect(busy(calendar(at("STATUS:TENTATIVE")))).toEqual(nine);
    expect(busy(calendar(at("X-MICROSOFT-CDO-BUSYSTATUS:OOF")))).toEqual(nine);
  });

  it("does not block transparent, cancelled or Outlook 'free' events", () => {
    expect(busy(calendar(at("TRANSP:TRANSPARENT")))).toEqual([]);
    expect(busy(calendar(at("STATUS:CANCELLED")))).toEqual([]);
    expect(busy(calendar(at("X-MICROSOFT-CDO-BUSYSTATUS:FREE")))).toEqual([]);
  });

  it("judges each override on its own: a busy occurrence of a free series blocks", () => {
    const text = calendar(
      vevent(
        "UID:f",
        "DTSTART:20260317T090000Z",
        "DTEND:20260317T100000Z",
        "RRULE:FREQ=DAILY;COUNT=3",
        "TRANSP:TRANSPARENT",
      ),
      vevent("UID:f", "RECURRENCE-ID:20260318T090000Z", "DTSTART:20260318T090000Z", "DTEND:20260318T100000Z"),
    );
    expect(busy(text)).toEqual([["2026-03-18T09:00Z", "2026-03-18T10:00Z"]]);
  });

  it("blocks an override whose series is not in the feed", () => {
    const text = calendar(
      vevent(
        "UID:elsewhere",
        "RECURRENCE-ID:20260317T090000Z",
        "DTSTART:20260317T090000Z",
        "DTEND:20260317T100000Z",
      ),
    );
    expect(busy(text)).toEqual(nine);
  });
});

describe("zones the feed does not define", () => {
  const event = (tzid: string) =>
    calendar(vevent("UID:z", `DTSTART;TZID=${tzid}:20260401T090000`, `DTEND;TZID=${tzid}:20260401T100000`));

  it("reads an undefined, non-IANA TZID in the floating zone", () => {
    expect(busy(event("GMT Standard Time"))).toEqual([["2026-04-01T08:00Z", "2026-04-01T09:00Z"]]);
    expect(busy(event("GMT Standard Time"), spring, {})).toEqual([
      ["2026-04-01T09:00Z", "2026-04-01T10:00Z"],
    ]);
  });

  it("reads floating times in the floating zone", () => {
    const text = calendar(vevent("UID:f", "DTSTART:20260401T090000", "DTEND:20260401T100000"));
    expect(busy(text, spring, { floatingZone: "Asia/Kolkata" })).toEqual([
      ["2026-04-01T03:30Z", "2026-04-01T04:30Z"],
    ]);
  });
});

describe("the shape of the text", () => {
  it("reads several VCALENDARs in one file, a byte-order mark, leading blank lines and bare LF endings", () => {
    const first = calendar(vevent("UID:1", "DTSTART:20260317T090000Z", "DTEND:20260317T100000Z"));
    const second = calendar(vevent("UID:2", "DTSTART:20260318T090000Z", "DTEND:20260318T100000Z"));
    const text = `\uFEFF\n\n${first}\r\n${second}`.replace(/\r\n/g, "\n");
    expect(busy(text)).toEqual([
      ["2026-03-17T09:00Z", "2026-03-17T10:00Z"],
      ["2026-03-18T09:00Z", "2026-03-18T10:00Z"],
    ]);
  });

  it("skips an event it cannot read, counts it, and keeps the rest", () => {
    const text = calendar(
      vevent("UID:bad", "DTSTART:tomorrow morning", "DTEND:20260317T100000Z"),
      vevent("UID:no-start", "SUMMARY:Supervision"),
      vevent("UID:good", "DTSTART:20260317T090000Z", "DTEND:20260317T100000Z"),
    );
    const result = busyTimesFromIcal(text, spring, london);
    expect(result.unreadableEvents).toBe(2);
    expect(result.busy).toEqual([
      { start: new Date("2026-03-17T09:00:00Z"), end: new Date("2026-03-17T10:00:00Z") },
    ]);
  });
});
