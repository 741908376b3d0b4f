import { PGlite } from "@electric-sql/pglite";
import { btree_gist } from "@electric-sql/pglite/contrib/btree_gist";
import { drizzle } from "drizzle-orm/pglite";
import { migrate } from "drizzle-orm/pglite/migrator";
import type { Database, DatabaseHandle } from "./database.ts";
import { migrationLockId, migrationsFolder } from "./migrations-folder.ts";

type PgliteSource = { dataDir: string } | { loadFrom: Blob } | { memory: true };

/** Opens the embedded database (a directory, a dumped template, or memory). */
export async function openPglite(source: PgliteSource): Promise<DatabaseHandle & { client: PGlite }> {
  const extensions = { btree_gist };
  const client =
    "dataDir" in source
      ? await PGlite.create(source.dataDir, { extensions })
      : "loadFrom" in source
        ? await PGlite.create({ extensions, loadDataDir: source.loadFrom })
        : await PGlite.create({ extensions });
  const db = drizzle({ client }) as unknown as Database;
  return {
    db,
    client,
    kind: "pglite",
    async migrate() {
      await client.query("select pg_advisory_lock($1)", [migrationLockId]);
      try {
        await migrate(drizzle({ client }), { migrationsFolder });
      } finally {
        await client.query("select pg_advisory_unlock($1)", [migrationLockId]);
      }
    },
    async close() {
      if (!client.closed) await client.close();
    },
  };
}
