import type { Database } from "../db/database.ts";
import { auditLog } from "./audit.schema.ts";

export type AuditEntry = {
  actor: string;
  action: string;
  subject?: string;
  detail?: Record<string, string | number | boolean | null>;
};

/** Appends one entry; call it inside the transaction of the act it records, so both happen or neither. */
export async function recordAudit(tx: Database, entry: AuditEntry): Promise<void> {
  await tx.insert(auditLog).values({
    actor: entry.actor,
    action: entry.action,
    subject: entry.subject ?? null,
    detail: entry.detail ?? null,
  });
}
