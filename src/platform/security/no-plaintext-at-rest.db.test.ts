import { spawnSync } from "node:child_process";
import type { PGlite } from "@electric-sql/pglite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase, type TestDatabaseHandle } from "../../../test/support/test-database.ts";
import { testDatabaseLane } from "../../../test/support/test-database-lane.ts";
import { queueEmail } from "../mail/email-job.ts";
import { secretKeys } from "./secret-key.ts";

const sentence = "When I needed you at the hospital you stayed at work";
const ring = { current: secretKeys("d".repeat(64)) };

let handle: TestDatabaseHandle;
beforeAll(async () => {
  handle = await openTestDatabase();
});
afterAll(() => handle.close());

/** The whole database as bytes, the way a backup would hold it. */
async function dumpDatabase(): Promise<Buffer> {
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

describe("data at rest", () => {
  it("holds no plaintext of a message's words in a dump of the database", async () => {
    await queueEmail(handle.db, ring, {
      to: "client@example.org",
      subject: "A message",
      text: sentence,
      html: `<p>${sentence}</p>`,
    });
    const dump = await dumpDatabase();
    // The row itself is in the dump (its plain kind column), so the absences below mean something.
    expect(dump.includes("email.send")).toBe(true);
    expect(dump.includes(sentence)).toBe(false);
    expect(dump.includes("client@example.org")).toBe(false);
  });
});
