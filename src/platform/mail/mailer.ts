import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import nodemailer from "nodemailer";

export type OutgoingMail = {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** A calendar invitation or cancellation, sent as text/calendar so mail apps offer to add it. */
  icalEvent?: { method: "REQUEST" | "CANCEL"; filename: string; content: string };
};

export type Mailer = { send(mail: OutgoingMail): Promise<void>; close(): void; kind: "smtp" | "outbox" };

/**
 * SMTP when SMTP_URL is set; otherwise each message becomes an .eml file in the outbox folder,
 * so a laptop install works without a mail server and nothing is lost.
 */
export function createMailer(options: {
  smtpUrl: string | undefined;
  outboxDir: string;
  from: string;
}): Mailer {
  if (options.smtpUrl) {
    const transport = nodemailer.createTransport(options.smtpUrl);
    return {
      kind: "smtp",
      async send(mail) {
        await transport.sendMail({ from: options.from, ...mail });
      },
      close: () => transport.close(),
    };
  }
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "unix" });
  return {
    kind: "outbox",
    async send(mail) {
      const info = await transport.sendMail({ from: options.from, ...mail });
      fs.mkdirSync(options.outboxDir, { recursive: true, mode: 0o700 });
      const name = `${new Date().toISOString().replace(/[:.]/g, "-")}-${randomBytes(4).toString("hex")}.eml`;
      fs.writeFileSync(path.join(options.outboxDir, name), info.message as Buffer, { mode: 0o600 });
    },
    close: () => transport.close(),
  };
}
