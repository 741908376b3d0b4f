import { and, asc, eq, inArray, ne, type SQL } from "drizzle-orm";
import type { Database } from "../../../platform/db/database.ts";
import type { KeyRing } from "../../../platform/security/field-encryption.ts";
import { clients } from "./client.schema.ts";
import { openClientField } from "./client-crypto.ts";

export type ClientListing = {
  id: string;
  name: string;
  status: "invited" | "active" | "paused" | "closed";
  coupleId: string | null;
};

/** The therapist's own clients (never another therapist's), names decrypted for their eyes. */
export async function listClientsOf(
  db: Database,
  ring: KeyRing,
  therapistId: string,
): Promise<ClientListing[]> {
  return listingsWhere(db, ring, eq(clients.therapistId, therapistId));
}

/** Only what a list shows: the rest of the row (email, factors, consents) stays unread. */
async function listingsWhere(db: Database, ring: KeyRing, where: SQL | undefined): Promise<ClientListing[]> {
  const rows = await db
    .select({
      id: clients.id,
      nameEncrypted: clients.nameEncrypted,
      status: clients.status,
      coupleId: clients.coupleId,
    })
    .from(clients)
    .where(where)
    .orderBy(asc(clients.createdAt));
  return rows.map((row) => ({
    id: row.id,
    name: openClientField(ring, row.id, "name_encrypted", row.nameEncrypted),
    status: row.status,
    coupleId: row.coupleId,
  }));
}

/**
 * Only the named clients of this therapist, names decrypted: for a page that mentions a few of them (the
 * practice home) and must not open every name in the caseload to do so.
 */
export async function listClientsByIds(
  db: Database,
  ring: KeyRing,
  therapistId: string,
  ids: readonly string[],
): Promise<ClientListing[]> {
  if (ids.length === 0) return [];
  return listingsWhere(db, ring, and(eq(clients.therapistId, therapistId), inArray(clients.id, [...ids])));
}

export type CaseloadCount = { couples: number; individuals: number };

/** How many couples and people seen alone the therapist has open (not closed), without reading a name. */
export async function countCaseload(db: Database, therapistId: string): Promise<CaseloadCount> {
  const rows = await db
    .select({ id: clients.id, coupleId: clients.coupleId })
    .from(clients)
    .where(and(eq(clients.therapistId, therapistId), ne(clients.status, "closed")));
  const couples = new Set(rows.flatMap((row) => (row.coupleId ? [row.coupleId] : [])));
  return { couples: couples.size, individuals: rows.filter((row) => !row.coupleId).length };
}

/** Partners side by side: one entry per couple or individual, in the order they were invited. */
export function groupByCouple(listing: ClientListing[]): ClientListing[][] {
  const groups = new Map<string, ClientListing[]>();
  for (const client of listing) {
    const key = client.coupleId ?? client.id;
    groups.set(key, [...(groups.get(key) ?? []), client]);
  }
  return [...groups.values()];
}
