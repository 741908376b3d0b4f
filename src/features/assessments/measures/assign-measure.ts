import { randomUUID } from "node:crypto";
import { and, eq, isNull } from "drizzle-orm";
import { recordAudit } from "../../../platform/audit/record-audit.ts";
import type { Database } from "../../../platform/db/database.ts";
import { clients } from "../../accounts/clients/client.schema.ts";
import { measureAssignments } from "./measure-assignment.schema.ts";

export type AssignInput = {
  clientId: string;
  therapistId: string;
  instrumentId: string;
  resultsShownToClient: boolean;
};

export type AssignOutcome =
  | { ok: true; id: string }
  /** A closed account: the client can no longer sign in to answer. */
  | { ok: false; reason: "client-not-open" }
  /** The same measure is already waiting: a second copy would only confuse the client. */
  | { ok: false; reason: "already-waiting" };

/** Clients who can sign in and answer: an invited client answers once they accept. */
const openStatuses: readonly string[] = ["active", "invited"];

/**
 * Asks a client for a measure. The client's row is locked first, so two submits at once (a double
 * click, two tabs, two app instances) cannot both find nothing waiting and both insert.
 */
export async function assignMeasure(
  db: Database,
  input: AssignInput,
  now = new Date(),
): Promise<AssignOutcome> {
  return db.transaction(async (tx): Promise<AssignOutcome> => {
    const [client] = await tx
      .select({ status: clients.status })
      .from(clients)
      .where(eq(clients.id, input.clientId))
      .for("update");
    if (!client || !openStatuses.includes(client.status)) return { ok: false, reason: "client-not-open" };
    const [waiting] = await tx
      .select({ id: measureAssignments.id })
      .from(measureAssignments)
      .where(
        and(
          eq(measureAssignments.clientId, input.clientId),
          eq(measureAssignments.instrumentId, input.instrumentId),
          isNull(measureAssignments.answeredAt),
        ),
      )
      .limit(1);
    if (waiting) return { ok: false, reason: "already-waiting" };
    const id = randomUUID();
    await tx.insert(measureAssignments).values({ id, ...input, assignedAt: now });
    await recordAudit(tx, {
      actor: `therapist:${input.therapistId}`,
      action: "measure.assigned",
      subject: `client:${input.clientId}`,
    });
    return { ok: true, id };
  });
}
