import fs from "node:fs";
import path from "node:path";
import type { TestApp } from "./test-app.ts";

export type DeliveredMail = { to: string; subject: string; text: string; file: string };

/** Quoted-printable, as Nodemailer writes long text lines: soft breaks joined, =XX bytes decoded. */
function decodeQuotedPrintable(body: string): string {
  const joined = body.replace(/=\r?\n/g, "");
  return Buffer.from(
    joined.replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16))),
    "latin1",
  ).toString("utf8");
}

/**
 * Runs the job queue until nothing is left to do (a job may queue another: a sign-in request its
 * email), then reads every message the outbox holds, oldest first.
 */
export async function deliveredMail(t: TestApp): Promise<DeliveredMail[]> {
  // A form that answers before its work wakes the runner a turn of the event loop after the answer.
  await new Promise((resolve) => setImmediate(resolve));
  do await t.app.jobs.idle();
  while ((await t.app.jobs.runOnce()) > 0);
  await t.app.jobs.idle();
  return readOutbox(path.join(t.config.dataDir, "outbox"));
}

/** Every message in an outbox folder, oldest first. */
export function readOutbox(dir: string): DeliveredMail[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .sort()
    .map((name) => {
      const raw = fs.readFileSync(path.join(dir, name), "utf8");
      const header = (field: string) => new RegExp(`^${field}: (.*)$`, "mi").exec(raw)?.[1]?.trim() ?? "";
      const textPart = /Content-Type: text\/plain[\s\S]*?\r?\n\r?\n([\s\S]*?)\r?\n--/i.exec(raw)?.[1] ?? "";
      return {
        to: header("To"),
        subject: header("Subject"),
        text: decodeQuotedPrintable(textPart),
        file: name,
      };
    });
}

/** The first link in the newest message to an address. */
export async function linkMailedTo(t: TestApp, to: string, pathPrefix: string): Promise<string> {
  const mail = (await deliveredMail(t)).filter((m) => m.to.includes(to)).at(-1);
  const match = mail && new RegExp(`https?://[^\\s]+(${pathPrefix}/[\\w-]+)`).exec(mail.text);
  if (!match?.[1]) throw new Error(`no ${pathPrefix} link was mailed to ${to}`);
  return match[1];
}
