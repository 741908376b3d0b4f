import type { Database } from "../db/database.ts";
import { enqueueJob } from "../jobs/job-queue.ts";
import type { JobHandler } from "../jobs/job-runner.ts";
import type { KeyRing } from "../security/field-encryption.ts";
import type { Mailer, OutgoingMail } from "./mailer.ts";

export const emailJobKind = "email.send";

/**
 * Every email goes through the job queue: written in the same transaction as the change it reports,
 * retried while SMTP is down, sent once. Wake the job runner after the transaction commits.
 */
export function queueEmail(tx: Database, ring: KeyRing, mail: OutgoingMail): Promise<string> {
  return enqueueJob(tx, ring, emailJobKind, mail);
}

export function emailJobHandler(mailer: Mailer): JobHandler {
  return (payload) => mailer.send(payload as OutgoingMail);
}
