import { and, eq, isNull, lt } from "drizzle-orm";
import type { Database } from "../../../platform/db/database.ts";
import type { KeyRing } from "../../../platform/security/field-encryption.ts";
import { clients } from "./client.schema.ts";
import { openClientField } from "./client-crypto.ts";

export const staleInvitationDays = 7;

export type StaleInvitation = { clientId: string; name: string; invitedAt: Date };

/**
 * The therapist's clients invited more than seven days ago who have not accepted: the link has lapsed,
 * so the therapist may want to invite them again or let it go.
 */
export async function staleInvitations(
  db: Database,
  ring: KeyRing,
  therapistId: string,
  now = new Date(),
): Promise<StaleInvitation[]> {
  const before = new Date(now.getTime() - staleInvitationDays * 24 * 60 * 60 * 1000);
  const rows = await db
    .select({ id: clients.id, nameEncrypted: clients.nameEncrypted, createdAt: clients.createdAt })
    .from(clients)
    .where(
      and(
        eq(clients.therapistId, therapistId),
        eq(clients.status, "invited"),
        isNull(clients.erasureRequestedAt),
        lt(clients.createdAt, before),
      ),
    )
    .orderBy(clients.createdAt);
  return rows.map((row) => ({
    clientId: row.id,
    name: openClientField(ring, row.id, "name_encrypted", row.nameEncrypted),
    invitedAt: row.createdAt,
  }));
}
