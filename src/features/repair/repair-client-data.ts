import { eq } from "drizzle-orm";
import type { ClientDataTable } from "../../platform/privacy/client-data.ts";
import { clients } from "../accounts/clients/client.schema.ts";
import { injuriesOfCouple } from "./injuries.ts";
import { ownSuggestions } from "./injury-suggestions.ts";
import { injurySuggestions, openedPieces, storyVersions } from "./repair.schema.ts";
import { storyOf } from "./story.ts";

/**
 * The repair space's client data. The story of an injury belongs to both partners (decision record
 * 044): each one's export holds all of it; erasure by one takes away their name from the versions they
 * saved, never the other partner's words.
 */
export const repairClientData: ClientDataTable[] = [
  {
    table: "injury_suggestions",
    policy: "injury-suggestion",
    title: "Injuries you suggested to your therapist",
    async export(db, ring, clientId) {
      return (await ownSuggestions(db, ring, clientId)).map((s) => ({
        suggestedAt: s.createdAt.toISOString(),
        text: s.text,
      }));
    },
    erasure: { goesNow: "The injuries you suggested to your therapist" },
    async erase(tx, clientId) {
      const gone = await tx
        .delete(injurySuggestions)
        .where(eq(injurySuggestions.clientId, clientId))
        .returning({ id: injurySuggestions.id });
      return gone.length;
    },
  },
  {
    table: "opened_pieces",
    policy: "opened-piece",
    title: "Reflections your therapist opened for you",
    async export(db, _ring, clientId) {
      const rows = await db.select().from(openedPieces).where(eq(openedPieces.clientId, clientId));
      return rows.map((row) => ({ piece: row.pieceId, openedAt: row.openedAt.toISOString() }));
    },
    erasure: { goesNow: "Which reflections were opened for you" },
    async erase(tx, clientId) {
      const gone = await tx
        .delete(openedPieces)
        .where(eq(openedPieces.clientId, clientId))
        .returning({ id: openedPieces.id });
      return gone.length;
    },
  },
  {
    table: "story_versions",
    policy: "story",
    title: "Your story together",
    async export(db, ring, clientId) {
      const [me] = await db
        .select({ coupleId: clients.coupleId })
        .from(clients)
        .where(eq(clients.id, clientId));
      if (!me?.coupleId) return [];
      const stories = [];
      for (const injury of await injuriesOfCouple(db, ring, me.coupleId)) {
        for (const version of (await storyOf(db, ring, injury.id)).versions)
          stories.push({
            injury: injury.name,
            version: version.version,
            savedAt: version.savedAt.toISOString(),
            savedBy: version.authorClientId === clientId ? "you" : "your partner",
            text: version.body,
          });
      }
      return stories;
    },
    erasure: {
      goesNow: "Your name on the versions of your story together that you saved",
      kept: "The words of your story together, which belong to your partner too",
    },
    async erase(tx, clientId) {
      const changed = await tx
        .update(storyVersions)
        .set({ authorClientId: null })
        .where(eq(storyVersions.authorClientId, clientId))
        .returning({ id: storyVersions.id });
      return changed.length;
    },
  },
];
