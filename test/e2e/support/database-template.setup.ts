import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { openPglite } from "../../../src/platform/db/open-pglite.ts";

/**
 * One embedded database made and migrated per run of the browser tests; each test file's Haven starts on a
 * copy of it (haven-server.ts). A fresh PGlite data dir costs each file about three seconds of initdb and
 * migrations; a copy, a fraction of one. Only the migrated schema is shared: the demo practice, the key
 * check and everything else are written by each file's own first start, as on a new install.
 */
export default async function setup(project: TestProject) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "haven-e2e-template-"));
  const pgdata = path.join(dir, "pgdata");
  const handle = await openPglite({ dataDir: pgdata });
  try {
    await handle.migrate();
  } finally {
    await handle.close();
  }
  project.provide("e2eDatabaseTemplate", pgdata);
  return () => fs.rmSync(dir, { recursive: true, force: true });
}

declare module "vitest" {
  export interface ProvidedContext {
    e2eDatabaseTemplate: string;
  }
}
