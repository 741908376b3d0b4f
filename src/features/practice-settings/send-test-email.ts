import path from "node:path";
import type { Config } from "../../config.ts";
import { recordAudit } from "../../platform/audit/record-audit.ts";
import type { Database } from "../../platform/db/database.ts";
import { neutralSubjects } from "../../platform/mail/neutral-subjects.ts";
import { plainEmail } from "../../platform/mail/plain-email.ts";
import { sendTestMail } from "../../platform/mail/test-mail.ts";
import { settingsMessages as m } from "./messages.ts";
import type { PracticeSettings } from "./practice-settings.types.ts";

/**
 * Sends the owner a test email now, as the practice's mail goes out, and says in words what the mail
 * server answered. Audited (who asked, and whether it was accepted), never with the answer's text.
 */
export async function sendTestEmail(
  db: Database,
  config: Config,
  practice: PracticeSettings,
  owner: { id: string; email: string },
): Promise<string> {
  const result = await sendTestMail({
    smtpUrl: config.smtpUrl,
    outboxDir: path.join(config.dataDir, "outbox"),
    from: `${practice.name} <${practice.contact.email}>`,
    mail: plainEmail(owner.email, neutralSubjects.message(practice.name), m.testEmailText),
  });
  await recordAudit(db, {
    actor: `therapist:${owner.id}`,
    action: "practice.test-email",
    detail: { kind: result.kind, accepted: result.kind === "outbox" || result.accepted },
  });
  if (result.kind === "outbox") return m.testEmailOutbox;
  return result.accepted
    ? m.testEmailAccepted(owner.email, result.answer)
    : m.testEmailRefused(result.answer);
}
