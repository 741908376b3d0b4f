import type { Database } from "../../platform/db/database.ts";
import { queueEmail } from "../../platform/mail/email-job.ts";
import type { OutgoingMail } from "../../platform/mail/mailer.ts";
import { neutralSubjects } from "../../platform/mail/neutral-subjects.ts";
import { plainEmail } from "../../platform/mail/plain-email.ts";
import type { KeyRing } from "../../platform/security/field-encryption.ts";
import type { BookingMailContext } from "../booking/booking-emails.ts";
import { calendarFeed, calendarFile } from "../booking/calendar-file.ts";
import { fullMoment } from "../booking/messages.ts";
import { sessionEmailWords as w } from "./messages.ts";
import type { Person } from "./session-people.ts";

export type SessionTimes = { id: string; startsAt: Date; endsAt: Date; sequence: number };
export type SessionChange =
  | { kind: "scheduled"; sessions: SessionTimes[] }
  | { kind: "moved"; session: SessionTimes; from: Date }
  | { kind: "cancelled"; session: SessionTimes }
  | { kind: "reminder"; session: SessionTimes };

const when = (at: Date, zone: string) => fullMoment(at.getTime(), zone);

/**
 * Tells each person the session is with, each at their own address, in the caller's transaction. The
 * subject and the calendar title say "Appointment with <practice>" and nothing else (HAZ-043); new sessions
 * come as one published calendar of them all, a change as the same event again (same UID, higher SEQUENCE).
 */
export async function queueSessionEmails(
  tx: Database,
  ring: KeyRing,
  change: SessionChange,
  people: Person[],
  context: BookingMailContext & { zone: string },
  now = new Date(),
): Promise<void> {
  const { practiceName, publicHost, zone } = context;
  const title = neutralSubjects.appointment(practiceName);
  const event = (session: SessionTimes) => ({
    uid: `${session.id}@${publicHost}`,
    sequence: session.sequence,
    start: session.startsAt.getTime(),
    end: session.endsAt.getTime(),
    stamp: now.getTime(),
    title,
    description: w.description(practiceName),
  });
  for (const person of people) {
    let text: string;
    let icalEvent: OutgoingMail["icalEvent"];
    if (change.kind === "scheduled") {
      text = w.scheduled(
        practiceName,
        change.sessions.map((s) => when(s.startsAt, zone)),
      );
      const events = change.sessions.map((s) => ({ ...event(s), status: "CONFIRMED" as const }));
      icalEvent = {
        method: "PUBLISH",
        filename: "appointments.ics",
        content: calendarFeed({ name: title, events }),
      };
    } else if (change.kind === "reminder") {
      text = w.reminder(practiceName, when(change.session.startsAt, zone));
    } else {
      const method = change.kind === "cancelled" ? ("CANCEL" as const) : ("REQUEST" as const);
      text =
        change.kind === "cancelled"
          ? w.cancelled(practiceName, when(change.session.startsAt, zone))
          : w.moved(practiceName, when(change.from, zone), when(change.session.startsAt, zone));
      icalEvent = {
        method,
        filename: "appointment.ics",
        content: calendarFile({
          ...event(change.session),
          method,
          organizer: { name: practiceName, email: context.practiceEmail },
          attendee: { email: person.email },
        }),
      };
    }
    await queueEmail(tx, ring, {
      ...plainEmail(person.email, title, text),
      ...(icalEvent ? { icalEvent } : {}),
    });
  }
}
