import { eq } from "drizzle-orm";
import type { ClientDataTable } from "../../platform/privacy/client-data.ts";
import { languageCoachSettings } from "./coach-setting.schema.ts";
import { coachTurnedOnAt } from "./coach-setting.ts";
import { coachMessages as m } from "./messages.ts";

/** The coach holds no words, only whether it is on: the client's export says so; erasure removes it. */
export const languageCoachClientData: ClientDataTable[] = [
  {
    table: "language_coach_settings",
    policy: "language-coach",
    title: m.exportTitle,
    async export(db, _ring, clientId) {
      const at = await coachTurnedOnAt(db, clientId);
      return at ? [{ languageCoachOn: true, turnedOnAt: at.toISOString() }] : [];
    },
    erasure: { goesNow: m.exportTitle },
    async erase(tx, clientId) {
      const gone = await tx
        .delete(languageCoachSettings)
        .where(eq(languageCoachSettings.clientId, clientId))
        .returning({ clientId: languageCoachSettings.clientId });
      return gone.length;
    },
  },
];
