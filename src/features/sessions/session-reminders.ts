import { and, eq, gt, isNull, lte, type SQL, sql } from "drizzle-orm";
import { recordAudit } from "../../platform/audit/record-audit.ts";
import type { Database } from "../../platform/db/database.ts";
import { enqueueJob } from "../../platform/jobs/job-queue.ts";
import type { JobHandler } from "../../platform/jobs/job-runner.ts";
import type { KeyRing } from "../../platform/security/field-encryption.ts";
import { therapists } from "../accounts/therapist.schema.ts";
import type { BookingMailContext } from "../booking/booking-emails.ts";
import { reminderAt } from "../booking/reminders/reminder-time.ts";
import { therapySessions } from "./session.schema.ts";
import { queueSessionEmails } from "./session-emails.ts";
import { peopleOf, type SessionFor } from "./session-people.ts";

export const sendSessionRemindersJobKind = "sessions.send-reminders";

/**
 * When a session's reminder goes (the therapist's reminder hours before it, as for consultations), with
 * the job that sends it; null when reminders are off or that moment has passed.
 */
export async function planSessionReminder(
  tx: Database,
  ring: KeyRing,
  start: number,
  reminderHours: number,
  now: Date,
): Promise<Date | null> {
  const at = reminderAt({ start, now: now.getTime(), reminderHours, contactByEmail: true });
  if (at) await enqueueJob(tx, ring, sendSessionRemindersJobKind, {}, { runAt: at });
  return at;
}

const due = (now: Date | SQL) =>
  and(
    eq(therapySessions.status, "scheduled"),
    isNull(therapySessions.reminderSentAt),
    lte(therapySessions.remindAt, now),
    gt(therapySessions.startsAt, now),
  );

/**
 * Sends every session reminder due, each claimed by one conditional UPDATE in its own transaction with its
 * emails, so two instances sweeping at once remind each person once. Returns how many were sent.
 */
export async function sendDueSessionReminders(
  db: Database,
  ring: KeyRing,
  mail: BookingMailContext,
  now?: Date,
): Promise<number> {
  const moment: Date | SQL = now ?? sql`now()`;
  const candidates = await db.select({ id: therapySessions.id }).from(therapySessions).where(due(moment));
  let sent = 0;
  for (const { id } of candidates) {
    const done = await db.transaction(async (tx) => {
      const [claimed] = await tx
        .update(therapySessions)
        .set({ reminderSentAt: moment })
        .where(and(eq(therapySessions.id, id), due(moment)))
        .returning();
      if (!claimed) return false;
      const [therapist] = await tx.select().from(therapists).where(eq(therapists.id, claimed.therapistId));
      const people = await peopleOf(tx, ring, claimed as SessionFor);
      await queueSessionEmails(tx, ring, { kind: "reminder", session: claimed }, people, {
        ...mail,
        zone: therapist?.timeZone ?? "UTC",
      });
      await recordAudit(tx, { actor: "system", action: "session.reminded", subject: `session:${id}` });
      return true;
    });
    if (done) sent++;
  }
  return sent;
}

/** The sessions feature's background work, for the app's job runner. */
export function sessionJobHandlers(
  db: Database,
  ring: KeyRing,
  mail: BookingMailContext,
  wake: () => void,
): Record<string, JobHandler> {
  return {
    [sendSessionRemindersJobKind]: async () => {
      if ((await sendDueSessionReminders(db, ring, mail)) > 0) wake();
    },
  };
}
