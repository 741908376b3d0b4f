import { eq } from "drizzle-orm";
import type { Database } from "../../platform/db/database.ts";
import { clients } from "../accounts/clients/client.schema.ts";
import type { Sharing } from "./entries.ts";

/**
 * A partner sharing something with the therapist alone for the first time sees the practice's policy
 * on secrets between partners again before it is shared (DOMAIN.md §4, consent before use).
 */
export async function needsSecretsReminder(
  db: Database,
  client: { id: string; coupleId: string | null },
  sharing: Sharing,
): Promise<boolean> {
  if (!client.coupleId || sharing !== "therapist") return false;
  const [row] = await db
    .select({ seen: clients.secretsPolicySeenAt })
    .from(clients)
    .where(eq(clients.id, client.id));
  return row !== undefined && row.seen === null;
}

export async function markSecretsPolicySeen(db: Database, clientId: string, now = new Date()): Promise<void> {
  await db.update(clients).set({ secretsPolicySeenAt: now }).where(eq(clients.id, clientId));
}
