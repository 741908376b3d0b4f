import { spawnSync } from "node:child_process";
import type { PGlite } from "@electric-sql/pglite";
import type { TestDatabaseHandle } from "./test-database.ts";
import { testDatabaseLane } from "./test-database-lane.ts";

/** The whole database as bytes, the way a backup would hold it (PGlite's files, or pg_dump). */
export async function dumpDatabase(
  handle: Pick<TestDatabaseHandle, "client" | "connectionString">,
): Promise<Buffer> {
  if (testDatabaseLane() === "pglite") {
    await (handle.client as PGlite).query("checkpoint"); // write buffered pages into the files
    const tar = await (handle.client as PGlite).dumpDataDir("none");
    return Buffer.from(await tar.arrayBuffer());
  }
  const dump = spawnSync("pg_dump", ["--no-owner", handle.connectionString as string], {
    maxBuffer: 1 << 28,
  });
  if (dump.status !== 0) throw new Error(`pg_dump failed: ${dump.stderr.toString()}`);
  return dump.stdout;
}
