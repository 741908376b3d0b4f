import { and, eq, inArray } from "drizzle-orm";
import type { Database } from "../db/database.ts";
import { takeTransactionLock } from "../db/transaction-lock.ts";
import type { KeyRing } from "../security/field-encryption.ts";
import { jobs } from "./job.schema.ts";
import { enqueueJob } from "./job-queue.ts";
import type { JobHandler } from "./job-runner.ts";

/**
 * Makes sure one job of this kind is waiting, due at `runAt`, unless one is already waiting (or, with
 * `orRunning`, running). Under a transaction lock, so instances starting together add one, not two.
 * Returns whether a job was added.
 */
export async function ensureJobWaiting(
  db: Database,
  ring: KeyRing,
  kind: string,
  runAt: Date,
  options: { orRunning?: boolean } = {},
): Promise<boolean> {
  const statuses: ("pending" | "running")[] = options.orRunning ? ["pending", "running"] : ["pending"];
  return db.transaction(async (tx) => {
    await takeTransactionLock(tx, "recurring-job");
    const [waiting] = await tx
      .select({ id: jobs.id })
      .from(jobs)
      .where(and(eq(jobs.kind, kind), inArray(jobs.status, statuses)))
      .limit(1);
    if (waiting) return false;
    await enqueueJob(tx, ring, kind, {}, { runAt });
    return true;
  });
}

/**
 * A job that runs every `everyMs`: each run first plans the next (so a run that fails and is retried, or
 * one whose retries run out, never stops the series), then does the work. `start` plans the first run
 * when none is waiting or running; call it when the server starts. The work must be safe to repeat.
 */
export function recurringJob(
  db: Database,
  ring: KeyRing,
  kind: string,
  everyMs: number,
  work: () => Promise<void>,
): { start: (now?: Date) => Promise<boolean>; handler: JobHandler } {
  return {
    start: (now = new Date()) => ensureJobWaiting(db, ring, kind, now, { orRunning: true }),
    handler: async () => {
      await ensureJobWaiting(db, ring, kind, new Date(Date.now() + everyMs));
      await work();
    },
  };
}
