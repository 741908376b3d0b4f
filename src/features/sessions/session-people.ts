import { and, eq, ne } from "drizzle-orm";
import type { Database } from "../../platform/db/database.ts";
import type { KeyRing } from "../../platform/security/field-encryption.ts";
import { clients } from "../accounts/clients/client.schema.ts";
import { openClientField } from "../accounts/clients/client-crypto.ts";

export type SessionFor = { clientId: string; coupleId: null } | { clientId: null; coupleId: string };
export type Person = { id: string; name: string; email: string };

/**
 * Who a session is with: the one client of a session alone (never their partner: DOMAIN.md §4), or both
 * partners of a joint session. Closed accounts are left out: their work has ended.
 */
export async function peopleOf(db: Database, ring: KeyRing, session: SessionFor): Promise<Person[]> {
  const rows = await db
    .select()
    .from(clients)
    .where(
      and(
        session.clientId !== null ? eq(clients.id, session.clientId) : eq(clients.coupleId, session.coupleId),
        ne(clients.status, "closed"),
      ),
    );
  return rows.map((row) => ({
    id: row.id,
    name: openClientField(ring, row.id, "name_encrypted", row.nameEncrypted),
    email: openClientField(ring, row.id, "email_encrypted", row.emailEncrypted),
  }));
}
