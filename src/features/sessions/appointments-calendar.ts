import { neutralSubjects } from "../../platform/mail/neutral-subjects.ts";
import { calendarFeed } from "../booking/calendar-file.ts";
import { sessionEmailWords } from "./messages.ts";
import type { MyAppointments } from "./my-appointments.tsx";

/**
 * A client's upcoming appointments as one published calendar file. Each event keeps the UID its emails
 * carried, so a calendar app that already has it updates it rather than adding a second. Titles name the
 * practice only and nothing names a person: calendars are often shared (HAZ-043). Pure: no I/O, no clock.
 */
export function appointmentsCalendar(
  appointments: MyAppointments,
  context: { practiceName: string; publicHost: string; now: Date },
): string {
  const { practiceName, publicHost, now } = context;
  const title = neutralSubjects.appointment(practiceName);
  const description = sessionEmailWords.description(practiceName);
  const { consultation, sessions } = appointments;
  const events = [...(consultation ? [consultation] : []), ...sessions].map((a) => ({
    uid: `${a.id}@${publicHost}`,
    sequence: a.sequence,
    start: a.start,
    end: a.end,
    stamp: now.getTime(),
    title,
    description,
    status: "CONFIRMED" as const,
  }));
  return calendarFeed({ name: title, events });
}
