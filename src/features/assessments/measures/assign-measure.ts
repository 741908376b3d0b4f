import { randomUUID } from "node:crypto";
import { and, eq, isNull } from "drizzle-orm";
import { recordAudit } from "../../../platform/audit/record-audit.ts";
import type { Database } from "../../../platform/db/database.ts";
import { clients } from "../../accounts/clients/client.schema.ts";
import type { InstrumentDefinition } from "../instruments/instrument-definition.ts";
import type { InstrumentPack } from "../instruments/instrument-pack.ts";
import { measureAssignments } from "./measure-assignment.schema.ts";
import { measureReadiness } from "./measure-wording.ts";

export type AssignInput = {
  clientId: string;
  therapistId: string;
  instrumentId: string;
  resultsShownToClient: boolean;
  /** The weekly schedule this asking comes from, if any. */
  scheduleId?: string;
};

/** What decides whether a measure can be given now; `demo` is read at the moment of asking. */
export type AssignRules = {
  instruments: readonly InstrumentDefinition[];
  pack: InstrumentPack | undefined;
  demo: boolean;
};

export type AssignOutcome =
  | { ok: true; id: string }
  /** No such measure, or a published one whose wording is not in the practice's pack. */
  | { ok: false; reason: "not-ready" }
  /** Placeholder wording outside demo mode: it must never reach a real client (hazard log). */
  | { ok: false; reason: "example-wording" }
  /** A closed account: the client can no longer sign in to answer. */
  | { ok: false; reason: "client-not-open" }
  /** The same measure is already waiting: a second copy would only confuse the client. */
  | { ok: false; reason: "already-waiting" };

/** Clients who can sign in and answer: an invited client answers once they accept. */
const openStatuses: readonly string[] = ["active", "invited"];

/**
 * Asks a client for a measure. The client's row is locked first, so two submits at once (a double
 * click, two tabs, two app instances) cannot both find nothing waiting and both insert. The wording
 * is checked here, not only in the form, so no path can give a client placeholder questions.
 */
export async function assignMeasure(
  db: Database,
  rules: AssignRules,
  input: AssignInput,
  now = new Date(),
): Promise<AssignOutcome> {
  const definition = rules.instruments.find((d) => d.id === input.instrumentId);
  const readiness = definition ? measureReadiness(definition, rules.pack, rules.demo) : undefined;
  if (readiness?.kind === "example-wording") return { ok: false, reason: "example-wording" };
  if (readiness?.kind !== "ready") return { ok: false, reason: "not-ready" };
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
