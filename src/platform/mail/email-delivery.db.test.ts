import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { eq, sql } from "drizzle-orm";
import { pino } from "pino";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { SmtpTestServer } from "../../../test/support/smtp-test-server.ts";
import { openTestDatabase } from "../../../test/support/test-database.ts";
import type { DatabaseHandle } from "../db/database.ts";
import { jobs } from "../jobs/job.schema.ts";
import { JobRunner } from "../jobs/job-runner.ts";
import type { KeyRing } from "../security/field-encryption.ts";
import { secretKeys } from "../security/secret-key.ts";
import { emailJobHandler, emailJobKind, queueEmail } from "./email-job.ts";
import { createMailer } from "./mailer.ts";
import { neutralSubjects } from "./neutral-subjects.ts";

const ring: KeyRing = { current: secretKeys("m".repeat(64)) };
const logger = pino({ level: "silent" });
const mail = {
  to: "someone@example.org",
  subject: neutralSubjects.message("Haven demo practice"),
  text: "Your consultation is confirmed.",
  html: "<p>Your consultation is confirmed.</p>",
};

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await openTestDatabase();
});
afterAll(() => handle.close());
beforeEach(async () => {
  await handle.db.delete(jobs);
});

function runnerFor(smtpUrl: string | undefined, outboxDir = os.tmpdir(), pollMs = 5000) {
  const mailer = createMailer({ smtpUrl, outboxDir, from: "Haven demo practice <hello@example.org>" });
  return new JobRunner(handle.db, ring, { [emailJobKind]: emailJobHandler(mailer) }, logger, pollMs);
}

describe("email through the job queue", () => {
  it("reaches a real SMTP server with a neutral subject and both text and HTML parts", async () => {
    const smtp = new SmtpTestServer(await SmtpTestServer.freePort());
    await smtp.start();
    try {
      await queueEmail(handle.db, ring, mail);
      expect(await runnerFor(smtp.url).runOnce()).toBe(1);
      expect(smtp.received).toHaveLength(1);
      const [message] = smtp.received;
      expect(message?.to).toEqual(["someone@example.org"]);
      expect(message?.raw).toContain("Subject: A message from Haven demo practice");
      expect(message?.raw).toMatch(/Content-Type: multipart\/alternative/);
      expect(message?.raw).toContain("Content-Type: text/plain");
      expect(message?.raw).toContain("Content-Type: text/html");
    } finally {
      await smtp.stop();
    }
  });

  it("keeps the message while SMTP is down and sends it once when it returns", async () => {
    const smtp = new SmtpTestServer(await SmtpTestServer.freePort()); // not started: connection refused
    const runner = runnerFor(smtp.url);
    const id = await queueEmail(handle.db, ring, mail);
    expect(await runner.runOnce()).toBe(1);
    const [waiting] = await handle.db.select().from(jobs).where(eq(jobs.id, id));
    expect(waiting).toMatchObject({ status: "pending", attempts: 1, lastError: "ESOCKET" });
    expect(waiting?.runAt.getTime()).toBeGreaterThan(Date.now());
    expect(await runner.runOnce()).toBe(0); // not retried before its time

    await smtp.start();
    try {
      await handle.db.update(jobs).set({ runAt: sql`now()` }).where(eq(jobs.id, id)); // its retry time comes
      const passes = await Promise.all([runner.runOnce(), runnerFor(smtp.url).runOnce()]); // two instances
      expect(passes.reduce((a, b) => a + b)).toBe(1);
      expect(await runner.runOnce()).toBe(0);
      expect(smtp.received).toHaveLength(1);
      const [sent] = await handle.db.select().from(jobs).where(eq(jobs.id, id));
      expect(sent).toMatchObject({ status: "done", attempts: 2 });
    } finally {
      await smtp.stop();
    }
  });

  it("writes an .eml file to the outbox when no SMTP server is configured", async () => {
    const outbox = fs.mkdtempSync(path.join(os.tmpdir(), "haven-outbox-"));
    try {
      await queueEmail(handle.db, ring, mail);
      await runnerFor(undefined, outbox).runOnce();
      const files = fs.readdirSync(outbox);
      expect(files).toHaveLength(1);
      expect(files[0]).toMatch(/\.eml$/);
      const eml = fs.readFileSync(path.join(outbox, files[0] as string), "utf8");
      expect(eml).toContain("Subject: A message from Haven demo practice");
      expect(eml).toContain("To: someone@example.org");
      expect(fs.statSync(path.join(outbox, files[0] as string)).mode & 0o777).toBe(0o600);
    } finally {
      fs.rmSync(outbox, { recursive: true, force: true });
    }
  });

  it("stores the message encrypted, never as plaintext", async () => {
    await queueEmail(handle.db, ring, mail);
    const [row] = await handle.db.select().from(jobs);
    expect(row?.payloadEncrypted).not.toContain("someone@example.org");
    expect(row?.payloadEncrypted).not.toContain("confirmed");
  });

  it("gives up after the last attempt and keeps the job as failed", async () => {
    const id = await queueEmail(handle.db, ring, mail);
    await handle.db.update(jobs).set({ maxAttempts: 1 }).where(eq(jobs.id, id));
    await runnerFor(`smtp://127.0.0.1:${await SmtpTestServer.freePort()}`).runOnce();
    const [row] = await handle.db.select().from(jobs).where(eq(jobs.id, id));
    expect(row?.status).toBe("failed");
  });

  it("is woken right after an enqueue, without waiting for the timer", async () => {
    const smtp = new SmtpTestServer(await SmtpTestServer.freePort());
    await smtp.start();
    // The timer is an hour away, so only wake() can deliver the message during this test.
    const runner = runnerFor(smtp.url, os.tmpdir(), 3_600_000);
    try {
      runner.start();
      await queueEmail(handle.db, ring, mail);
      runner.wake();
      for (let i = 0; i < 500 && smtp.received.length === 0; i++) await new Promise((r) => setTimeout(r, 20));
      expect(smtp.received).toHaveLength(1);
    } finally {
      await runner.stop();
      await smtp.stop();
    }
  });

  it("gives up on a mail server that accepts the connection and never greets, and tries again later", async () => {
    const silent = net.createServer(() => {});
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
    const { port } = silent.address() as net.AddressInfo;
    try {
      await queueEmail(handle.db, ring, mail);
      const mailer = createMailer({
        smtpUrl: `smtp://127.0.0.1:${port}`,
        outboxDir: os.tmpdir(),
        from: "Haven demo practice <hello@example.org>",
        timeouts: { connectionMs: 300, greetingMs: 300, socketMs: 300 },
      });
      const runner = new JobRunner(handle.db, ring, { [emailJobKind]: emailJobHandler(mailer) }, logger);
      expect(await runner.runOnce()).toBe(1);
      const [job] = await handle.db.select().from(jobs);
      expect(job).toMatchObject({ status: "pending", attempts: 1, lastError: "ETIMEDOUT" });
      mailer.close();
    } finally {
      silent.close();
    }
  });
});
