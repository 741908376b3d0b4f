import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase, type TestDatabaseHandle } from "../../../../test/support/test-database.ts";
import { testDatabaseLane } from "../../../../test/support/test-database-lane.ts";
import { addTherapistWithHours } from "../../../../test/support/weekday-therapist.ts";
import type { DatabaseHandle } from "../../../platform/db/database.ts";
import { openPostgres } from "../../../platform/db/open-postgres.ts";
import { jobs } from "../../../platform/jobs/job.schema.ts";
import { claimDueJobs } from "../../../platform/jobs/job-queue.ts";
import type { OutgoingMail } from "../../../platform/mail/mailer.ts";
import { secretKeys } from "../../../platform/security/secret-key.ts";
import { bookConsultation } from "../book-consultation.ts";
import { bookings } from "../booking.schema.ts";
import { cancelBooking, rescheduleBooking } from "../change-booking.ts";
import { replanReminders, sendDueReminders, sendRemindersJobKind } from "./send-reminders.ts";

const ring = { current: secretKeys("a-secret-for-the-reminders-test-0000000") };
const HOUR = 3_600_000;
const now = new Date("2027-03-01T09:00:00Z"); // a Monday, GMT in London
const mail = {
  practiceName: "Harbour Therapy",
  practiceEmail: "hello@harbour.example",
  publicHost: "haven.harbour.example",
  manageUrlFor: (id: string) => `https://haven.harbour.example/book/manage/${id}`,
};
let handle: TestDatabaseHandle;
/** A second app instance: its own pool on PostgreSQL; on PGlite (one process) the same database. */
let other: DatabaseHandle;
let therapistId: string;

beforeAll(async () => {
  handle = await openTestDatabase();
  other =
    testDatabaseLane() === "postgres" ? await openPostgres(handle.connectionString as string, 5) : handle;
  therapistId = await addTherapistWithHours(handle.db, { settings: { minimumNoticeMinutes: 0 } });
});
afterAll(async () => {
  if (other !== handle) await other.close();
  await handle.close();
});

async function book(start: string, email: string, contactBy: ("email" | "phone")[] = ["email"]) {
  const outcome = await bookConsultation(
    handle.db,
    ring,
    {
      therapistId,
      start: Date.parse(start),
      kind: "individual",
      meeting: "video",
      visitorTimeZone: "Europe/London",
      submissionId: randomUUID(),
      visitor: { name: "Visitor", email, phone: "+44 7700 900123", contactBy, leaveMessage: false, note: "" },
    },
    now,
    mail,
  );
  if (!outcome.ok) throw new Error(`not booked: ${outcome.reason}`);
  return outcome.bookingId;
}

/** The emails queued so far (and not yet taken), as the mailer would send them. */
async function queuedMail(): Promise<OutgoingMail[]> {
  const claimed = await claimDueJobs(handle.db, ring, 500);
  return claimed.filter((job) => job.kind === "email.send").map((job) => job.payload as OutgoingMail);
}
const reminders = (sent: OutgoingMail[], to: string) =>
  sent.filter((m) => m.to === to && m.text.includes("A reminder:"));

describe("reminders", () => {
  it("go out once, the therapist's hours before, even with two instances sweeping at the same moment", async () => {
    const ann = await book("2027-03-03T10:00:00Z", "ann@example.org");
    const [row] = await handle.db.select().from(bookings).where(eq(bookings.id, ann));
    expect(row?.remindAt?.toISOString()).toBe("2027-03-02T10:00:00.000Z");
    // The job that will send it is queued for that moment, with nothing personal in it.
    const reminderJobs = await handle.db.select().from(jobs).where(eq(jobs.kind, sendRemindersJobKind));
    expect(reminderJobs.map((job) => job.runAt.toISOString())).toContain("2027-03-02T10:00:00.000Z");
    await queuedMail(); // the booking's own confirmation

    // Not yet due.
    expect(await sendDueReminders(handle.db, ring, mail, new Date("2027-03-02T09:59:00Z"))).toBe(0);

    const due = new Date("2027-03-02T10:00:00Z");
    const counts = await Promise.all([
      sendDueReminders(handle.db, ring, mail, due),
      sendDueReminders(other.db, ring, mail, due),
      sendDueReminders(handle.db, ring, mail, due),
    ]);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(1);
    const sent = await queuedMail();
    const toAnn = reminders(sent, "ann@example.org");
    expect(toAnn).toHaveLength(1);
    expect(toAnn[0]?.subject).toBe("Appointment with Harbour Therapy");
    expect(toAnn[0]?.text).toMatch(/Wednesday,? 3 March 2027 at 10:00 \(London time, GMT\)/);
    // Only the visitor is reminded.
    expect(sent.filter((m) => m.to === "tess@harbour.example")).toHaveLength(0);

    // Later sweeps, however many, send nothing more.
    expect(await sendDueReminders(other.db, ring, mail, new Date("2027-03-02T11:00:00Z"))).toBe(0);
    expect(await queuedMail()).toHaveLength(0);
  });

  it("are never sent to a visitor who did not choose email, nor for a cancelled consultation", async () => {
    const phoneOnly = await book("2027-03-04T10:00:00Z", "pip@example.org", ["phone"]);
    const cancelled = await book("2027-03-04T11:00:00Z", "cal@example.org");
    const [row] = await handle.db.select().from(bookings).where(eq(bookings.id, phoneOnly));
    expect(row?.remindAt).toBeNull();
    expect((await cancelBooking(handle.db, ring, cancelled, mail, now)).ok).toBe(true);
    await queuedMail();

    expect(await sendDueReminders(handle.db, ring, mail, new Date("2027-03-03T12:00:00Z"))).toBe(0);
    const sent = await queuedMail();
    expect(reminders(sent, "pip@example.org")).toHaveLength(0);
    expect(reminders(sent, "cal@example.org")).toHaveLength(0);
  });

  it("follow a moved consultation to its new time, and are not sent for one booked inside the reminder window", async () => {
    const moved = await book("2027-03-05T10:00:00Z", "mo@example.org");
    const outcome = await rescheduleBooking(
      handle.db,
      ring,
      { bookingId: moved, start: Date.parse("2027-03-08T14:00:00Z") },
      mail,
      now,
    );
    expect(outcome.ok).toBe(true);
    const [row] = await handle.db.select().from(bookings).where(eq(bookings.id, moved));
    expect(row?.remindAt?.toISOString()).toBe("2027-03-07T14:00:00.000Z");
    await queuedMail();
    // At the old reminder moment, nothing; at the new one, one.
    expect(await sendDueReminders(handle.db, ring, mail, new Date("2027-03-04T10:30:00Z"))).toBe(0);
    expect(await sendDueReminders(handle.db, ring, mail, new Date("2027-03-07T14:00:00Z"))).toBe(1);
    expect(reminders(await queuedMail(), "mo@example.org")).toHaveLength(1);

    const soon = await book(new Date(now.getTime() + 5 * HOUR).toISOString(), "sue@example.org");
    const [soonRow] = await handle.db.select().from(bookings).where(eq(bookings.id, soon));
    expect(soonRow?.remindAt).toBeNull();
  });

  it("follow the therapist's setting when it changes: off means none goes out, whatever was planned", async () => {
    const id = await book("2027-03-10T10:00:00Z", "off@example.org");
    const start = "2027-03-10T10:00:00Z";
    await handle.db
      .update(bookings)
      .set({ remindAt: new Date("2027-03-09T10:00:00Z") })
      .where(eq(bookings.id, id));
    await replanReminders(handle.db, ring, therapistId, 0, now);
    expect((await handle.db.select().from(bookings).where(eq(bookings.id, id)))[0]?.remindAt).toBeNull();
    await queuedMail();
    expect(await sendDueReminders(handle.db, ring, mail, new Date("2027-03-09T12:00:00Z"))).toBe(0);
    expect(reminders(await queuedMail(), "off@example.org")).toHaveLength(0);

    // Back on, two hours before: planned again at the new distance.
    await replanReminders(handle.db, ring, therapistId, 2, now);
    const [row] = await handle.db.select().from(bookings).where(eq(bookings.id, id));
    expect(row?.remindAt?.toISOString()).toBe(new Date(Date.parse(start) - 2 * HOUR).toISOString());
  });
});
