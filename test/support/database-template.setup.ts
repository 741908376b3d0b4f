import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { openPglite } from "../../src/platform/db/open-pglite.ts";
import { openPostgres } from "../../src/platform/db/open-postgres.ts";
import {
  databaseUrlWithName,
  pgliteTemplateFile,
  postgresTemplateName,
  testDatabaseLane,
  testPostgresUrl,
} from "./test-database-lane.ts";

/**
 * Migrates one template per run; every test file then gets its own copy of it
 * (a fresh, migrated PGlite costs seconds; a copy costs a fraction of one).
 */
export default async function setup(project: TestProject) {
  const runId = `${process.pid}_${Date.now().toString(36)}`;
  project.provide("databaseRunId", runId);
  if (testDatabaseLane() === "pglite") {
    const handle = await openPglite({ memory: true });
    await handle.migrate();
    const dump = await handle.client.dumpDataDir("none");
    await handle.close();
    const file = pgliteTemplateFile(runId);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
    return () => fs.rmSync(file, { force: true });
  }
  const adminUrl = testPostgresUrl();
  const template = postgresTemplateName(runId);
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${template}`);
  const handle = await openPostgres(databaseUrlWithName(adminUrl, template), 1);
  await handle.migrate();
  await handle.close();
  return async () => {
    // Copies made by test files are dropped by the files themselves; the template goes last.
    await admin.query(`drop database if exists ${template} with (force)`);
    await admin.end();
  };
}

declare module "vitest" {
  export interface ProvidedContext {
    databaseRunId: string;
  }
}
