import { randomUUID } from "node:crypto";
import { desc, eq } from "drizzle-orm";
import { type Database, sqlState } from "../../platform/db/database.ts";
import { decryptField, encryptField, type KeyRing } from "../../platform/security/field-encryption.ts";
import { storyVersions } from "./repair.schema.ts";

export type StoryVersion = { version: number; authorClientId: string | null; body: string; savedAt: Date };

/** The latest version first; an empty list before anyone has written. */
export type Story = { versions: StoryVersion[] };

export const storyLimit = 20_000;

const location = (id: string) => ({ table: "story_versions", column: "body_encrypted", id });

export async function storyOf(db: Database, ring: KeyRing, injuryId: string): Promise<Story> {
  const rows = await db
    .select()
    .from(storyVersions)
    .where(eq(storyVersions.injuryId, injuryId))
    .orderBy(desc(storyVersions.version));
  return { versions: rows.map((row) => versionOf(ring, row)) };
}

const versionOf = (ring: KeyRing, row: typeof storyVersions.$inferSelect): StoryVersion => ({
  version: row.version,
  authorClientId: row.authorClientId,
  body: decryptField(ring, row.bodyEncrypted, location(row.id)),
  savedAt: row.createdAt,
});

export const latestVersion = (story: Story): number => story.versions[0]?.version ?? 0;

/** Only the newest version (what a save compares with), not the whole history. */
async function newestVersion(
  db: Database,
  ring: KeyRing,
  injuryId: string,
): Promise<StoryVersion | undefined> {
  const [row] = await db
    .select()
    .from(storyVersions)
    .where(eq(storyVersions.injuryId, injuryId))
    .orderBy(desc(storyVersions.version))
    .limit(1);
  return row && versionOf(ring, row);
}

export type SaveStory =
  | { kind: "saved"; version: number }
  /** Someone saved since this person began: nothing was saved; their text goes back to them beside the latest. */
  | { kind: "stale"; latest: StoryVersion };

/**
 * Saves a new version based on `basedOn`. Versions are numbered 1, 2, 3…: the unique number is the
 * arbiter, so of two saves based on the same version exactly one lands and the other is told.
 */
export async function saveStory(
  db: Database,
  ring: KeyRing,
  input: { injuryId: string; authorClientId: string; basedOn: number; body: string },
): Promise<SaveStory> {
  const newest = await newestVersion(db, ring, input.injuryId);
  const current = newest?.version ?? 0;
  // With nothing saved yet there is nothing to lose, whatever the form says it was based on.
  if (newest && input.basedOn !== current) return { kind: "stale", latest: newest };
  const id = randomUUID();
  try {
    await db.insert(storyVersions).values({
      id,
      injuryId: input.injuryId,
      version: current + 1,
      authorClientId: input.authorClientId,
      bodyEncrypted: encryptField(ring, input.body, location(id)),
    });
  } catch (error) {
    if (sqlState(error) !== "23505") throw error;
    const latest = await newestVersion(db, ring, input.injuryId);
    if (latest) return { kind: "stale", latest };
    throw error;
  }
  return { kind: "saved", version: current + 1 };
}
