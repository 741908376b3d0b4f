import type { Logger } from "pino";
import type { Database } from "../../platform/db/database.ts";
import type { JobHandler } from "../../platform/jobs/job-runner.ts";
import { recurringJob } from "../../platform/jobs/recurring-job.ts";
import type { KeyRing } from "../../platform/security/field-encryption.ts";
import { purgeExpired } from "./purge-expired.ts";

export const retentionJobKind = "retention.purge";
const dailyMs = 24 * 3600_000;

/**
 * The daily purge as a job in the queue: it runs once a day across all instances, survives restarts,
 * and is retried like any job. `start` plans the first run (now) when none is waiting.
 */
export function retentionJob(
  db: Database,
  ring: KeyRing,
  policy: { bookingRetentionMonths: number },
  logger: Logger,
): { start: () => Promise<boolean>; handlers: Record<string, JobHandler> } {
  const job = recurringJob(db, ring, retentionJobKind, dailyMs, async () => {
    const counts = await purgeExpired(db, policy);
    logger.info({ job: retentionJobKind, ...counts }, "retention purge done");
  });
  return { start: () => job.start(), handlers: { [retentionJobKind]: job.handler } };
}
