import { randomUUID } from "node:crypto";
import { and, desc, eq, isNull } from "drizzle-orm";
import type { Database } from "../../../platform/db/database.ts";
import { decryptField, encryptField, type KeyRing } from "../../../platform/security/field-encryption.ts";
import { clients } from "../../accounts/clients/client.schema.ts";
import type { Resource } from "../../accounts/policies/policy.ts";
import type { Answers } from "../instruments/score-instrument.ts";
import { measureAssignments } from "./measure-assignment.schema.ts";
import type { MeasureWording } from "./measure-wording.ts";

export type MeasureAssignment = {
  id: string;
  clientId: string;
  therapistId: string;
  instrumentId: string;
  resultsShownToClient: boolean;
  assignedAt: Date;
  answeredAt: Date | null;
  /** Decrypted answers, once given. */
  answers: Answers | null;
  /** Which wording the client read (pack name and version), once answered. */
  wording: MeasureWording["source"] | null;
};

type Row = typeof measureAssignments.$inferSelect;
type Stored = { answers: Answers; wording: MeasureWording["source"] };

const location = (id: string) => ({ table: "measure_assignments", column: "answers_encrypted", id });

function open(ring: KeyRing, row: Row): MeasureAssignment {
  const stored = row.answersEncrypted
    ? (JSON.parse(decryptField(ring, row.answersEncrypted, location(row.id))) as Stored)
    : null;
  return {
    id: row.id,
    clientId: row.clientId,
    therapistId: row.therapistId,
    instrumentId: row.instrumentId,
    resultsShownToClient: row.resultsShownToClient,
    assignedAt: row.assignedAt,
    answeredAt: row.answeredAt,
    answers: stored?.answers ?? null,
    wording: stored?.wording ?? null,
  };
}

export async function assignMeasure(
  db: Database,
  input: { clientId: string; therapistId: string; instrumentId: string; resultsShownToClient: boolean },
  now = new Date(),
): Promise<string> {
  const id = randomUUID();
  await db.insert(measureAssignments).values({ id, ...input, assignedAt: now });
  return id;
}

/** One client's measures, newest first. */
export async function measuresOf(
  db: Database,
  ring: KeyRing,
  clientId: string,
): Promise<MeasureAssignment[]> {
  const rows = await db
    .select()
    .from(measureAssignments)
    .where(eq(measureAssignments.clientId, clientId))
    .orderBy(desc(measureAssignments.assignedAt));
  return rows.map((row) => open(ring, row));
}

/** The measure with what the policy needs to know about whose it is. */
export async function measureWithOwner(
  db: Database,
  ring: KeyRing,
  id: string,
): Promise<{ measure: MeasureAssignment; resource: Resource } | undefined> {
  const [row] = await db
    .select({ measure: measureAssignments, therapistId: clients.therapistId, coupleId: clients.coupleId })
    .from(measureAssignments)
    .innerJoin(clients, eq(clients.id, measureAssignments.clientId))
    .where(eq(measureAssignments.id, id));
  if (!row) return undefined;
  return {
    measure: open(ring, row.measure),
    resource: {
      type: "measure",
      clientId: row.measure.clientId,
      therapistId: row.therapistId,
      coupleId: row.coupleId,
      resultsShownToClient: row.measure.resultsShownToClient,
    },
  };
}

/**
 * Saves the answers once: a measure already answered (in another tab, say) is left as it was, and
 * false tells the caller so.
 */
export async function saveAnswers(
  db: Database,
  ring: KeyRing,
  input: { id: string; clientId: string; answers: Answers; wording: MeasureWording["source"] },
  now = new Date(),
): Promise<boolean> {
  const stored: Stored = { answers: input.answers, wording: input.wording };
  const saved = await db
    .update(measureAssignments)
    .set({
      answeredAt: now,
      answersEncrypted: encryptField(ring, JSON.stringify(stored), location(input.id)),
    })
    .where(
      and(
        eq(measureAssignments.id, input.id),
        eq(measureAssignments.clientId, input.clientId),
        isNull(measureAssignments.answeredAt),
      ),
    )
    .returning({ id: measureAssignments.id });
  return saved.length === 1;
}
