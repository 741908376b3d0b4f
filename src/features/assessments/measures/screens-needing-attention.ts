import { and, eq, inArray, isNotNull } from "drizzle-orm";
import type { Database } from "../../../platform/db/database.ts";
import type { KeyRing } from "../../../platform/security/field-encryption.ts";
import { clients } from "../../accounts/clients/client.schema.ts";
import type { Resource } from "../../accounts/policies/policy.ts";
import type { InstrumentDefinition } from "../instruments/instrument-definition.ts";
import { measureAssignments } from "./measure-assignment.schema.ts";
import { openMeasure } from "./measure-assignments.ts";
import { isSafetyScreen } from "./measure-wording.ts";
import { isPositiveScreen, scoreMeasure } from "./score-measure.ts";

/**
 * The clients of one therapist with an answered screen for harm that came out positive, so the
 * practice home can flag them (DOMAIN.md §4: a positive answer privately flags the therapist). Only
 * who: the answers stay in the client's record. Each row is decrypted only once `mayRead` allows it.
 */
export async function screensNeedingAttention(
  db: Database,
  ring: KeyRing,
  input: {
    therapistId: string;
    definitions: readonly InstrumentDefinition[];
    mayRead: (resource: Resource) => boolean;
  },
): Promise<string[]> {
  const screens = input.definitions.filter(isSafetyScreen);
  if (screens.length === 0) return [];
  const rows = await db
    .select({ measure: measureAssignments, therapistId: clients.therapistId, coupleId: clients.coupleId })
    .from(measureAssignments)
    .innerJoin(clients, eq(clients.id, measureAssignments.clientId))
    .where(
      and(
        eq(clients.therapistId, input.therapistId),
        inArray(
          measureAssignments.instrumentId,
          screens.map((d) => d.id),
        ),
        isNotNull(measureAssignments.answeredAt),
      ),
    );
  const flagged = new Set<string>();
  for (const row of rows) {
    const definition = screens.find((d) => d.id === row.measure.instrumentId);
    const resource: Resource = {
      type: "measure",
      clientId: row.measure.clientId,
      therapistId: row.therapistId,
      coupleId: row.coupleId,
      resultsShownToClient: row.measure.resultsShownToClient,
    };
    if (!definition || flagged.has(row.measure.clientId) || !input.mayRead(resource)) continue;
    if (isPositiveScreen(scoreMeasure(definition, openMeasure(ring, row.measure))))
      flagged.add(row.measure.clientId);
  }
  return [...flagged];
}
