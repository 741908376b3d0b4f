import { eq } from "drizzle-orm";
import type { ClientDataTable } from "../../platform/privacy/client-data.ts";
import { therapistNotifications } from "./notification.schema.ts";

/**
 * Notices to the therapist that something needs them are the practice's, not the client's words, and
 * are not in the self-serve export: which kinds exist would tell whoever holds the file whether a
 * screen was answered, and how (DOMAIN.md §4; the therapist releases safety flags after checking
 * identity). At erasure the link to the client goes at once, and the therapist's list then says
 * "a former client".
 */
export const notificationsClientData: ClientDataTable[] = [
  {
    table: "therapist_notifications",
    policy: "notification",
    title: "Notices to your therapist",
    export: null,
    erasure: { goesNow: "Which notices to your therapist were about you" },
    async erase(tx, clientId) {
      const rows = await tx
        .update(therapistNotifications)
        // The key names the client too ("crisis-words:<client>:<hour>"): it goes with the link.
        .set({ clientId: null, dedupeKey: null })
        .where(eq(therapistNotifications.clientId, clientId))
        .returning({ id: therapistNotifications.id });
      return rows.length;
    },
  },
];
