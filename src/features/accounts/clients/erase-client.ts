import { eq } from "drizzle-orm";
import { recordAudit } from "../../../platform/audit/record-audit.ts";
import type { Database } from "../../../platform/db/database.ts";
import type { ClientDataTable } from "../../../platform/privacy/client-data.ts";
import { clients } from "./client.schema.ts";

/** The date until which the practice keeps what it must: the retention period from today. */
export function retentionDate(now: Date, years: number): Date {
  const until = new Date(now);
  until.setUTCFullYear(until.getUTCFullYear() + years);
  return until;
}

/**
 * The client's "erase me": everything the practice need not keep goes now, in one transaction; the
 * account closes (sign-in stops at once); what must be kept is kept until the retention date, which
 * the client is shown. Only this client's rows are touched: a partner's own data stays.
 */
export async function eraseClient(
  db: Database,
  tables: ClientDataTable[],
  input: { clientId: string; retentionYears: number },
  now = new Date(),
): Promise<{ retainedUntil: Date }> {
  const retainedUntil = retentionDate(now, input.retentionYears);
  await db.transaction(async (tx) => {
    for (const table of tables) {
      if (table.erasure.goesNow) await table.erase(tx, input.clientId);
    }
    await tx
      .update(clients)
      .set({ status: "closed", erasureRequestedAt: now, retainedUntil })
      .where(eq(clients.id, input.clientId));
    const subject = `client:${input.clientId}`;
    await recordAudit(tx, {
      actor: subject,
      action: "client.erasure-requested",
      subject,
      // No counts: how many rows went would tell staff how much the client kept private.
      detail: { retainedUntil: retainedUntil.toISOString().slice(0, 10) },
    });
  });
  return { retainedUntil };
}
