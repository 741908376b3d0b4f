// Words the booking feature shares between its visitor's and therapist's pages and its emails, in one
// place so they can be translated later.
import { neutralSubjects } from "../../platform/mail/neutral-subjects.ts";
import { dateTimeFormat } from "../../platform/web/date-time-formats.ts";
import type { BookingChange } from "./booking-emails.ts";
import type { BookingRecord } from "./booking-record.ts";

/** How times read on the booking pages, always in the zone named beside them. */
export function dayHeading(instant: number, timeZone: string): string {
  return dateTimeFormat("day-heading", timeZone, { weekday: "long", day: "numeric", month: "long" }).format(
    instant,
  );
}

export function clockTime(instant: number, timeZone: string): string {
  return dateTimeFormat("clock-time", timeZone, { hour: "2-digit", minute: "2-digit" }).format(instant);
}

/** "Tuesday 24 November 2026 at 20:30 (Sydney time, GMT+11)": the whole moment, the zone named. */
export function fullMoment(instant: number, timeZone: string): string {
  const day = dateTimeFormat("full-day", timeZone, {
    weekday: "long",
    day: "numeric",
    month: "long",
    year: "numeric",
  }).format(instant);
  const zoneName =
    dateTimeFormat("zone-name", timeZone, { timeZoneName: "short" })
      .formatToParts(instant)
      .find((part) => part.type === "timeZoneName")?.value ?? timeZone;
  const place = (timeZone.split("/").pop() ?? timeZone).replace(/_/g, " ");
  return `${day} at ${clockTime(instant, timeZone)} (${place} time, ${zoneName})`;
}

type Words = {
  practiceName: string;
  manageUrl: string;
  /** The therapist's own words with a change they made; "" for none. */
  message?: string;
};

const bookAgain = "If you would like another time, you are welcome to book again.";

/** The visitor's message, always opening with the practice's name only (what an inbox preview shows). */
export function visitorWords(change: BookingChange, booking: BookingRecord, words: Words): string {
  const { practiceName: practice } = words;
  const when = fullMoment(booking.startsAt.getTime(), booking.visitorTimeZone);
  const deadline = booking.expiresAt ? fullMoment(booking.expiresAt.getTime(), booking.visitorTimeZone) : "";
  const how = booking.meeting === "video" ? "It is a video call." : "It is a phone call.";
  const link = (what: string) =>
    `${what}, use your private link (please keep it to yourself):\n${words.manageUrl}`;
  const theirMessage = words.message ? [`Their message:\n${words.message}`] : [];
  const notYet = `It is not confirmed yet. You will hear by ${deadline}; if it can't be confirmed by then, the time is let go and you are welcome to choose another.`;
  const paragraphs: Record<BookingChange, string[]> = {
    booked: [
      `Your free consultation with ${practice} is booked for ${when}. ${how}`,
      link("To see, change or cancel it"),
    ],
    rescheduled: [
      `Your free consultation with ${practice} has moved to ${when}. ${how}`,
      link("To see, change or cancel it"),
    ],
    cancelled: [`Your free consultation with ${practice} on ${when} is cancelled.`, bookAgain],
    requested: [
      `Thank you. We have your request for a free consultation with ${practice} on ${when}.`,
      notYet,
      link("To see where it stands, change or withdraw it"),
    ],
    "request-moved": [
      `Your request for a free consultation with ${practice} has moved to ${when}.`,
      notYet,
      link("To see where it stands, change or withdraw it"),
    ],
    "request-cancelled": [
      `Your request for a free consultation with ${practice} on ${when} is withdrawn.`,
      bookAgain,
    ],
    approved: [
      `Your free consultation with ${practice} on ${when} is confirmed. ${how}`,
      link("To see, change or cancel it"),
    ],
    declined: [
      `${practice} can't offer a consultation on ${when}, so that time is no longer held for you. We're sorry.`,
      ...(booking.declineMessage ? [`Their message:\n${booking.declineMessage}`] : []),
      bookAgain,
    ],
    expired: [
      `Your request for a free consultation with ${practice} on ${when} could not be confirmed in time, so the time has been let go. We're sorry to have kept you waiting.`,
      `${bookAgain} Or you can contact the practice directly.`,
    ],
    "practice-cancelled": [
      `${practice} has had to cancel your free consultation on ${when}. We're sorry.`,
      ...theirMessage,
      bookAgain,
    ],
    "practice-moved": [
      `${practice} has had to move your free consultation. It is now on ${when}. ${how}`,
      ...theirMessage,
      link("If the new time doesn't suit you, to change or cancel it"),
    ],
    reminder: [
      `A reminder: your free consultation with ${practice} is on ${when}. ${how}`,
      link("To see it, or to let us know you can't come"),
    ],
  };
  return `${[neutralSubjects.appointment(practice), "Hello,", ...paragraphs[change]].join("\n\n")}\n`;
}

/** The therapist's message, or undefined when they need none (they made the change themselves). */
export function therapistWords(change: BookingChange, booking: BookingRecord): string | undefined {
  const zone = booking.therapist.timeZone;
  const when = fullMoment(booking.startsAt.getTime(), zone);
  const deadline = booking.expiresAt ? fullMoment(booking.expiresAt.getTime(), zone) : "";
  const answer = `Please approve or decline it by ${deadline}; after that it lapses and the time is freed.`;
  const lines: Record<BookingChange, string | undefined> = {
    booked: `A consultation has been booked: ${when}.`,
    rescheduled: `A consultation has moved: ${when}.`,
    cancelled: `A consultation was cancelled: ${when}.${booking.cancelReason === "" ? "" : " They said why: you can read it on your consultations page."}`,
    requested: `A consultation has been requested: ${when}. ${answer}`,
    "request-moved": `A consultation request has moved: ${when}. ${answer}`,
    "request-cancelled": `A consultation request was withdrawn: ${when}.`,
    approved: `You confirmed a consultation: ${when}.`,
    declined: undefined,
    expired: `A consultation request lapsed without an answer: ${when}. The time is free again.`,
    reminder: undefined,
    // The therapist made these changes; the message carries the updated event for their own calendar.
    "practice-cancelled": `You cancelled a consultation: ${when}.`,
    "practice-moved": `You moved a consultation to ${when}.`,
  };
  const line = lines[change];
  return line && `${line}\n\nSign in to Haven to see the details.\n`;
}

/** The times page's time-zone chooser. */
export const zoneChooserMessages = {
  /** The first group of the chooser: the zone the times are in now, the visitor's or, until they choose, the practice's. */
  yourZone: "Your time zone",
  practiceZone: "The practice's time zone",
  /** The regions the zones are grouped under, in the order shown. */
  regions: {
    europe: "Europe",
    americas: "Americas",
    asia: "Asia",
    pacific: "Australia & Pacific",
    africa: "Africa",
    atlantic: "Atlantic Ocean",
    indian: "Indian Ocean",
    antarctica: "Antarctica",
    other: "Other",
  },
  hint: "Choose the city nearest you in the same time zone.",
  /** With JavaScript, a field above the list that finds a place as you type. */
  searchLabel: "Find your city or country",
  unknownZone:
    "We don't recognise that time zone. Please choose the city nearest you from the list — the times below are in the practice's time zone until you do.",
  /** On the moving page the times stay in the zone the booking was made in, not the practice's. */
  unknownZoneWhileMoving:
    "We don't recognise that time zone. Please choose the city nearest you from the list — until you do, the times below are in the zone you booked in.",
};

/** Times early in the morning or late at night where the visitor is. */
export const nightTimeMessages = {
  /** Beside each such time, and part of its link's name. */
  mark: "night-time for you",
  /** The disclosure that holds them, with their hours: "00:30–03:30 and 22:00–23:00". */
  more: (count: number, hours: string[]) =>
    `${count === 1 ? "1 more time" : `${count} more times`} at night-time for you (${hours.join(" and ")})`,
};
