import { randomBytes } from "node:crypto";
import fs from "node:fs";
import type { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { inject } from "vitest";
import type { DatabaseHandle } from "../../src/platform/db/database.ts";
import { openPglite } from "../../src/platform/db/open-pglite.ts";
import { openPostgres } from "../../src/platform/db/open-postgres.ts";
import {
  databaseUrlWithName,
  pgliteTemplateFile,
  postgresTemplateName,
  testDatabaseLane,
  testPostgresUrl,
} from "./test-database-lane.ts";

/** A migrated database of this file's own, copied from the run's template. close() drops it. */
export type TestDatabaseHandle = DatabaseHandle & {
  /** PGlite lane: the engine itself (for dumps). */
  client?: PGlite;
  /** PostgreSQL lane: where this file's database lives (for pg_dump). */
  connectionString?: string;
};

export async function openTestDatabase(): Promise<TestDatabaseHandle> {
  if (testDatabaseLane() === "pglite") {
    const blob = new Blob([fs.readFileSync(pgliteTemplateFile(inject("databaseRunId")))]);
    return openPglite({ loadFrom: blob });
  }
  const adminUrl = testPostgresUrl();
  const name = `haven_test_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`create database ${name} template ${postgresTemplateName(inject("databaseRunId"))}`);
  } finally {
    await admin.end();
  }
  const handle = await openPostgres(databaseUrlWithName(adminUrl, name), 5);
  return {
    ...handle,
    connectionString: databaseUrlWithName(adminUrl, name),
    async close() {
      await handle.close();
      const dropper = new pg.Client({ connectionString: adminUrl });
      await dropper.connect();
      await dropper.query(`drop database if exists ${name} with (force)`);
      await dropper.end();
    },
  };
}
