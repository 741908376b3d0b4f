import { randomUUID } from "node:crypto";
import { and, eq, inArray, sql } from "drizzle-orm";
import type { Database } from "../db/database.ts";
import { resultRows } from "../db/result-rows.ts";
import { decryptField, encryptField, type KeyRing } from "../security/field-encryption.ts";
import { jobs } from "./job.schema.ts";
import { retryDelaySeconds } from "./retry-delay.ts";

export type ClaimedJob = {
  id: string;
  kind: string;
  payload: unknown;
  attempts: number;
  maxAttempts: number;
};

const payloadLocation = (id: string) => ({ table: "jobs", column: "payload_encrypted", id });

/**
 * Adds a job inside the caller's transaction, so the job exists exactly when the change that needs it
 * does. Wake the runner after the transaction commits for an answer within a second.
 */
export async function enqueueJob(
  tx: Database,
  ring: KeyRing,
  kind: string,
  payload: unknown,
  options: { runAt?: Date; maxAttempts?: number } = {},
): Promise<string> {
  const id = randomUUID();
  await tx.insert(jobs).values({
    id,
    kind,
    payloadEncrypted: encryptField(ring, JSON.stringify(payload), payloadLocation(id)),
    runAt: options.runAt ?? new Date(),
    maxAttempts: options.maxAttempts ?? 8,
  });
  return id;
}

/** How many due jobs one pass claims. */
export const claimBatchSize = 10;

/**
 * How long a claimed job is this worker's before another may take it. Longer than everything a job may
 * wait on (the SMTP timeouts in mailer.ts, the database's statement timeout): a stalled job fails here
 * before a second instance could start it again and send a message twice.
 */
export const jobLeaseSeconds = 120;

type ClaimRow = {
  id: string;
  kind: string;
  payload_encrypted: string;
  attempts: number;
  max_attempts: number;
};

/**
 * Takes up to `limit` due jobs for this worker. SKIP LOCKED lets several instances claim side by side
 * without ever taking the same job; a job whose worker died is claimed again once its lease runs out.
 */
export async function claimDueJobs(
  db: Database,
  ring: KeyRing,
  limit = claimBatchSize,
  leaseSeconds = jobLeaseSeconds,
): Promise<ClaimedJob[]> {
  const result = await db.execute(sql`
    update jobs
       set status = 'running', attempts = attempts + 1,
           locked_until = now() + make_interval(secs => ${leaseSeconds})
     where id in (
       select id from jobs
        where (status = 'pending' and run_at <= now())
           or (status = 'running' and locked_until < now())
        order by run_at
        limit ${limit}
        for update skip locked)
    returning id, kind, payload_encrypted, attempts, max_attempts`);
  return resultRows<ClaimRow>(result).map((row) => ({
    id: row.id,
    kind: row.kind,
    payload: JSON.parse(decryptField(ring, row.payload_encrypted, payloadLocation(row.id))),
    attempts: row.attempts,
    maxAttempts: row.max_attempts,
  }));
}

export async function completeJob(db: Database, id: string): Promise<void> {
  await db
    .update(jobs)
    .set({ status: "done", lockedUntil: null, finishedAt: sql`now()` })
    .where(eq(jobs.id, id));
}

/** Tries again later with a growing delay; after its last attempt the job is kept as failed. */
export async function failJob(db: Database, job: ClaimedJob, errorCode: string): Promise<void> {
  const exhausted = job.attempts >= job.maxAttempts;
  await db
    .update(jobs)
    .set({
      status: exhausted ? "failed" : "pending",
      runAt: sql`now() + make_interval(secs => ${retryDelaySeconds(job.attempts)})`,
      lockedUntil: null,
      lastError: errorCode.slice(0, 80),
      finishedAt: exhausted ? sql`now()` : null,
    })
    .where(eq(jobs.id, job.id));
}

/**
 * Hands back jobs this worker claimed but did not start (it is stopping): pending again at once, with
 * the attempt it did not make taken back, for the next pass of any instance.
 */
export async function releaseJobs(db: Database, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  await db
    .update(jobs)
    .set({ status: "pending", attempts: sql`${jobs.attempts} - 1`, lockedUntil: null })
    .where(and(inArray(jobs.id, ids), eq(jobs.status, "running")));
}
