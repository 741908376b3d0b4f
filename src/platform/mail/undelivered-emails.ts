import { and, desc, eq, gte } from "drizzle-orm";
import type { Database } from "../db/database.ts";
import { jobs } from "../jobs/job.schema.ts";
import { decryptField, type KeyRing } from "../security/field-encryption.ts";
import { emailJobKind } from "./email-job.ts";
import type { OutgoingMail } from "./mailer.ts";

export type UndeliveredEmail = { to: string; subject: string; failedAt: Date };

/** How far back the practice home lists emails that could not be sent. */
const lookBackDays = 30;

/**
 * Emails whose every attempt failed, newest first: for the practice's owner to reach those people
 * another way. The address is read here, for the therapist's page only, never for a log.
 */
export async function undeliveredEmails(
  db: Database,
  ring: KeyRing,
  now = new Date(),
): Promise<UndeliveredEmail[]> {
  const since = new Date(now.getTime() - lookBackDays * 86_400_000);
  const rows = await db
    .select({ id: jobs.id, payload: jobs.payloadEncrypted, finishedAt: jobs.finishedAt })
    .from(jobs)
    .where(and(eq(jobs.kind, emailJobKind), eq(jobs.status, "failed"), gte(jobs.finishedAt, since)))
    .orderBy(desc(jobs.finishedAt))
    .limit(20);
  return rows.map((row) => {
    const mail = JSON.parse(
      decryptField(ring, row.payload, { table: "jobs", column: "payload_encrypted", id: row.id }),
    ) as OutgoingMail;
    return { to: mail.to, subject: mail.subject, failedAt: row.finishedAt ?? now };
  });
}
