import { eq } from "drizzle-orm";
import type { FastifyRequest } from "fastify";
import { z } from "zod";
import type { Database } from "../../platform/db/database.ts";
import { clients } from "../accounts/clients/client.schema.ts";
import { allow } from "../accounts/policies/policy.ts";
import { requestActor } from "../accounts/policies/request-actor.ts";
import { therapistOf } from "../accounts/signed-in-actor.ts";

const params = z.object({ id: z.uuid() });

export type ClientForTherapist = NonNullable<Awaited<ReturnType<typeof clientForTherapist>>>;

/**
 * The client named by `:id` when the signed-in therapist may see them; someone else's client, a
 * guessed id and a malformed one all look exactly like none (undefined, for a 404).
 */
export async function clientForTherapist(db: Database, request: FastifyRequest) {
  const parsed = params.safeParse(request.params);
  therapistOf(request); // a route here declared for anyone but a therapist is a mistake: a 500, not a page
  if (!parsed.success) return undefined;
  const [row] = await db.select().from(clients).where(eq(clients.id, parsed.data.id));
  const owned = row && { clientId: row.id, therapistId: row.therapistId, coupleId: row.coupleId };
  if (!row || !owned || !allow(requestActor(request), "read", { type: "client-account", ...owned }))
    return undefined;
  return { row, owned };
}
