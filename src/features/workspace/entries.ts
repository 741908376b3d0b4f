import { randomUUID } from "node:crypto";
import { and, desc, eq, isNotNull, ne } from "drizzle-orm";
import type { Database } from "../../platform/db/database.ts";
import { decryptField, encryptField, type KeyRing } from "../../platform/security/field-encryption.ts";
import { clients } from "../accounts/clients/client.schema.ts";
import type { Resource } from "../accounts/policies/policy.ts";
import { workspaceEntries } from "./entry.schema.ts";
import { sealTrigger, type TriggerRecord, triggerText, unsealTrigger } from "./trigger-record.ts";

export type Sharing = "nobody" | "partner" | "therapist" | "both";
export type Entry = {
  id: string;
  clientId: string;
  /** What was written; for a moment in the trigger log, its fields as readable lines. */
  body: string;
  kind: "note" | "trigger";
  /** A moment in the trigger log, field by field (for its chart). */
  trigger?: TriggerRecord | undefined;
  sharing: Sharing;
  createdAt: Date;
  sharedWithPartnerAt: Date | null;
  sharedWithTherapistAt: Date | null;
  /** For an answer to a piece of material: the piece and the question it answers (no injury on the path). */
  answers?: { injuryId: string | null; pieceId: string; questionId: string } | undefined;
  /** The wording of that question, filled in from the pieces by the pages that show the answer. */
  question?: string | undefined;
  /** For a reply: the partner's shared note it answers. */
  replyTo?: string | null | undefined;
};

export const entryLocation = (id: string) => ({ table: "workspace_entries", column: "body_encrypted", id });

export function sharingOf(row: {
  sharedWithPartnerAt: Date | null;
  sharedWithTherapistAt: Date | null;
}): Sharing {
  if (row.sharedWithPartnerAt && row.sharedWithTherapistAt) return "both";
  if (row.sharedWithPartnerAt) return "partner";
  if (row.sharedWithTherapistAt) return "therapist";
  return "nobody";
}

/** Share timestamps for a choice, keeping the moment of a share that is already in place. */
function shareTimes(
  sharing: Sharing,
  now: Date,
  current?: { sharedWithPartnerAt: Date | null; sharedWithTherapistAt: Date | null },
) {
  const toPartner = sharing === "partner" || sharing === "both";
  const toTherapist = sharing === "therapist" || sharing === "both";
  return {
    sharedWithPartnerAt: toPartner ? (current?.sharedWithPartnerAt ?? now) : null,
    sharedWithTherapistAt: toTherapist ? (current?.sharedWithTherapistAt ?? now) : null,
  };
}

type Row = typeof workspaceEntries.$inferSelect;
export const openEntry = (ring: KeyRing, row: Row): Entry => {
  const plain = decryptField(ring, row.bodyEncrypted, entryLocation(row.id));
  const trigger = row.kind === "trigger" ? unsealTrigger(plain) : undefined;
  return { ...fields(row), body: trigger ? triggerText(trigger) : plain, kind: row.kind, trigger };
};

const fields = (row: Row) => ({
  id: row.id,
  clientId: row.clientId,
  sharing: sharingOf(row),
  createdAt: row.createdAt,
  sharedWithPartnerAt: row.sharedWithPartnerAt,
  sharedWithTherapistAt: row.sharedWithTherapistAt,
  answers:
    row.pieceId && row.questionId
      ? { injuryId: row.injuryId, pieceId: row.pieceId, questionId: row.questionId }
      : undefined,
  replyTo: row.replyToEntryId,
});

export async function writeEntry(
  db: Database,
  ring: KeyRing,
  input: { clientId: string; body: string; sharing: Sharing; replyTo?: string; trigger?: TriggerRecord },
  now = new Date(),
): Promise<string> {
  const id = randomUUID();
  await db.insert(workspaceEntries).values({
    id,
    clientId: input.clientId,
    replyToEntryId: input.replyTo ?? null,
    kind: input.trigger ? "trigger" : "note",
    bodyEncrypted: encryptField(
      ring,
      input.trigger ? sealTrigger(input.trigger) : input.body,
      entryLocation(id),
    ),
    ...shareTimes(input.sharing, now),
    createdAt: now,
    updatedAt: now,
  });
  return id;
}

export async function ownEntries(db: Database, ring: KeyRing, clientId: string): Promise<Entry[]> {
  const rows = await db
    .select()
    .from(workspaceEntries)
    .where(eq(workspaceEntries.clientId, clientId))
    .orderBy(desc(workspaceEntries.createdAt));
  return rows.map((row) => openEntry(ring, row));
}

/** What the partner chose to share with this client, newest share first. Nothing else about them. */
export async function entriesSharedByPartner(
  db: Database,
  ring: KeyRing,
  client: { id: string; coupleId: string | null },
): Promise<Entry[]> {
  if (!client.coupleId) return [];
  const rows = await db
    .select({ entry: workspaceEntries })
    .from(workspaceEntries)
    .innerJoin(clients, eq(clients.id, workspaceEntries.clientId))
    .where(
      and(
        eq(clients.coupleId, client.coupleId),
        ne(clients.id, client.id),
        isNotNull(workspaceEntries.sharedWithPartnerAt),
      ),
    )
    .orderBy(desc(workspaceEntries.sharedWithPartnerAt));
  return rows.map((row) => openEntry(ring, row.entry));
}

export async function entriesSharedWithTherapist(
  db: Database,
  ring: KeyRing,
  clientId: string,
): Promise<Entry[]> {
  const rows = await db
    .select()
    .from(workspaceEntries)
    .where(and(eq(workspaceEntries.clientId, clientId), isNotNull(workspaceEntries.sharedWithTherapistAt)))
    .orderBy(desc(workspaceEntries.sharedWithTherapistAt));
  return rows.map((row) => openEntry(ring, row));
}

/** An entry with what the policy needs to judge it; undefined when there is no such entry. */
export async function entryWithOwner(
  db: Database,
  ring: KeyRing,
  entryId: string,
): Promise<{ entry: Entry; resource: Resource } | undefined> {
  const [row] = await db
    .select({ entry: workspaceEntries, therapistId: clients.therapistId, coupleId: clients.coupleId })
    .from(workspaceEntries)
    .innerJoin(clients, eq(clients.id, workspaceEntries.clientId))
    .where(eq(workspaceEntries.id, entryId));
  if (!row) return undefined;
  const resource: Resource = {
    type: "entry",
    clientId: row.entry.clientId,
    therapistId: row.therapistId,
    coupleId: row.coupleId,
    sharedWith: {
      partner: row.entry.sharedWithPartnerAt !== null,
      therapist: row.entry.sharedWithTherapistAt !== null,
    },
  };
  return { entry: openEntry(ring, row.entry), resource };
}

export async function changeSharing(
  db: Database,
  entry: Entry,
  sharing: Sharing,
  now = new Date(),
): Promise<void> {
  await db
    .update(workspaceEntries)
    .set({ ...shareTimes(sharing, now, entry), updatedAt: now })
    .where(eq(workspaceEntries.id, entry.id));
}

export async function deleteEntry(db: Database, entryId: string): Promise<void> {
  await db.delete(workspaceEntries).where(eq(workspaceEntries.id, entryId));
}
