import { and, eq, isNotNull, isNull } from "drizzle-orm";
import type { ClientDataTable } from "../../platform/privacy/client-data.ts";
import { ownEntries } from "./entries.ts";
import { workspaceEntries } from "./entry.schema.ts";

/** The workspace's client data: what each client wrote, with whom they shared it. */
export const workspaceClientData: ClientDataTable[] = [
  {
    table: "workspace_entries",
    policy: "entry",
    title: "What you wrote",
    async export(db, ring, clientId) {
      return (await ownEntries(db, ring, clientId)).map((entry) => ({
        writtenAt: entry.createdAt.toISOString(),
        text: entry.body,
        sharedWith: entry.sharing,
      }));
    },
    erasure: {
      goesNow:
        "Everything you wrote and did not share with your therapist, and every share with your partner",
      kept: "What you shared with your therapist",
    },
    async erase(tx, clientId) {
      const deleted = await tx
        .delete(workspaceEntries)
        .where(and(eq(workspaceEntries.clientId, clientId), isNull(workspaceEntries.sharedWithTherapistAt)))
        .returning({ id: workspaceEntries.id });
      // Kept for the therapist's records, but no longer the partner's to read.
      const unshared = await tx
        .update(workspaceEntries)
        .set({ sharedWithPartnerAt: null })
        .where(and(eq(workspaceEntries.clientId, clientId), isNotNull(workspaceEntries.sharedWithPartnerAt)))
        .returning({ id: workspaceEntries.id });
      return deleted.length + unshared.length;
    },
  },
];
