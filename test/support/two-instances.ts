import { randomBytes } from "node:crypto";
import { openPostgres } from "../../src/platform/db/open-postgres.ts";
import { createTestApp, type TestApp } from "./test-app.ts";
import { testDatabaseLane } from "./test-database-lane.ts";

/**
 * Two instances of Haven behind one load balancer, on one database and one secret key, as a real
 * deployment runs them: on PostgreSQL each has its own pool; on PGlite (one process) they share the
 * engine. Closing `second` leaves the database to `first`.
 */
export async function createTwoInstances(): Promise<{
  first: TestApp;
  second: TestApp;
  close(): Promise<void>;
}> {
  const env = { HAVEN_SECRET_KEY: randomBytes(32).toString("hex") };
  const first = await createTestApp({ env });
  const second = await createTestApp({
    env,
    reach: async () =>
      testDatabaseLane() === "postgres"
        ? openPostgres(first.handle.connectionString as string, 5)
        : { ...first.handle, close: async () => {} },
  });
  return {
    first,
    second,
    async close() {
      await second.close();
      await first.close();
    },
  };
}
