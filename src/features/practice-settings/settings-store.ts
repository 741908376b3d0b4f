import { and, eq, sql } from "drizzle-orm";
import type { Database } from "../../platform/db/database.ts";
import { PracticeSettingsError } from "./load-practice-settings.ts";
import { practiceSettings } from "./practice-settings.schema.ts";
import { type PracticeSettings, practiceSettingsSchema } from "./practice-settings.types.ts";

/** The settings as stored, with the version every save raises. */
export type StoredSettings = { settings: PracticeSettings; version: number };

function parseStored(raw: unknown, version: number): StoredSettings {
  const parsed = practiceSettingsSchema.safeParse(raw);
  if (!parsed.success) {
    throw new PracticeSettingsError(
      "the database (table practice_settings)",
      parsed.error.issues.map((issue) => `${issue.path.join(".") || "(top level)"}: ${issue.message}`),
    );
  }
  return { settings: parsed.data, version };
}

/**
 * The stored settings; on the very first start, the file's (or the demo's) are stored first. After
 * that the database wins: HAVEN_PRACTICE_FILE is only the first import (record 053).
 */
export async function importPracticeSettings(
  db: Database,
  fromFile: PracticeSettings,
): Promise<StoredSettings> {
  await db.insert(practiceSettings).values({ id: 1, settings: fromFile }).onConflictDoNothing();
  const stored = await readPracticeSettings(db);
  if (!stored) throw new Error("the practice settings row is missing just after it was stored");
  // Settings stored before the pages were (record 059) take the files' pages, and their consent
  // documents' texts, once; edits win after that.
  let upgraded = false;
  for (const part of ["pageTexts", "consentTexts"] as const) {
    const texts = fromFile[part];
    if (stored.settings[part] || !texts) continue;
    await db
      .update(practiceSettings)
      .set({
        settings: sql`${practiceSettings.settings} || jsonb_build_object(${part}::text, ${JSON.stringify(texts)}::jsonb)`,
        version: sql`${practiceSettings.version} + 1`,
      })
      .where(and(eq(practiceSettings.id, 1), sql`(${practiceSettings.settings} -> ${part}::text) is null`));
    upgraded = true;
  }
  if (upgraded) return (await readPracticeSettings(db)) ?? stored;
  return stored;
}

export async function readPracticeSettings(db: Database): Promise<StoredSettings | undefined> {
  const [row] = await db.select().from(practiceSettings).where(eq(practiceSettings.id, 1));
  return row ? parseStored(row.settings, row.version) : undefined;
}

/** Only the version: the cheap question each instance asks every few seconds. */
export async function storedSettingsVersion(db: Database): Promise<number | undefined> {
  const [row] = await db
    .select({ version: practiceSettings.version })
    .from(practiceSettings)
    .where(eq(practiceSettings.id, 1));
  return row?.version;
}

/** The row, locked for the rest of the transaction, so two saves cannot both start from one version. */
export async function lockPracticeSettings(tx: Database): Promise<StoredSettings> {
  const [row] = await tx.select().from(practiceSettings).where(eq(practiceSettings.id, 1)).for("update");
  if (!row) throw new Error("the practice settings row is missing");
  return parseStored(row.settings, row.version);
}

/** Writes settings already checked by the schema; the version goes up by one. */
export async function writePracticeSettings(tx: Database, settings: PracticeSettings): Promise<number> {
  const [row] = await tx
    .update(practiceSettings)
    .set({ settings, version: sql`${practiceSettings.version} + 1`, updatedAt: sql`now()` })
    .where(eq(practiceSettings.id, 1))
    .returning({ version: practiceSettings.version });
  if (!row) throw new Error("the practice settings row is missing");
  return row.version;
}
