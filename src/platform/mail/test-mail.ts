import nodemailer from "nodemailer";
import { createMailer, type OutgoingMail, smtpTimeouts } from "./mailer.ts";

/** What became of a test email: the SMTP server's own answer, or that it went to the outbox folder. */
export type TestMailResult = { kind: "smtp"; accepted: boolean; answer: string } | { kind: "outbox" };

/** The server's answer line, or the error's code and message when no server answered. */
function answerOf(error: unknown): string {
  const e = error as { response?: unknown; code?: unknown; message?: unknown };
  if (typeof e.response === "string" && e.response) return e.response;
  const code = typeof e.code === "string" ? `${e.code}: ` : "";
  return `${code}${typeof e.message === "string" ? e.message : String(error)}`;
}

/**
 * Sends one email now, outside the job queue, on a connection of its own, and reports what the SMTP
 * server answered (accepted or refused), so the practice can tell whether mail from Haven works.
 */
export async function sendTestMail(options: {
  smtpUrl: string | undefined;
  outboxDir: string;
  from: string;
  mail: OutgoingMail;
  timeouts?: Partial<typeof smtpTimeouts>;
}): Promise<TestMailResult> {
  if (!options.smtpUrl) {
    const outbox = createMailer({ smtpUrl: undefined, outboxDir: options.outboxDir, from: options.from });
    await outbox.send(options.mail);
    outbox.close();
    return { kind: "outbox" };
  }
  const timeouts = { ...smtpTimeouts, ...options.timeouts };
  const transport = nodemailer.createTransport({
    url: options.smtpUrl,
    connectionTimeout: timeouts.connectionMs,
    greetingTimeout: timeouts.greetingMs,
    socketTimeout: timeouts.socketMs,
  });
  try {
    const info = await transport.sendMail({ from: options.from, ...options.mail });
    return { kind: "smtp", accepted: true, answer: String(info.response ?? "") };
  } catch (error) {
    return { kind: "smtp", accepted: false, answer: answerOf(error) };
  } finally {
    transport.close();
  }
}
