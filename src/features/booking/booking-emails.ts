import type { Database } from "../../platform/db/database.ts";
import { queueEmail } from "../../platform/mail/email-job.ts";
import { neutralSubjects } from "../../platform/mail/neutral-subjects.ts";
import { plainEmail } from "../../platform/mail/plain-email.ts";
import type { KeyRing } from "../../platform/security/field-encryption.ts";
import type { BookingRecord } from "./booking-record.ts";
import { calendarFile } from "./calendar-file.ts";
import { therapistWords, visitorWords } from "./messages.ts";

/**
 * Every change a booking's people are told about. Requests have their own words: a request is never
 * described as booked, and its messages carry no calendar file (record 038).
 */
export type BookingChange =
  | "booked"
  | "rescheduled"
  | "cancelled"
  | "requested"
  | "request-moved"
  | "request-cancelled"
  | "approved"
  | "declined"
  | "expired"
  | "reminder"
  | "practice-cancelled"
  | "practice-moved";

/** Changes whose messages carry the calendar event: only ones about a confirmed consultation. */
export const withCalendarFile: ReadonlySet<BookingChange> = new Set([
  "booked",
  "rescheduled",
  "cancelled",
  "approved",
  "practice-cancelled",
  "practice-moved",
]);

export type BookingMailContext = {
  practiceName: string;
  practiceEmail: string;
  publicHost: string;
  /** The absolute private manage link for a booking. */
  manageUrlFor: (bookingId: string) => string;
};
type Context = BookingMailContext;

/** Where the consultation happens, for the calendar event: the link or the phone arrangement. */
export function meetingPlace(booking: Pick<BookingRecord, "meeting" | "settings">): string | undefined {
  if (booking.meeting === "video") return booking.settings.videoLink ?? undefined;
  return booking.settings.phoneArrangement ?? undefined;
}

/**
 * The calendar event for a booking. The title names the practice only (calendars are often shared);
 * the private manage link is not in it, for the same reason.
 */
export function bookingEvent(booking: BookingRecord, context: Context, now = new Date()) {
  const location = meetingPlace(booking);
  return {
    uid: `${booking.id}@${context.publicHost}`,
    sequence: booking.sequence,
    method: booking.status === "cancelled" ? ("CANCEL" as const) : ("REQUEST" as const),
    start: booking.startsAt.getTime(),
    end: booking.endsAt.getTime(),
    stamp: now.getTime(),
    title: neutralSubjects.appointment(context.practiceName),
    ...(location ? { location } : {}),
    description: `A free 20-minute consultation with ${context.practiceName}.`,
    organizer: { name: context.practiceName, email: context.practiceEmail },
    attendee: { email: booking.visitor.email },
  };
}

/**
 * Tells the visitor (only if they said email is a safe way to reach them) and the therapist. Messages about
 * a confirmed consultation carry the same calendar event each time: same UID, a higher SEQUENCE, CANCEL
 * when cancelled; messages about a request carry none. Queued in the caller's transaction, so a message
 * goes out exactly when the change happened.
 */
export async function queueBookingEmails(
  tx: Database,
  ring: KeyRing,
  change: BookingChange,
  booking: BookingRecord,
  context: Context,
  /** The therapist's words to the visitor with a change they made. */
  message = "",
): Promise<void> {
  const event = bookingEvent(booking, context);
  const calendar = (content: string) =>
    withCalendarFile.has(change)
      ? { icalEvent: { method: event.method, filename: "consultation.ics", content } }
      : {};
  const subject = neutralSubjects.appointment(context.practiceName);
  if (booking.visitor.contactBy.includes("email")) {
    const text = visitorWords(change, booking, {
      practiceName: context.practiceName,
      manageUrl: context.manageUrlFor(booking.id),
      message,
    });
    await queueEmail(tx, ring, {
      ...plainEmail(booking.visitor.email, subject, text),
      ...calendar(calendarFile(event)),
    });
  }
  const therapistText = therapistWords(change, booking);
  if (booking.therapist.email && therapistText) {
    const therapistEvent = { ...event, attendee: undefined };
    await queueEmail(tx, ring, {
      ...plainEmail(booking.therapist.email, subject, therapistText),
      ...calendar(calendarFile(therapistEvent)),
    });
  }
}
