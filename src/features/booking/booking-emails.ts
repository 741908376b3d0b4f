import type { Database } from "../../platform/db/database.ts";
import { queueEmail } from "../../platform/mail/email-job.ts";
import { neutralSubjects } from "../../platform/mail/neutral-subjects.ts";
import { plainEmail } from "../../platform/mail/plain-email.ts";
import type { KeyRing } from "../../platform/security/field-encryption.ts";
import type { BookingRecord } from "./booking-record.ts";
import { calendarFile } from "./calendar-file.ts";
import { fullMoment } from "./visitor/time-words.ts";

export type BookingChange = "booked" | "rescheduled" | "cancelled";

export type BookingMailContext = {
  practiceName: string;
  practiceEmail: string;
  publicHost: string;
  /** The absolute private manage link for a booking. */
  manageUrlFor: (bookingId: string) => string;
};
type Context = BookingMailContext;

/** Where the consultation happens, for the calendar event: the link or the phone arrangement. */
export function meetingPlace(booking: BookingRecord): string | undefined {
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

const visitorText = (change: BookingChange, booking: BookingRecord, context: Context) => {
  const when = fullMoment(booking.startsAt.getTime(), booking.visitorTimeZone);
  const lead = {
    booked: `Your free consultation with ${context.practiceName} is booked for ${when}.`,
    rescheduled: `Your free consultation with ${context.practiceName} has moved to ${when}.`,
    cancelled: `Your free consultation with ${context.practiceName} on ${when} is cancelled.`,
  }[change];
  const how = booking.meeting === "video" ? "It is a video call." : "It is a phone call.";
  const manage =
    change === "cancelled"
      ? "If you would like another time, you are welcome to book again."
      : `To see, change or cancel it, use your private link (please keep it to yourself):\n${context.manageUrlFor(booking.id)}`;
  // The first line is what an inbox preview shows: the practice's name and nothing else.
  return `${neutralSubjects.appointment(context.practiceName)}\n\nHello,\n\n${lead} ${change === "cancelled" ? "" : how}\n\n${manage}\n`;
};

/**
 * Tells the visitor (only if they said email is a safe way to reach them) and the therapist, with the
 * same calendar event each time: same UID, a higher SEQUENCE, CANCEL when cancelled. Queued in the
 * caller's transaction, so a message goes out exactly when the change happened.
 */
export async function queueBookingEmails(
  tx: Database,
  ring: KeyRing,
  change: BookingChange,
  booking: BookingRecord,
  context: Context,
): Promise<void> {
  const event = bookingEvent(booking, context);
  const icalEvent = { method: event.method, filename: "consultation.ics", content: calendarFile(event) };
  const subject = neutralSubjects.appointment(context.practiceName);
  if (booking.visitor.contactBy.includes("email")) {
    await queueEmail(tx, ring, {
      ...plainEmail(booking.visitor.email, subject, visitorText(change, booking, context)),
      icalEvent,
    });
  }
  if (booking.therapist.email) {
    const when = fullMoment(booking.startsAt.getTime(), booking.therapist.timeZone);
    const words = {
      booked: "A consultation has been booked",
      rescheduled: "A consultation has moved",
      cancelled: "A consultation was cancelled",
    }[change];
    const therapistEvent = { ...event, attendee: undefined };
    await queueEmail(tx, ring, {
      ...plainEmail(
        booking.therapist.email,
        subject,
        `${words}: ${when}.\n\nSign in to Haven to see the details.\n`,
      ),
      icalEvent: { ...icalEvent, content: calendarFile(therapistEvent) },
    });
  }
}
