import fc from "fast-check";
import ICAL from "ical.js";
import { Temporal } from "temporal-polyfill";
import { describe, expect, it } from "vitest";
import { addToCalendarLinks } from "./add-to-calendar-links.ts";
import { type CalendarEvent, calendarFile } from "./calendar-file.ts";

const hour = 3_600_000;
// Monday 30 March 2026, 09:00 in London (BST, the day after the clocks went forward) = 08:00 UTC.
const start = Date.UTC(2026, 2, 30, 8, 0, 0);

const booking: CalendarEvent = {
  uid: "5f0c8a52-3f7e-4c1e-9a53-8d2b1b7f3e10@haven.example",
  sequence: 0,
  method: "REQUEST",
  start,
  end: start + hour,
  stamp: Date.UTC(2026, 2, 20, 14, 5, 9),
  title: "Appointment with Harbour Therapy",
  location: "https://video.example/room/abc",
  description: "To change or cancel, use your private link.",
  url: "https://haven.example/bookings/manage/tok3n",
  organizer: { name: "Harbour Therapy", email: "hello@harbour.example" },
  attendee: { email: "client@mail.example" },
};

function parse(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  const vevent = calendar.getFirstSubcomponent("vevent");
  if (!vevent) throw new Error("no VEVENT");
  return { calendar, vevent, event: new ICAL.Event(vevent) };
}

function instant(time: ICAL.Time): number {
  expect(time.zone?.tzid).toBe("UTC");
  return time.toUnixTime() * 1000;
}

function unfold(text: string): string {
  return text.replace(/\r\n /g, "");
}

/** The RFC 5545 UTC form computed independently of our module, from the zone-free ISO string. */
function isoBasic(ms: number): string {
  return new Date(ms)
    .toISOString()
    .replace(/\.\d{3}Z$/, "Z")
    .replace(/[-:]/g, "");
}

describe("calendarFile", () => {
  it("writes an iTIP REQUEST with one confirmed, opaque event", () => {
    const text = calendarFile(booking);
    const { calendar, vevent, event } = parse(text);

    expect(calendar.getFirstPropertyValue("version")).toBe("2.0");
    expect(calendar.getFirstPropertyValue("prodid")).toBe("-//Haven//Consultations//EN");
    expect(calendar.getFirstPropertyValue("calscale")).toBe("GREGORIAN");
    expect(calendar.getFirstPropertyValue("method")).toBe("REQUEST");
    expect(calendar.getAllSubcomponents()).toHaveLength(1);

    expect(event.uid).toBe(booking.uid);
    expect(event.sequence).toBe(0);
    expect(vevent.getFirstPropertyValue("status")).toBe("CONFIRMED");
    expect(vevent.getFirstPropertyValue("transp")).toBe("OPAQUE");
    expect(instant(event.startDate)).toBe(booking.start);
    expect(instant(event.endDate)).toBe(booking.end);
    expect(instant(vevent.getFirstPropertyValue("dtstamp") as ICAL.Time)).toBe(booking.stamp);
    expect(event.summary).toBe("Appointment with Harbour Therapy");
    expect(event.location).toBe("https://video.example/room/abc");
    expect(event.description).toBe("To change or cancel, use your private link.");
    expect(vevent.getFirstPropertyValue("url")).toBe("https://haven.example/bookings/manage/tok3n");

    const organizer = vevent.getFirstProperty("organizer");
    expect(organizer?.getFirstValue()).toBe("mailto:hello@harbour.example");
    expect(organizer?.getParameter("cn")).toBe("Harbour Therapy");
    const attendee = vevent.getFirstProperty("attendee");
    expect(attendee?.getFirstValue()).toBe("mailto:client@mail.example");
    expect(attendee?.getParameter("rsvp")).toBe("FALSE");
    expect(attendee?.getParameter("partstat")).toBe("ACCEPTED");
  });

  it("writes exactly this text for a minimal event", () => {
    const text = calendarFile({
      uid: "b1@haven.example",
      sequence: 2,
      method: "REQUEST",
      start,
      end: start + hour,
      stamp: booking.stamp,
      title: "Appointment with Harbour Therapy",
      organizer: { name: "Harbour Therapy", email: "hello@harbour.example" },
    });
    expect(text).toBe(
      [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Haven//Consultations//EN",
        "CALSCALE:GREGORIAN",
        "METHOD:REQUEST",
        "BEGIN:VEVENT",
        "UID:b1@haven.example",
        "SEQUENCE:2",
        "DTSTAMP:20260320T140509Z",
        "DTSTART:20260330T080000Z",
        "DTEND:20260330T090000Z",
        "SUMMARY:Appointment with Harbour Therapy",
        "ORGANIZER;CN=Harbour Therapy:mailto:hello@harbour.example",
        "STATUS:CONFIRMED",
        "TRANSP:OPAQUE",
        "END:VEVENT",
        "END:VCALENDAR",
        "",
      ].join("\r\n"),
    );
  });

  it("uses CRLF for every line break, including the last", () => {
    const text = calendarFile({
      ...booking,
      title: `Appointment with ${"Harbour Therapy ".repeat(10)}`,
      description: "line one\nline two\r\nline three\rline four",
    });
    expect(text.endsWith("\r\n")).toBe(true);
    const lines = text.slice(0, -2).split("\r\n");
    for (const line of lines) expect(line).not.toMatch(/[\r\n]/);
    expect(lines.some((line) => line.startsWith(" "))).toBe(true); // the long title was folded
  });

  it("writes a cancellation with the same UID, a higher SEQUENCE and STATUS:CANCELLED", () => {
    const request = parse(calendarFile(booking));
    const cancel = parse(
      calendarFile({ ...booking, method: "CANCEL", sequence: 1, stamp: booking.stamp + hour }),
    );

    expect(cancel.calendar.getFirstPropertyValue("method")).toBe("CANCEL");
    expect(cancel.vevent.getFirstPropertyValue("status")).toBe("CANCELLED");
    expect(cancel.event.uid).toBe(request.event.uid);
    expect(cancel.event.sequence).toBeGreaterThan(request.event.sequence);
    expect(instant(cancel.event.startDate)).toBe(booking.start);
    const attendee = cancel.vevent.getFirstProperty("attendee");
    expect(attendee?.getFirstValue()).toBe("mailto:client@mail.example");
    expect(attendee?.getParameter("partstat")).toBeUndefined();
  });

  it("leaves out LOCATION, DESCRIPTION, URL and ATTENDEE when they are not given", () => {
    const { location, description, url, attendee, ...required } = booking;
    const text = calendarFile(required);
    for (const name of ["LOCATION", "DESCRIPTION", "URL", "ATTENDEE"]) {
      expect(unfold(text)).not.toMatch(new RegExp(`^${name}[:;]`, "m"));
    }
    expect(parse(text).event.summary).toBe(booking.title);
  });

  describe("time", () => {
    it("runs in an odd server zone, so local-time mistakes would show", () => {
      expect(Intl.DateTimeFormat().resolvedOptions().timeZone).toBe("America/St_Johns");
      expect(new Date(start).getHours()).not.toBe(new Date(start).getUTCHours());
    });

    it("writes UTC strings equal to the zone-independent toISOString, whatever the server zone", () => {
      const instants = [
        start,
        Date.UTC(2026, 2, 8, 5, 29, 59), // St John's, just before its clocks go forward
        Date.UTC(2026, 2, 8, 5, 30, 0), // and just after
        Date.UTC(2026, 10, 1, 2, 30, 0), // St John's, in the repeated hour in autumn
        Date.UTC(2026, 11, 31, 23, 59, 59), // a year boundary that is not one in St John's
        Date.UTC(2028, 1, 29, 2, 0, 0), // a leap day that is still the 28th in St John's
      ];
      for (const ms of instants) {
        const text = unfold(calendarFile({ ...booking, start: ms, end: ms + hour, stamp: ms }));
        expect(text).toContain(`\r\nDTSTART:${isoBasic(ms)}\r\n`);
        expect(text).toContain(`\r\nDTEND:${isoBasic(ms + hour)}\r\n`);
        expect(text).toContain(`\r\nDTSTAMP:${isoBasic(ms)}\r\n`);
        expect(instant(parse(text).event.startDate)).toBe(ms);
      }
    });

    it("carries the same instant to a visitor in Sydney and a therapist in London across a DST change", () => {
      // Booked on the therapist's London clock for the morning after British Summer Time began; Sydney's
      // daylight saving ends a week later, so the offset between the two is different on either side.
      const london = Temporal.ZonedDateTime.from("2026-03-30T09:00[Europe/London]");
      const ms = london.epochMilliseconds;
      expect(ms).toBe(Date.UTC(2026, 2, 30, 8, 0));
      const later = Temporal.ZonedDateTime.from("2026-04-06T09:00[Europe/London]").epochMilliseconds;

      for (const at of [ms, later]) {
        const { event } = parse(calendarFile({ ...booking, start: at, end: at + hour }));
        const startInstant = Temporal.Instant.fromEpochMilliseconds(instant(event.startDate));
        expect(startInstant.epochMilliseconds).toBe(at);
        expect(instant(event.endDate) - instant(event.startDate)).toBe(hour);
        expect(startInstant.toZonedDateTimeISO("Europe/London").toPlainTime().toString()).toBe("09:00:00");
      }
      const sydneyTime = (at: number) =>
        Temporal.Instant.fromEpochMilliseconds(at).toZonedDateTimeISO("Australia/Sydney").toPlainTime();
      expect(sydneyTime(ms).toString()).toBe("19:00:00"); // AEDT, UTC+11
      expect(sydneyTime(later).toString()).toBe("18:00:00"); // AEST, UTC+10

      // An hour that itself spans London's change: 00:30 GMT to 02:30 BST is one hour, written as one hour.
      const spanning = Date.UTC(2026, 2, 29, 0, 30);
      const across = parse(calendarFile({ ...booking, start: spanning, end: spanning + hour })).event;
      expect(instant(across.endDate) - instant(across.startDate)).toBe(hour);
      expect(unfold(calendarFile({ ...booking, start: spanning, end: spanning + hour }))).toContain(
        "\r\nDTSTART:20260329T003000Z\r\nDTEND:20260329T013000Z\r\n",
      );
    });

    it("refuses instants that cannot be written and events that do not move forward", () => {
      expect(() => calendarFile({ ...booking, start: Number.NaN })).toThrow(RangeError);
      expect(() => calendarFile({ ...booking, end: booking.start })).toThrow(RangeError);
      expect(() => calendarFile({ ...booking, stamp: Number.POSITIVE_INFINITY })).toThrow(RangeError);
      expect(() =>
        calendarFile({ ...booking, start: Date.UTC(10000, 0, 1), end: Date.UTC(10000, 0, 2) }),
      ).toThrow(RangeError);
      expect(() => calendarFile({ ...booking, sequence: -1 })).toThrow(RangeError);
      expect(() => calendarFile({ ...booking, sequence: 1.5 })).toThrow(RangeError);
    });
  });

  describe("text", () => {
    const awkward = [
      "Appointment with Harbour Therapy, Ltd; room 2 \\ upstairs",
      "Café Ñandú – Zoë's øre 🌿🧘🏽‍♀️ Привет 日本語",
      "Line one\nLine two\n\nLine four",
      "Trailing backslash \\",
      "\\n is not a line break here, \\; nor this",
    ];

    it.each(awkward)("round-trips summary, location and description: %j", (value) => {
      const { event } = parse(
        calendarFile({ ...booking, title: value, location: value, description: value }),
      );
      expect(event.summary).toBe(value);
      expect(event.location).toBe(value);
      expect(event.description).toBe(value);
    });

    it("escapes backslash, semicolon, comma and line breaks as RFC 5545 says", () => {
      const text = unfold(calendarFile({ ...booking, location: "a, b; c\\d\r\ne\rf\ng" }));
      expect(text).toContain("\r\nLOCATION:a\\, b\\; c\\\\d\\ne\\nf\\ng\r\n");
    });

    it("cannot be used to add a property through a line break", () => {
      const text = calendarFile({ ...booking, title: "Hi\r\nATTENDEE:mailto:someone@else.example\r\nX" });
      expect(parse(text).vevent.getAllProperties("attendee")).toHaveLength(1);
      expect(parse(text).event.summary).toBe("Hi\nATTENDEE:mailto:someone@else.example\nX");
      expect(() => calendarFile({ ...booking, url: "https://x.example/\r\nATTENDEE:mailto:a@b" })).toThrow(
        RangeError,
      );
      expect(() => calendarFile({ ...booking, organizer: { name: "A", email: "a@b\nX:y" } })).toThrow(
        RangeError,
      );
    });

    it.each([
      ["Harbour Therapy", "CN=Harbour Therapy:"],
      ["Harbour Therapy, Ltd", 'CN="Harbour Therapy, Ltd":'],
      ["Harbour: Therapy", 'CN="Harbour: Therapy":'],
      ["Harbour; Therapy", 'CN="Harbour; Therapy":'],
      ['The "Harbour" ^ Practice', "CN=The ^'Harbour^' ^^ Practice:"],
      ["Harbour Thérapie 🌊", "CN=Harbour Thérapie 🌊:"],
    ])("writes the organizer's name %j as a parameter value that round-trips", (name, written) => {
      const text = calendarFile({ ...booking, organizer: { name, email: "hello@harbour.example" } });
      expect(unfold(text)).toContain(`\r\nORGANIZER;${written}mailto:hello@harbour.example\r\n`);
      const organizer = parse(text).vevent.getFirstProperty("organizer");
      expect(organizer?.getParameter("cn")).toBe(name);
      expect(organizer?.getFirstValue()).toBe("mailto:hello@harbour.example");
    });
  });

  describe("folding", () => {
    const octets = (line: string) => Buffer.byteLength(line, "utf8");

    function expectFolded(text: string) {
      for (const line of text.slice(0, -2).split("\r\n")) {
        expect(octets(line)).toBeLessThanOrEqual(75);
        // A physical line decodes on its own, so no multi-byte character was split between two lines.
        expect(Buffer.from(line, "utf8").toString("utf8")).toBe(line);
        expect(line).not.toMatch(/[\uD800-\uDBFF]$|^ ?[\uDC00-\uDFFF]/);
      }
    }

    it("keeps every physical line within 75 octets and unfolds to the original", () => {
      // Every offset of a two-, three- and four-octet character against the 75-octet boundary.
      for (let pad = 0; pad < 8; pad++) {
        const title = `${"x".repeat(pad)}${"é€🌿".repeat(40)}`;
        const text = calendarFile({ ...booking, title });
        expectFolded(text);
        expect(unfold(text)).toContain(`\r\nSUMMARY:${title}\r\n`);
        expect(parse(text).event.summary).toBe(title);
      }
    });

    it("unfolds correctly when a fold falls inside an escape or a quoted parameter", () => {
      for (let pad = 0; pad < 4; pad++) {
        const title = `${"x".repeat(60 + pad)}${",;\\\n".repeat(30)}`;
        const name = `${"Harbour, ".repeat(12 + pad)}Ltd`;
        const text = calendarFile({ ...booking, title, organizer: { name, email: "hello@harbour.example" } });
        expectFolded(text);
        const { event, vevent } = parse(text);
        expect(event.summary).toBe(title);
        expect(vevent.getFirstProperty("organizer")?.getParameter("cn")).toBe(name);
      }
    });

    it("folds a 75-octet line not at all and a 76-octet line once", () => {
      const at75 = "a".repeat(75 - "SUMMARY:".length);
      expect(calendarFile({ ...booking, title: at75 })).toContain(`\r\nSUMMARY:${at75}\r\n`);
      const at76 = `${at75}b`;
      expect(calendarFile({ ...booking, title: at76 })).toContain(`\r\nSUMMARY:${at75}\r\n b\r\n`);
    });

    it("round-trips any text through folding and escaping (property)", () => {
      const text = fc.string({ unit: "binary", minLength: 1, maxLength: 400 });
      fc.assert(
        fc.property(text, text, (title, description) => {
          const file = calendarFile({ ...booking, title, description });
          expectFolded(file);
          const { event } = parse(file);
          // Line breaks come back as "\n"; other control characters cannot be carried by TEXT and are dropped.
          const expected = (value: string) =>
            Array.from(value.replace(/\r\n|\r/g, "\n"))
              .filter((char) => char === "\t" || char === "\n" || (char >= " " && char !== "\u007f"))
              .join("");
          expect(event.summary).toBe(expected(title));
          expect(event.description).toBe(expected(description));
        }),
        { numRuns: 300 },
      );
    });
  });

  describe("privacy", () => {
    it("never writes the attendee's name, and their email only on the ATTENDEE line", () => {
      // A caller might hand over the whole client record; only the email may reach the file.
      const client = { email: "jane.doe@mail.example", name: "Jane Doe", partnerName: "Sam Roe" };
      const text = calendarFile({ ...booking, attendee: client });
      expect(text).not.toContain("Jane");
      expect(text).not.toContain("Sam Roe");
      const { event, vevent } = parse(text);
      expect(event.summary).toBe("Appointment with Harbour Therapy");
      expect(event.summary).not.toContain(client.email);
      expect(vevent.getFirstProperty("attendee")?.getParameter("cn")).toBeUndefined();
      const linesWithEmail = unfold(text)
        .split("\r\n")
        .filter((line) => line.includes(client.email));
      expect(linesWithEmail).toEqual(["ATTENDEE;RSVP=FALSE;PARTSTAT=ACCEPTED:mailto:jane.doe@mail.example"]);
    });

    it("refuses a title that contains the attendee's email", () => {
      expect(() =>
        calendarFile({
          ...booking,
          title: "Appointment for Client@Mail.example",
          attendee: booking.attendee,
        }),
      ).toThrow(/title/);
    });
  });
});

describe("addToCalendarLinks", () => {
  const event = {
    start,
    end: start + hour,
    title: "Appointment with Harbour & Co. #1 + friends 🌿",
    location: "Phone: we call you, 07700 900123",
    description: "Line one\nLine two; é",
  };

  it("builds a Google Calendar template link in UTC", () => {
    const url = new URL(addToCalendarLinks(event).google);
    expect(url.origin + url.pathname).toBe("https://calendar.google.com/calendar/render");
    expect(url.searchParams.get("action")).toBe("TEMPLATE");
    expect(url.searchParams.get("text")).toBe(event.title);
    expect(url.searchParams.get("dates")).toBe("20260330T080000Z/20260330T090000Z");
    expect(url.searchParams.get("dates")).toBe(`${isoBasic(event.start)}/${isoBasic(event.end)}`);
    expect(url.searchParams.get("details")).toBe(event.description);
    expect(url.searchParams.get("location")).toBe(event.location);
  });

  it("builds an Outlook compose link with ISO instants in UTC", () => {
    const url = new URL(addToCalendarLinks(event).outlook);
    expect(url.origin + url.pathname).toBe("https://outlook.live.com/calendar/0/deeplink/compose");
    expect(url.searchParams.get("subject")).toBe(event.title);
    expect(url.searchParams.get("startdt")).toBe("2026-03-30T08:00:00Z");
    expect(url.searchParams.get("enddt")).toBe("2026-03-30T09:00:00Z");
    expect(url.searchParams.get("startdt")).toBe(new Date(event.start).toISOString().replace(".000Z", "Z"));
    expect(url.searchParams.get("body")).toBe(event.description);
    expect(url.searchParams.get("location")).toBe(event.location);
  });

  it("leaves out details, body and location when they are not given", () => {
    const links = addToCalendarLinks({ start, end: start + hour, title: "Appointment with Harbour Therapy" });
    expect([...new URL(links.google).searchParams.keys()]).toEqual(["action", "text", "dates"]);
    expect([...new URL(links.outlook).searchParams.keys()]).toEqual(["subject", "startdt", "enddt"]);
    // Spaces are %20, never "+", which some calendar sites show literally.
    expect(links.outlook).toContain("subject=Appointment%20with%20Harbour%20Therapy");
  });

  it("refuses an event that does not move forward", () => {
    expect(() => addToCalendarLinks({ start, end: start, title: "x" })).toThrow(RangeError);
  });
});
