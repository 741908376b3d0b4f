import { eq } from "drizzle-orm";
import type { FastifyRequest } from "fastify";
import type { Database } from "../../../platform/db/database.ts";
import { clients } from "./client.schema.ts";

export type SignedInClient = { id: string; therapistId: string; coupleId: string | null };
export type ClientGate = { allowed: true; client: SignedInClient } | { allowed: false };

/** A signed-in client whose account is active; a closed account's sessions stop working at once. */
export async function clientGate(db: Database, request: FastifyRequest): Promise<ClientGate> {
  const account = request.account;
  if (account?.kind !== "client") return { allowed: false };
  const [row] = await db
    .select({
      id: clients.id,
      therapistId: clients.therapistId,
      coupleId: clients.coupleId,
      status: clients.status,
    })
    .from(clients)
    .where(eq(clients.id, account.id));
  if (row?.status !== "active") return { allowed: false };
  return { allowed: true, client: { id: row.id, therapistId: row.therapistId, coupleId: row.coupleId } };
}
