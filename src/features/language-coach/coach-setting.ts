import { eq } from "drizzle-orm";
import { recordAudit } from "../../platform/audit/record-audit.ts";
import type { Database } from "../../platform/db/database.ts";
import { languageCoachSettings } from "./coach-setting.schema.ts";

/** Whether the therapist has turned the coach on for this client (off until they do). */
export async function coachIsOn(db: Database, clientId: string): Promise<boolean> {
  const [row] = await db
    .select({ clientId: languageCoachSettings.clientId })
    .from(languageCoachSettings)
    .where(eq(languageCoachSettings.clientId, clientId));
  return row !== undefined;
}

/** When the coach was turned on for this client, if it is on. */
export async function coachTurnedOnAt(db: Database, clientId: string): Promise<Date | undefined> {
  const [row] = await db
    .select({ at: languageCoachSettings.turnedOnAt })
    .from(languageCoachSettings)
    .where(eq(languageCoachSettings.clientId, clientId));
  return row?.at;
}

/** The therapist turns the coach on or off for one client; the change and its audit entry go together. */
export async function setCoach(
  db: Database,
  change: { therapistId: string; clientId: string; on: boolean },
): Promise<void> {
  await db.transaction(async (tx) => {
    if (change.on)
      await tx
        .insert(languageCoachSettings)
        .values({ clientId: change.clientId, therapistId: change.therapistId })
        .onConflictDoNothing();
    else await tx.delete(languageCoachSettings).where(eq(languageCoachSettings.clientId, change.clientId));
    await recordAudit(tx, {
      actor: `therapist:${change.therapistId}`,
      action: change.on ? "client.language-coach-on" : "client.language-coach-off",
      subject: `client:${change.clientId}`,
    });
  });
}
