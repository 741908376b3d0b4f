// Calendar files (RFC 5545 / iTIP RFC 5546) for booked consultations, written by hand rather than by a
// generator library, so that every time is written in UTC from epoch milliseconds (never from local date
// arrays read in the server's zone) and UID, SEQUENCE and METHOD are fully ours. Pure: no I/O, no clock.
import { checkInstant, checkTimes, utcBasic } from "./calendar-time.ts";

export type CalendarEvent = {
  /** Stable per booking, e.g. "<booking uuid>@<public host>". */
  uid: string;
  /** Raised on every change (a reschedule, a cancellation). */
  sequence: number;
  method: "REQUEST" | "CANCEL";
  /** Epoch milliseconds; written as UTC "YYYYMMDDTHHMMSSZ". */
  start: number;
  end: number;
  /** DTSTAMP in epoch milliseconds: the caller passes now. */
  stamp: number;
  /** E.g. "Appointment with Harbour Therapy": never a person's name (calendars are often shared). */
  title: string;
  /** The therapist's video link or phone arrangement. */
  location?: string;
  /** Short plain text (manage link etc.). */
  description?: string;
  /** The private manage link. */
  url?: string;
  organizer: { name: string; email: string };
  /** Only an email: the attendee's name is never written into the file. */
  attendee?: { email: string };
};

const productId = "-//Haven//Consultations//EN";
const maxLineOctets = 75;

/** A complete VCALENDAR text with one VEVENT, CRLF line endings and lines folded at 75 octets. */
export function calendarFile(event: CalendarEvent): string {
  checkEvent(event);
  const { method, organizer, attendee } = event;
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    `PRODID:${productId}`,
    "CALSCALE:GREGORIAN",
    `METHOD:${method}`,
    "BEGIN:VEVENT",
    ...eventLines(event),
  ];
  lines.push(`ORGANIZER;CN=${paramValue(organizer.name)}:${mailto(organizer.email, "organizer email")}`);
  if (attendee) {
    const partstat = method === "REQUEST" ? ";PARTSTAT=ACCEPTED" : "";
    lines.push(`ATTENDEE;RSVP=FALSE${partstat}:${mailto(attendee.email, "attendee email")}`);
  }
  lines.push(
    `STATUS:${method === "REQUEST" ? "CONFIRMED" : "CANCELLED"}`,
    "TRANSP:OPAQUE",
    "END:VEVENT",
    "END:VCALENDAR",
  );
  return lines.map((line) => `${fold(line)}\r\n`).join("");
}

/** One event in a subscription feed: no attendee (nobody is invited), and tentative while unconfirmed. */
export type FeedEvent = {
  uid: string;
  sequence: number;
  start: number;
  end: number;
  stamp: number;
  title: string;
  status: "CONFIRMED" | "TENTATIVE";
  location?: string;
  description?: string;
  url?: string;
};

/**
 * A published calendar (METHOD:PUBLISH) of many events, for a calendar app to subscribe to and re-read:
 * an event that is no longer in the feed simply disappears from the subscriber's calendar.
 */
export function calendarFeed(feed: { name: string; events: FeedEvent[] }): string {
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    `PRODID:${productId}`,
    "CALSCALE:GREGORIAN",
    "METHOD:PUBLISH",
    `X-WR-CALNAME:${escapeText(feed.name)}`,
    // How often subscribers should read it again (RFC 7986, and the older Microsoft property).
    "REFRESH-INTERVAL;VALUE=DURATION:PT15M",
    "X-PUBLISHED-TTL:PT15M",
  ];
  for (const event of feed.events) {
    checkTimes(event.start, event.end);
    checkInstant(event.stamp, "stamp");
    lines.push("BEGIN:VEVENT", ...eventLines(event), `STATUS:${event.status}`, "TRANSP:OPAQUE", "END:VEVENT");
  }
  lines.push("END:VCALENDAR");
  return lines.map((line) => `${fold(line)}\r\n`).join("");
}

/** The lines every VEVENT of Haven's has: identity, times in UTC, and the neutral title and details. */
function eventLines(event: Omit<FeedEvent, "status">): string[] {
  const lines = [
    `UID:${escapeText(event.uid)}`,
    `SEQUENCE:${event.sequence}`,
    `DTSTAMP:${utcBasic(event.stamp)}`,
    `DTSTART:${utcBasic(event.start)}`,
    `DTEND:${utcBasic(event.end)}`,
    `SUMMARY:${escapeText(event.title)}`,
  ];
  if (event.location !== undefined) lines.push(`LOCATION:${escapeText(event.location)}`);
  if (event.description !== undefined) lines.push(`DESCRIPTION:${escapeText(event.description)}`);
  if (event.url !== undefined) lines.push(`URL:${checkedUri(event.url, "url")}`);
  return lines;
}

function checkEvent(event: CalendarEvent): void {
  checkTimes(event.start, event.end);
  checkInstant(event.stamp, "stamp");
  if (!Number.isSafeInteger(event.sequence) || event.sequence < 0) {
    throw new RangeError(`Calendar sequence must be a whole number of zero or more, got ${event.sequence}`);
  }
  if (event.uid.trim() === "") throw new RangeError("Calendar UID must not be empty");
  const attendeeEmail = event.attendee?.email.trim().toLowerCase();
  if (attendeeEmail && event.title.toLowerCase().includes(attendeeEmail)) {
    throw new RangeError("Calendar title must not contain the attendee's email");
  }
}

/** Control characters, which TEXT cannot carry (RFC 5545 3.3.11): all C0 but tab, and DEL. */
function isControl(char: string): boolean {
  const code = char.charCodeAt(0);
  return (code < 0x20 && code !== 0x09) || code === 0x7f;
}

/** Drops control characters left after line breaks have been written as escapes. */
function withoutControls(value: string): string {
  return Array.from(value)
    .filter((char) => !isControl(char))
    .join("");
}

/** RFC 5545 TEXT: backslash, semicolon and comma escaped, any line break written as "\n". */
function escapeText(value: string): string {
  const escaped = value
    .replace(/\\/g, "\\\\")
    .replace(/;/g, "\\;")
    .replace(/,/g, "\\,")
    .replace(/\r\n|\r|\n/g, "\\n");
  return withoutControls(escaped);
}

/**
 * A parameter value (such as CN): quoted when it holds ":", ";" or ",", with RFC 6868 caret escapes for the
 * characters a parameter cannot otherwise carry (double quote, line break, and the caret itself).
 */
function paramValue(value: string): string {
  const escaped = value
    .replace(/\^/g, "^^")
    .replace(/"/g, "^'")
    .replace(/\r\n|\r|\n/g, "^n");
  const clean = withoutControls(escaped);
  return /[:;,]/.test(clean) ? `"${clean}"` : clean;
}

/** URIs are written as they are, so refuse anything that could break out of the line or the value. */
function checkedUri(value: string, what: string): string {
  if (value === "" || /\s/.test(value) || Array.from(value).some(isControl)) {
    throw new RangeError(`Calendar ${what} must be non-empty with no spaces or control characters`);
  }
  return value;
}

function mailto(email: string, what: string): string {
  const address = checkedUri(email.trim(), what);
  if (!/^[^@]+@[^@]+$/.test(address)) throw new RangeError(`Calendar ${what} is not an email address`);
  return `mailto:${address}`;
}

/**
 * Folds a content line so no physical line exceeds 75 octets of UTF-8 (the CRLF not counted), continuing
 * with a single space (RFC 5545 3.1). Splits only between code points, never inside a multi-byte character.
 */
function fold(line: string): string {
  const parts: string[] = [];
  let current = "";
  let octets = 0;
  for (const char of line) {
    const size = utf8Octets(char.codePointAt(0) ?? 0);
    if (octets + size > maxLineOctets) {
      parts.push(current);
      current = " ";
      octets = 1;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join("\r\n");
}

function utf8Octets(codePoint: number): number {
  if (codePoint < 0x80) return 1;
  if (codePoint < 0x800) return 2;
  if (codePoint < 0x10000) return 3;
  return 4;
}
