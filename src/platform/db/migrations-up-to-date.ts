import fs from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import type { Database } from "./database.ts";
import { migrationsFolder } from "./migrations-folder.ts";
import { resultRows } from "./result-rows.ts";

/**
 * Whether every migration Haven ships is applied, from the journal alone and one query: what drizzle's
 * migrator decides too (it applies the migrations made after the last one recorded), without reading and
 * hashing every SQL file, taking the lock or, on PostgreSQL, opening a connection of its own. A start that
 * finds the database up to date skips the migrator (record 063); any doubt (no table yet, an error) says no,
 * and the migrator runs as before.
 */
export async function migrationsUpToDate(db: Database): Promise<boolean> {
  try {
    const journal = JSON.parse(
      fs.readFileSync(path.join(migrationsFolder, "meta", "_journal.json"), "utf8"),
    ) as { entries: { when: number }[] };
    const newest = Math.max(...journal.entries.map((entry) => entry.when));
    const [applied] = resultRows<{ count: number; newest: string | null }>(
      await db.execute(
        sql`select count(*)::int as count, max(created_at)::text as newest from drizzle.__drizzle_migrations`,
      ),
    );
    return applied?.count === journal.entries.length && applied.newest === String(newest);
  } catch {
    return false;
  }
}
