import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase, type TestDatabaseHandle } from "../../../test/support/test-database.ts";
import { addTherapistWithHours } from "../../../test/support/weekday-therapist.ts";
import { claimDueJobs } from "../../platform/jobs/job-queue.ts";
import type { OutgoingMail } from "../../platform/mail/mailer.ts";
import { secretKeys } from "../../platform/security/secret-key.ts";
import { bookConsultation } from "./book-consultation.ts";
import { bookingEvent } from "./booking-emails.ts";
import { loadBooking } from "./booking-record.ts";
import { calendarFile } from "./calendar-file.ts";
import { computeSlots } from "./compute-slots.ts";
import { fullMoment } from "./messages.ts";
import { loadAvailability } from "./therapist-availability.ts";

// The "done when": a visitor in Sydney books a therapist in London for a time across a
// clock change, and the page, the email and the calendar file all show the same instant.
// London moves to BST on 28 March 2027; Sydney leaves daylight time on 4 April 2027.
const ring = { current: secretKeys("a-secret-for-the-clock-change-test-000") };
const now = new Date("2027-03-22T09:00:00Z"); // a Monday, still GMT in London
const mail = {
  practiceName: "Harbour Therapy",
  practiceEmail: "hello@harbour.example",
  publicHost: "haven.harbour.example",
  manageUrlFor: (id: string) => `https://haven.harbour.example/book/manage/${id}`,
};
let handle: TestDatabaseHandle;
let therapistId: string;

beforeAll(async () => {
  handle = await openTestDatabase();
  therapistId = await addTherapistWithHours(handle.db);
});
afterAll(() => handle.close());

describe("a booking across a clock change", () => {
  it("offers 09:00 London time before and after the change, an hour apart in UTC", async () => {
    const window = { from: now.getTime(), to: now.getTime() + 14 * 86_400_000 };
    const availability = await loadAvailability(handle.db, therapistId, window);
    const slots = computeSlots({
      rules: availability?.rules as never,
      bookings: [],
      busy: [],
      now: now.getTime(),
      ...window,
    });
    const starts = new Set(slots.map((s) => new Date(s.start).toISOString()));
    expect(starts.has("2027-03-26T09:00:00.000Z")).toBe(true); // Friday, GMT
    expect(starts.has("2027-03-29T08:00:00.000Z")).toBe(true); // Monday, BST
    expect(starts.has("2027-03-29T09:00:00.000Z")).toBe(true); // 10:00 BST, not 09:00
  });

  it("shows the visitor, the email and the calendar file the same instant", async () => {
    const start = Date.parse("2027-03-29T08:00:00Z"); // 09:00 in London, 19:00 in Sydney
    const outcome = await bookConsultation(
      handle.db,
      ring,
      {
        therapistId,
        start,
        kind: "couple",
        meeting: "video",
        visitorTimeZone: "Australia/Sydney",
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
      mail,
    );
    if (!outcome.ok) throw new Error(`not booked: ${outcome.reason}`);
    const record = await loadBooking(handle.db, ring, outcome.bookingId);
    if (!record) throw new Error("booking missing");

    // The manage page's words, in the visitor's zone.
    const sydney = /Monday,? 29 March 2027 at 19:00 \(Sydney time, GMT\+11\)/;
    expect(fullMoment(record.startsAt.getTime(), record.visitorTimeZone)).toMatch(sydney);
    // The calendar file, in UTC.
    expect(calendarFile(bookingEvent(record, mail))).toContain("DTSTART:20270329T080000Z");

    // The emails queued in the booking's own transaction.
    const jobs = await claimDueJobs(handle.db, ring);
    const sent = jobs.map((job) => job.payload as OutgoingMail);
    const toVisitor = sent.find((m) => m.to === "bea@example.org");
    const toTherapist = sent.find((m) => m.to === "tess@harbour.example");
    expect(toVisitor?.subject).toBe("Appointment with Harbour Therapy");
    expect(toVisitor?.text).toMatch(sydney);
    expect(toVisitor?.icalEvent?.content).toContain("DTSTART:20270329T080000Z");
    expect(toTherapist?.text).toMatch(/Monday,? 29 March 2027 at 09:00 \(London time, BST\)/);
    expect(toTherapist?.text).not.toContain("Bea");
  });
});
