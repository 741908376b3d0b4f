import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { Transporter } from "nodemailer";

export type OutgoingMail = {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** A calendar invitation or cancellation, sent as text/calendar so mail apps offer to add it. */
  icalEvent?: { method: "REQUEST" | "CANCEL" | "PUBLISH"; filename: string; content: string };
};

export type Mailer = { send(mail: OutgoingMail): Promise<void>; close(): void; kind: "smtp" | "outbox" };

/**
 * How long an SMTP send may wait: to connect, for the server's greeting, and for any answer after that.
 * Set explicitly (the library's own socket timeout is ten minutes) and kept well inside the job lease
 * (job-queue.ts), so a stalled mail server fails the job instead of outliving its lease.
 */
export const smtpTimeouts = { connectionMs: 10_000, greetingMs: 10_000, socketMs: 30_000 };

/**
 * nodemailer is loaded at the first message, not at every start (record 063); the transport is made once
 * and kept, so the SMTP pool still holds one connection for every message.
 */
function lazyTransport(options: object): { get(): Promise<Transporter>; close(): void } {
  let made: Promise<Transporter> | undefined;
  let closed = false;
  return {
    get() {
      made ??= import("nodemailer").then(({ default: nodemailer }) => nodemailer.createTransport(options));
      return made;
    },
    close() {
      if (closed) return;
      closed = true;
      made?.then(
        (transport) => transport.close(),
        () => {},
      );
    },
  };
}

/**
 * SMTP when SMTP_URL is set; otherwise each message becomes an .eml file in the outbox folder,
 * so a laptop install works without a mail server and nothing is lost.
 */
export function createMailer(options: {
  smtpUrl: string | undefined;
  outboxDir: string;
  from: string;
  /** Shorter waits for tests; the defaults are `smtpTimeouts`. */
  timeouts?: Partial<typeof smtpTimeouts>;
}): Mailer {
  if (options.smtpUrl) {
    const timeouts = { ...smtpTimeouts, ...options.timeouts };
    const transport = lazyTransport({
      url: options.smtpUrl,
      // One connection kept open and reused: a new one for every message (and its TLS handshake) made
      // a backlog drain at a few messages a second. Jobs run one at a time, so one connection is enough.
      pool: true,
      maxConnections: 1,
      connectionTimeout: timeouts.connectionMs,
      greetingTimeout: timeouts.greetingMs,
      socketTimeout: timeouts.socketMs,
    });
    return {
      kind: "smtp",
      async send(mail) {
        await (await transport.get()).sendMail({ from: options.from, ...mail });
      },
      close: () => transport.close(),
    };
  }
  const transport = lazyTransport({ streamTransport: true, buffer: true, newline: "unix" });
  return {
    kind: "outbox",
    async send(mail) {
      const info = await (await transport.get()).sendMail({ from: options.from, ...mail });
      fs.mkdirSync(options.outboxDir, { recursive: true, mode: 0o700 });
      const name = `${new Date().toISOString().replace(/[:.]/g, "-")}-${randomBytes(4).toString("hex")}.eml`;
      fs.writeFileSync(path.join(options.outboxDir, name), info.message as Buffer, { mode: 0o600 });
    },
    close: () => transport.close(),
  };
}
