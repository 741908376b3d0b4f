// How fast a backlog of email drains through the job queue to an SMTP server on this machine, against
// the same messages sent straight to that server by one sender in a loop (the ceiling of one sender).
import { sql } from "drizzle-orm";
import { pino } from "pino";
import { JobRunner } from "../src/platform/jobs/job-runner.ts";
import { emailJobHandler, emailJobKind, queueEmail } from "../src/platform/mail/email-job.ts";
import { createMailer } from "../src/platform/mail/mailer.ts";
import type { KeyRing } from "../src/platform/security/field-encryption.ts";
import { secretKeys } from "../src/platform/security/secret-key.ts";
import { SmtpTestServer } from "../test/support/smtp-test-server.ts";
import { onBenchDatabases } from "./bench-databases.ts";

export type MailDrainReport = {
  database: string;
  messages: number;
  queueSeconds: number;
  directSeconds: number;
};

const ring: KeyRing = { current: secretKeys("b".repeat(64)) };
const logger = pino({ level: "silent" });
const message = (n: number) => ({
  to: `visitor-${n}@example.org`,
  subject: "A message from Haven bench practice",
  text: "Your consultation is confirmed.",
  html: "<p>Your consultation is confirmed.</p>",
});

export async function benchmarkMailDrain(
  postgresUrl: string | undefined,
  messages = 600,
): Promise<MailDrainReport[]> {
  return onBenchDatabases(postgresUrl, async (database, handles) => {
    const smtp = new SmtpTestServer(await SmtpTestServer.freePort());
    await smtp.start();
    const mailerOf = () =>
      createMailer({ smtpUrl: smtp.url, outboxDir: "/nonexistent", from: "Bench <hello@example.org>" });
    try {
      // The reference: one sender, the same messages, no queue.
      const direct = mailerOf();
      let started = performance.now();
      for (let n = 0; n < messages; n++) await direct.send(message(n));
      const directSeconds = (performance.now() - started) / 1000;
      direct.close();
      smtp.received.length = 0;

      const [first] = handles;
      if (!first) throw new Error("no database");
      for (let n = 0; n < messages; n++) await queueEmail(first.db, ring, message(n));
      // One runner per app instance (two on PostgreSQL), each woken once, as after a burst of bookings.
      const runners = handles.map(
        (handle) =>
          new JobRunner(handle.db, ring, { [emailJobKind]: emailJobHandler(mailerOf()) }, logger, 3_600_000),
      );
      started = performance.now();
      for (const runner of runners) runner.start();
      for (const runner of runners) await runner.idle();
      const queueSeconds = (performance.now() - started) / 1000;
      for (const runner of runners) await runner.stop();
      const left = await first.db.execute(sql`select count(*)::int as n from jobs where status <> 'done'`);
      const unsent = (left as unknown as { rows: { n: number }[] }).rows[0]?.n ?? -1;
      if (smtp.received.length !== messages || unsent !== 0)
        throw new Error(
          `mail drain: ${smtp.received.length} received of ${messages}, ${unsent} jobs not done`,
        );
      return [{ database, messages, queueSeconds, directSeconds }];
    } finally {
      await smtp.stop();
    }
  });
}

export function mailDrainLines(reports: MailDrainReport[]): string[] {
  return reports.map(
    (r) =>
      `Mail backlog, ${r.database}: ${r.messages} queued emails sent in ${r.queueSeconds.toFixed(1)} s (${(r.messages / r.queueSeconds).toFixed(0)}/s); the same sent directly by one sender: ${r.directSeconds.toFixed(1)} s (${(r.messages / r.directSeconds).toFixed(0)}/s) — goal: under 30 s`,
  );
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const line of mailDrainLines(await benchmarkMailDrain(process.env.HAVEN_BENCH_PG_URL)))
    console.log(line);
}
