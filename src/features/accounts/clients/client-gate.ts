import { eq } from "drizzle-orm";
import type { FastifyRequest } from "fastify";
import type { Database } from "../../../platform/db/database.ts";
import { clients } from "./client.schema.ts";

/** `paused`: the therapist has paused the work; the client reads but writes nothing new (record 058). */
export type SignedInClient = { id: string; therapistId: string; coupleId: string | null; paused?: boolean };
export type ClientGate = { allowed: true; client: SignedInClient } | { allowed: false };

/** A signed-in client whose account is active or paused; a closed account's sessions stop working at once. */
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
  if (row?.status !== "active" && row?.status !== "paused") return { allowed: false };
  const client = { id: row.id, therapistId: row.therapistId, coupleId: row.coupleId };
  return { allowed: true, client: row.status === "paused" ? { ...client, paused: true } : client };
}
