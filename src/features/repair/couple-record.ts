import { eq } from "drizzle-orm";
import type { FastifyRequest } from "fastify";
import { z } from "zod";
import type { Database } from "../../platform/db/database.ts";
import type { KeyRing } from "../../platform/security/field-encryption.ts";
import { clients } from "../accounts/clients/client.schema.ts";
import { type Action, allow } from "../accounts/policies/policy.ts";
import { requestActor } from "../accounts/policies/request-actor.ts";
import { jointWorkIsOpen } from "../safety/joint-work.ts";
import { type Injury, injuryOfCouple } from "./injuries.ts";

const recordParams = z.object({ id: z.uuid() });
const injuryParams = z.object({ id: z.uuid(), injuryId: z.uuid() });

export type CoupleRecord = {
  recordId: string;
  coupleId: string;
  therapistId: string;
  jointWorkOpen: boolean;
};

/**
 * The couple behind a client's record (`/practice/clients/:id/...`), when this therapist may `action`
 * its injuries; another therapist's couple, a client seen alone or a made-up id are all undefined (404).
 */
export async function coupleRecordFor(
  db: Database,
  request: FastifyRequest,
  action: Action,
): Promise<CoupleRecord | undefined> {
  const parsed = recordParams.safeParse(request.params);
  if (!parsed.success) return undefined;
  const [row] = await db
    .select({ id: clients.id, coupleId: clients.coupleId, therapistId: clients.therapistId })
    .from(clients)
    .where(eq(clients.id, parsed.data.id));
  if (!row?.coupleId) return undefined;
  const jointWorkOpen = await jointWorkIsOpen(db, row.coupleId);
  const resource = {
    type: "injury" as const,
    therapistId: row.therapistId,
    coupleId: row.coupleId,
    jointWorkOpen,
  };
  if (!allow(requestActor(request), action, resource)) return undefined;
  return { recordId: row.id, coupleId: row.coupleId, therapistId: row.therapistId, jointWorkOpen };
}

/** The record and one of its couple's injuries (`/practice/clients/:id/injuries/:injuryId`), or undefined. */
export async function coupleInjuryFor(
  db: Database,
  keys: KeyRing,
  request: FastifyRequest,
  action: Action,
): Promise<{ record: CoupleRecord; injury: Injury } | undefined> {
  const parsed = injuryParams.safeParse(request.params);
  if (!parsed.success) return undefined;
  const record = await coupleRecordFor(db, request, action);
  const injury = record && (await injuryOfCouple(db, keys, record.coupleId, parsed.data.injuryId));
  return record && injury ? { record, injury } : undefined;
}
