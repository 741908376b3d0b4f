import { drizzle } from "drizzle-orm/node-postgres";
import { migrate } from "drizzle-orm/node-postgres/migrator";
import pg from "pg";
import { safeError } from "../web/safe-error.ts";
import type { Database, DatabaseHandle } from "./database.ts";
import { migrationLockId, migrationsFolder } from "./migrations-folder.ts";

/** Opens a pool on a PostgreSQL server (production, or the second test lane). */
export async function openPostgres(connectionString: string, poolSize = 10): Promise<DatabaseHandle> {
  const pool = new pg.Pool({ connectionString, max: poolSize });
  // An idle connection dropped by the server (a restart, a failover) must not crash the process;
  // the pool replaces it on the next query.
  pool.on("error", (error) =>
    console.error(JSON.stringify({ msg: "database connection lost", ...safeError(error) })),
  );
  // Fail now, with the server's own message, rather than on the first request.
  const probe = await pool.connect();
  probe.release();
  const db = drizzle({ client: pool }) as unknown as Database;
  return {
    db,
    kind: "postgres",
    async migrate() {
      // An advisory lock belongs to one connection, so the migration runs on that same connection:
      // two instances starting together then apply each migration exactly once.
      const client = await pool.connect();
      try {
        await client.query("select pg_advisory_lock($1)", [migrationLockId]);
        try {
          await migrate(drizzle({ client }), { migrationsFolder });
        } finally {
          await client.query("select pg_advisory_unlock($1)", [migrationLockId]);
        }
      } finally {
        client.release();
      }
    },
    async close() {
      await pool.end();
    },
  };
}
