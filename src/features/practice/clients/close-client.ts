import { and, eq, inArray } from "drizzle-orm";
import { recordAudit } from "../../../platform/audit/record-audit.ts";
import type { Database } from "../../../platform/db/database.ts";
import { endAllSessions } from "../../../platform/security/sessions/session-store.ts";
import { clients } from "../../accounts/clients/client.schema.ts";
import { retentionDate } from "../../accounts/clients/erase-client.ts";

/**
 * The therapist ends the work with a client: the account closes (sign-in and every session stop at once)
 * and the records are kept until the retention date, when the retention job removes them. Nothing is
 * deleted now. Audited; false when the client was already closed (a second press changes nothing).
 */
export async function closeClient(
  db: Database,
  input: { clientId: string; therapistId: string; retentionYears: number },
  now = new Date(),
): Promise<boolean> {
  const retainedUntil = retentionDate(now, input.retentionYears);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(clients)
      .set({ status: "closed", retainedUntil })
      .where(
        and(
          eq(clients.id, input.clientId),
          eq(clients.therapistId, input.therapistId),
          inArray(clients.status, ["invited", "active", "paused"]),
        ),
      )
      .returning({ id: clients.id });
    if (!row) return false;
    await endAllSessions(tx, { kind: "client", id: row.id }, now);
    await recordAudit(tx, {
      actor: `therapist:${input.therapistId}`,
      action: "client.closed",
      subject: `client:${row.id}`,
      detail: { retainedUntil: retainedUntil.toISOString().slice(0, 10) },
    });
    return true;
  });
}
