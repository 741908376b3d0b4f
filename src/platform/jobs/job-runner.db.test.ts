import { inArray } from "drizzle-orm";
import { pino } from "pino";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { openTestDatabase } from "../../../test/support/test-database.ts";
import type { DatabaseHandle } from "../db/database.ts";
import type { KeyRing } from "../security/field-encryption.ts";
import { secretKeys } from "../security/secret-key.ts";
import { jobs } from "./job.schema.ts";
import { claimBatchSize, enqueueJob } from "./job-queue.ts";
import { JobRunner } from "./job-runner.ts";

const ring: KeyRing = { current: secretKeys("j".repeat(64)) };
const logger = pino({ level: "silent" });

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await openTestDatabase();
});
afterAll(() => handle.close());
beforeEach(async () => {
  await handle.db.delete(jobs);
});

describe("the job runner", () => {
  it("stops after the job in hand and hands the rest of its pass back, pending, attempts untouched", async () => {
    const ids = [];
    for (let n = 0; n < 3; n++) ids.push(await enqueueJob(handle.db, ring, "slow", { n }));
    let inHand: () => void = () => {};
    let started: () => void = () => {};
    const firstStarted = new Promise<void>((resolve) => {
      started = resolve;
    });
    const done: number[] = [];
    const runner = new JobRunner(
      handle.db,
      ring,
      {
        slow: async (payload) => {
          started();
          await new Promise<void>((resolve) => {
            inHand = resolve;
          });
          done.push((payload as { n: number }).n);
        },
      },
      logger,
    );
    runner.start();
    expect(runner.alive()).toBe(true);
    await firstStarted;
    const stopped = runner.stop();
    expect(runner.alive()).toBe(false);
    inHand();
    await stopped;
    expect(done).toHaveLength(1);
    const rows = await handle.db.select().from(jobs).where(inArray(jobs.id, ids));
    const statuses = rows.map((row) => `${row.status}:${row.attempts}`).sort();
    expect(statuses).toEqual(["done:1", "pending:0", "pending:0"]);
  });
});

describe("a backlog", () => {
  it("drains pass after pass while passes come back full, without waiting for the next tick", async () => {
    const count = claimBatchSize * 2 + 5;
    for (let n = 0; n < count; n++) await enqueueJob(handle.db, ring, "quick", { n });
    let ran = 0;
    // A tick an hour away: only claiming again at once can finish the backlog in this test.
    const runner = new JobRunner(handle.db, ring, { quick: async () => void ran++ }, logger, 3_600_000);
    runner.start();
    await runner.idle();
    await runner.stop();
    expect(ran).toBe(count);
  });
});
