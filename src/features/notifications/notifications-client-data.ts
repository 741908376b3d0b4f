import { and, eq, inArray } from "drizzle-orm";
import type { ClientDataTable } from "../../platform/privacy/client-data.ts";
import { therapistNotifications } from "./notification.schema.ts";

/**
 * Notices to the therapist that something needs them. The export lists the ordinary ones (a share, an
 * answered questionnaire); safety flags (crisis words, a positive screen) are never in the self-serve
 * export — the therapist releases them after checking identity (DOMAIN.md §4). At erasure the link to
 * the client goes at once, and the therapist's list then says "a former client".
 */
const exportedKinds = ["shared-with-therapist", "measure-answered"] as const;
const exportWords: Record<string, string> = {
  "shared-with-therapist": "You shared something with your therapist",
  "measure-answered": "You answered a questionnaire",
};

export const notificationsClientData: ClientDataTable[] = [
  {
    table: "therapist_notifications",
    policy: "notification",
    title: "Notices to your therapist",
    async export(db, _ring, clientId) {
      const rows = await db
        .select({ kind: therapistNotifications.kind, at: therapistNotifications.createdAt })
        .from(therapistNotifications)
        .where(
          and(
            eq(therapistNotifications.clientId, clientId),
            inArray(therapistNotifications.kind, [...exportedKinds]),
          ),
        )
        .orderBy(therapistNotifications.createdAt);
      return rows.map((row) => ({ notice: exportWords[row.kind] ?? row.kind, at: row.at.toISOString() }));
    },
    erasure: { goesNow: "Which notices to your therapist were about you" },
    async erase(tx, clientId) {
      const rows = await tx
        .update(therapistNotifications)
        .set({ clientId: null })
        .where(eq(therapistNotifications.clientId, clientId))
        .returning({ id: therapistNotifications.id });
      return rows.length;
    },
  },
];
