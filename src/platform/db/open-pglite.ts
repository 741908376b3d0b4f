import { PGlite } from "@electric-sql/pglite";
import { btree_gist } from "@electric-sql/pglite/contrib/btree_gist";
import { drizzle } from "drizzle-orm/pglite";
import { migrate } from "drizzle-orm/pglite/migrator";
import type { Database, DatabaseHandle } from "./database.ts";
import { migrationLockId, migrationsFolder } from "./migrations-folder.ts";
import { holdDrizzleParsers } from "./pglite-text-parsers.ts";

type PgliteSource = { dataDir: string } | { loadFrom: Blob } | { memory: true };

/**
 * PostgreSQL's shared buffers live in PGlite's WebAssembly memory, and the default 128 MB were most of an
 * idle Haven's memory. A practice's database is small and its files stay in the system's page cache, so
 * 16 MB serve it as well (record 063). PGlite's own start parameters are kept; this one is added.
 */
export const pgliteSharedBuffers = "16MB";
const startParams = [...PGlite.defaultStartParams, "-c", `shared_buffers=${pgliteSharedBuffers}`];

/** Opens the embedded database (a directory, a dumped template, or memory). */
export async function openPglite(source: PgliteSource): Promise<DatabaseHandle & { client: PGlite }> {
  const options = { extensions: { btree_gist }, startParams };
  const client =
    "dataDir" in source
      ? await PGlite.create(source.dataDir, options)
      : "loadFrom" in source
        ? await PGlite.create({ ...options, loadDataDir: source.loadFrom })
        : await PGlite.create(options);
  // drizzle's own parsers held by the client once, not copied in at every query (record 074).
  holdDrizzleParsers(client);
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
