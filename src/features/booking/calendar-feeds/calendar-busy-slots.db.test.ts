import { randomUUID } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase, type TestDatabaseHandle } from "../../../../test/support/test-database.ts";
import { addTherapistWithHours } from "../../../../test/support/weekday-therapist.ts";
import { secretKeys } from "../../../platform/security/secret-key.ts";
import { bookConsultation } from "../book-consultation.ts";
import { computeSlots } from "../compute-slots.ts";
import { loadAvailability } from "../therapist-availability.ts";
import { addFeed } from "./calendar-feeds.ts";
import { refreshDueFeeds } from "./refresh-calendar-feeds.ts";

// The "done when": a therapist whose own calendar has a recurring meeting with one cancelled
// occurrence sees exactly the right slots. Tess works 09:00–17:00 London time, Monday to Friday, with
// Haven's default settings (20 minutes, 10 minutes after, every 30 minutes, 12 hours' notice, 30 days).
// London moves to BST on 28 March 2027, so the last Tuesday also checks the meeting follows her clock.
const ring = { current: secretKeys("a-secret-for-the-calendar-slots-test-00") };
const now = new Date("2027-03-01T00:00:00Z"); // a Monday
const window = { from: now.getTime(), to: now.getTime() + 31 * 86_400_000 };

// In the shape Google writes: a weekly meeting on Tuesdays at 10:00 with its own VTIMEZONE, one week
// cancelled (EXDATE) and one week moved to 14:00 (RECURRENCE-ID); a day away (all-day, busy); and a
// lunch marked "free" (TRANSP:TRANSPARENT), which must not block anything.
const feed = `BEGIN:VCALENDAR
PRODID:-//Google Inc//Google Calendar 70.9054//EN
VERSION:2.0
CALSCALE:GREGORIAN
BEGIN:VTIMEZONE
TZID:Europe/London
BEGIN:DAYLIGHT
TZOFFSETFROM:+0000
TZOFFSETTO:+0100
TZNAME:BST
DTSTART:19700329T010000
RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU
END:DAYLIGHT
BEGIN:STANDARD
TZOFFSETFROM:+0100
TZOFFSETTO:+0000
TZNAME:GMT
DTSTART:19701025T020000
RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU
END:STANDARD
END:VTIMEZONE
BEGIN:VEVENT
DTSTART;TZID=Europe/London:20270302T100000
DTEND;TZID=Europe/London:20270302T110000
RRULE:FREQ=WEEKLY;BYDAY=TU
EXDATE;TZID=Europe/London:20270316T100000
UID:weekly-meeting@google.com
SUMMARY:Case consultation group
TRANSP:OPAQUE
END:VEVENT
BEGIN:VEVENT
DTSTART;TZID=Europe/London:20270323T140000
DTEND;TZID=Europe/London:20270323T150000
RECURRENCE-ID;TZID=Europe/London:20270323T100000
UID:weekly-meeting@google.com
SUMMARY:Case consultation group (moved)
TRANSP:OPAQUE
END:VEVENT
BEGIN:VEVENT
DTSTART;VALUE=DATE:20270304
DTEND;VALUE=DATE:20270305
UID:day-away@google.com
SUMMARY:Training day
TRANSP:OPAQUE
END:VEVENT
BEGIN:VEVENT
DTSTART;TZID=Europe/London:20270303T120000
DTEND;TZID=Europe/London:20270303T130000
UID:lunch@google.com
SUMMARY:Lunch
TRANSP:TRANSPARENT
END:VEVENT
END:VCALENDAR
`.replace(/\n/g, "\r\n");

let handle: TestDatabaseHandle;
let server: Server;
let therapistId: string;
const fetchOptions = {
  resolve: async () => ["127.0.0.1"],
  testOnlyAllowAddress: (address: string) => address === "127.0.0.1",
};

beforeAll(async () => {
  server = createServer((_request, response) => {
    response.writeHead(200, { "content-type": "text/calendar" }).end(feed);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  handle = await openTestDatabase();
  therapistId = await addTherapistWithHours(handle.db);
});
afterAll(async () => {
  await handle.close();
  server.close();
});

const offered = async () => {
  const availability = await loadAvailability(handle.db, therapistId, window, undefined, now);
  if (!availability) throw new Error("no therapist");
  const slots = (busy: typeof availability.busy) =>
    computeSlots({ ...availability, busy, now: now.getTime(), ...window }).map((s) =>
      new Date(s.start).toISOString(),
    );
  return { withCalendar: slots(availability.busy), withoutCalendar: slots([]) };
};

describe("busy times from the therapist's own calendar", () => {
  it("leave exactly the right times: a weekly meeting blocks each week except the cancelled and moved ones", async () => {
    const before = await offered();
    expect(before.withCalendar).toEqual(before.withoutCalendar);

    const url = new URL(`http://calendar.test:${(server.address() as AddressInfo).port}/basic.ics`);
    const feedId = await addFeed(handle.db, ring, { therapistId, label: "Google", url });
    expect(await refreshDueFeeds(handle.db, ring, { now, feedId, fetch: fetchOptions })).toEqual({
      read: 1,
      failed: 0,
      broken: 0,
    });

    const { withCalendar, withoutCalendar } = await offered();
    // A 20-minute consultation with 10 minutes after it cannot start at 10:00 or 10:30 when the meeting
    // runs 10:00–11:00; 09:30 (ends 09:50, free by 10:00) and 11:00 stay. Times are UTC: GMT until
    // 28 March, BST (an hour earlier in UTC) after.
    const blocked = [
      "2027-03-02T10:00:00.000Z",
      "2027-03-02T10:30:00.000Z",
      "2027-03-09T10:00:00.000Z",
      "2027-03-09T10:30:00.000Z",
      // 16 March: that week's meeting was cancelled, so nothing is blocked.
      // 23 March: moved to 14:00–15:00.
      "2027-03-23T14:00:00.000Z",
      "2027-03-23T14:30:00.000Z",
      // 30 March, in BST: 10:00 London is 09:00 UTC.
      "2027-03-30T09:00:00.000Z",
      "2027-03-30T09:30:00.000Z",
    ];
    const dayAway = withoutCalendar.filter((s) => s.startsWith("2027-03-04"));
    expect(dayAway.length).toBe(16);
    const expected = withoutCalendar.filter((s) => !blocked.includes(s) && !dayAway.includes(s));
    expect(withCalendar).toEqual(expected);
    // The lunch marked free blocks nothing.
    expect(withCalendar).toContain("2027-03-03T12:00:00.000Z");
    expect(withCalendar).toContain("2027-03-16T10:00:00.000Z");
    expect(withCalendar).toContain("2027-03-23T10:00:00.000Z");
  });

  it("refuses a booking for a time the calendar has filled since the page was shown, offering the nearest", async () => {
    const outcome = await bookConsultation(
      handle.db,
      ring,
      {
        therapistId,
        start: Date.parse("2027-03-09T10:00:00Z"),
        kind: "individual",
        meeting: "video",
        visitorTimeZone: "Europe/London",
        submissionId: randomUUID(),
        visitor: {
          name: "Bea",
          email: "bea@example.org",
          phone: "",
          contactBy: ["email"],
          leaveMessage: false,
          note: "",
        },
      },
      now,
      {
        practiceName: "Harbour Therapy",
        practiceEmail: "hello@harbour.example",
        publicHost: "haven.harbour.example",
        manageUrlFor: (id: string) => `https://haven.harbour.example/book/manage/${id}`,
      },
    );
    expect(outcome).toMatchObject({ ok: false, reason: "taken" });
    const alternatives = outcome.ok ? [] : "alternatives" in outcome ? outcome.alternatives : [];
    expect(alternatives.map((s) => new Date(s.start).toISOString())).toContain("2027-03-09T11:00:00.000Z");
  });
});
