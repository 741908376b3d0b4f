import type { Database } from "../../platform/db/database.ts";
import { enqueueJob } from "../../platform/jobs/job-queue.ts";
import type { JobHandler } from "../../platform/jobs/job-runner.ts";
import type { KeyRing } from "../../platform/security/field-encryption.ts";
import type { BookingMailContext } from "./booking-emails.ts";
import { sweepExpiredRequests } from "./expire-requests.ts";
import { sendDueReminders, sendRemindersJobKind } from "./reminders/send-reminders.ts";

export const expireRequestsJobKind = "booking.expire-requests";

/**
 * Queued with each request (in its transaction), due at its expiry. The job carries nothing: it expires
 * every overdue request, so a job that runs late, twice or for a request already answered does no harm,
 * and one job catches any request another missed.
 */
export function scheduleRequestExpiry(tx: Database, ring: KeyRing, expiresAt: Date): Promise<string> {
  return enqueueJob(tx, ring, expireRequestsJobKind, {}, { runAt: expiresAt });
}

/** The booking feature's background work, for the app's job runner. */
export function bookingJobHandlers(
  db: Database,
  ring: KeyRing,
  mail: BookingMailContext,
  /** Asks the runner for another pass, so the notices just queued go out now rather than at the next poll. */
  wake: () => void,
): Record<string, JobHandler> {
  return {
    [expireRequestsJobKind]: async () => {
      if ((await sweepExpiredRequests(db, ring, { mail })) > 0) wake();
    },
    [sendRemindersJobKind]: async () => {
      if ((await sendDueReminders(db, ring, mail)) > 0) wake();
    },
  };
}
