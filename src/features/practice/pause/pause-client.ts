import { and, eq } from "drizzle-orm";
import { recordAudit } from "../../../platform/audit/record-audit.ts";
import type { Database } from "../../../platform/db/database.ts";
import { clients } from "../../accounts/clients/client.schema.ts";

/**
 * The therapist pauses an active client's work, or resumes a paused one (record 058). Audited; false when
 * the client was not in the state to change (a second press, or a closed or invited account).
 */
export async function setPaused(
  db: Database,
  input: { clientId: string; therapistId: string; paused: boolean },
): Promise<boolean> {
  const [from, to] = input.paused ? (["active", "paused"] as const) : (["paused", "active"] as const);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(clients)
      .set({ status: to })
      .where(
        and(
          eq(clients.id, input.clientId),
          eq(clients.therapistId, input.therapistId),
          eq(clients.status, from),
        ),
      )
      .returning({ id: clients.id });
    if (!row) return false;
    await recordAudit(tx, {
      actor: `therapist:${input.therapistId}`,
      action: input.paused ? "client.paused" : "client.resumed",
      subject: `client:${row.id}`,
    });
    return true;
  });
}
