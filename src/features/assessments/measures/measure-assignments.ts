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
  /** A screen for harm the client chose not to answer at all ("I'd rather not say" to every question). */
  declined: boolean;
  /** Which wording the client read (pack name and version), once answered. */
  wording: MeasureWording["source"] | null;
};

/** A measure as stored: its answers still encrypted. */
export type SealedMeasure = typeof measureAssignments.$inferSelect;
type Stored = { answers: Answers; wording: MeasureWording["source"]; declined?: boolean };

const location = (id: string) => ({ table: "measure_assignments", column: "answers_encrypted", id });

/** Decrypts a measure's answers: only once the policy has allowed the reader. */
export function openMeasure(ring: KeyRing, row: SealedMeasure): MeasureAssignment {
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
    declined: stored?.declined === true,
    wording: stored?.wording ?? null,
  };
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
  return rows.map((row) => openMeasure(ring, row));
}

/**
 * The measure, still sealed, with what the policy needs to know about whose it is. The caller opens
 * it (openMeasure) only after the policy allows: nobody else's answers are decrypted even briefly.
 */
export async function measureWithOwner(
  db: Database,
  id: string,
): Promise<{ sealed: SealedMeasure; resource: Resource } | undefined> {
  const [row] = await db
    .select({ measure: measureAssignments, therapistId: clients.therapistId, coupleId: clients.coupleId })
    .from(measureAssignments)
    .innerJoin(clients, eq(clients.id, measureAssignments.clientId))
    .where(eq(measureAssignments.id, id));
  if (!row) return undefined;
  return {
    sealed: row.measure,
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
 * false tells the caller so. A declined screen is saved too: declining is an answer the therapist sees.
 */
export async function saveAnswers(
  db: Database,
  ring: KeyRing,
  input: {
    id: string;
    clientId: string;
    answers: Answers;
    wording: MeasureWording["source"];
    declined?: boolean;
  },
  now = new Date(),
): Promise<boolean> {
  const stored: Stored = {
    answers: input.answers,
    wording: input.wording,
    ...(input.declined ? { declined: true } : {}),
  };
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
