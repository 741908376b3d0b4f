import type { Logger } from "pino";
import type { Database } from "../db/database.ts";
import type { KeyRing } from "../security/field-encryption.ts";
import { safeError } from "../web/safe-error.ts";
import {
  type ClaimedJob,
  claimBatchSize,
  claimDueJobs,
  completeJob,
  failJob,
  releaseJobs,
} from "./job-queue.ts";

export type JobHandler = (payload: unknown) => Promise<void>;

/** A short code for the log and the job row: never the error's message. */
function errorCode(error: unknown): string {
  const e = error as { code?: unknown; name?: unknown };
  if (typeof e.code === "string") return e.code;
  return typeof e.name === "string" ? e.name : "Error";
}

/**
 * Runs due jobs: on a timer, and at once when woken after a transaction that enqueued one.
 * Only one pass runs at a time in this process; other instances run theirs side by side.
 */
export class JobRunner {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<number> | undefined;
  private again = false;
  private stopped = false;
  private started = false;

  constructor(
    private readonly db: Database,
    private readonly ring: KeyRing,
    private readonly handlers: Record<string, JobHandler>,
    private readonly logger: Logger,
    private readonly pollMs = 5000,
  ) {}

  start(): void {
    this.stopped = false;
    this.started = true;
    this.timer = setInterval(() => this.wake(), this.pollMs);
    this.timer.unref();
    this.wake();
  }

  /** Asks for a pass now; a wake during a pass makes one more pass after it. */
  wake(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.runUntilIdle().finally(() => {
      this.running = undefined;
    });
  }

  /** One pass over the jobs due now; returns how many were handled (done or failed). */
  async runOnce(): Promise<number> {
    const claimed = await claimDueJobs(this.db, this.ring);
    let handled = 0;
    for (const job of claimed) {
      // Stopping: finish the job in hand, hand the rest back rather than hold them until the lease ends.
      if (this.stopped) {
        await releaseJobs(
          this.db,
          claimed.slice(handled).map((rest) => rest.id),
        );
        break;
      }
      await this.handle(job);
      handled++;
    }
    return handled;
  }

  /** Whether the runner was started and has not been stopped (for /readyz). */
  alive(): boolean {
    return this.started && !this.stopped;
  }

  /** Resolves once no pass is running: tests wait here for the work a request woke. */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  /** Stops after the job in hand (the rest of a pass is handed back); resolves when that job is done. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }

  private async runUntilIdle(): Promise<number> {
    let total = 0;
    try {
      let handled: number;
      // A full pass means more may be waiting: claim again at once rather than at the next tick, so a
      // backlog drains as fast as the jobs run.
      do {
        this.again = false;
        handled = await this.runOnce();
        total += handled;
      } while ((this.again || handled === claimBatchSize) && !this.stopped);
    } catch (error) {
      this.logger.error({ error: safeError(error) }, "job pass failed");
    }
    return total;
  }

  private async handle(job: ClaimedJob): Promise<void> {
    const handler = this.handlers[job.kind];
    try {
      if (!handler) throw Object.assign(new Error("no handler"), { code: "NO_HANDLER" });
      await handler(job.payload);
      await completeJob(this.db, job.id);
      this.logger.info({ job: job.kind, attempts: job.attempts }, "job done");
    } catch (error) {
      await failJob(this.db, job, errorCode(error));
      this.logger.warn(
        { job: job.kind, attempts: job.attempts, code: errorCode(error) },
        "job failed; will retry",
      );
    }
  }
}
