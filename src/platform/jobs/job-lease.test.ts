import { describe, expect, it } from "vitest";
import { defaultPostgresTimeouts } from "../db/open-postgres.ts";
import { smtpTimeouts } from "../mail/mailer.ts";
import { jobLeaseSeconds } from "./job-queue.ts";

describe("the job lease", () => {
  it("outlasts everything a job may wait on, so no second instance can start a job still running", () => {
    const leaseMs = jobLeaseSeconds * 1000;
    // One email: connect, greeting, then any one answer; plus the statements that complete the job.
    const email = smtpTimeouts.connectionMs + smtpTimeouts.greetingMs + smtpTimeouts.socketMs;
    const database = 2 * (defaultPostgresTimeouts.statementMs * 2);
    expect(leaseMs).toBeGreaterThan(email + database);
  });
});
