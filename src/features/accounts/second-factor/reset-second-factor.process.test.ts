import type { ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runHavenCli } from "../../../../test/support/run-haven-cli.ts";
import { auditLog } from "../../../platform/audit/audit.schema.ts";
import { openPglite } from "../../../platform/db/open-pglite.ts";
import { therapists } from "../therapist.schema.ts";

// Issue 14, item 6: an owner locked out of their own second step has nobody above them to reset it on
// the web, so `haven reset-second-factor <email>` does it on the server, with Haven stopped. Run here
// as the operator runs it: real processes on a real data dir.

const children: ChildProcess[] = [];
let dataDir = "";
const env = () => ({ HAVEN_DATA_DIR: dataDir });
const run = (args: string[], input = "") => runHavenCli(args, env(), input, (child) => children.push(child));

/** The data dir's database, opened between commands (no Haven process holds it then). */
async function withDatabase<T>(use: (db: Awaited<ReturnType<typeof openPglite>>["db"]) => Promise<T>) {
  const handle = await openPglite({ dataDir: path.join(dataDir, "pgdata") });
  try {
    return await use(handle.db);
  } finally {
    await handle.close();
  }
}

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "haven-reset-cli-"));
  const created = await run(
    ["create-therapist", "--email", "ann@example.org", "--name", "Ann"],
    "the kettle sings at dawn\n",
  );
  expect(created.code, created.output).toBe(0);
  // As if Ann had set up her authenticator app, then lost the phone.
  await withDatabase((db) =>
    db
      .update(therapists)
      .set({ totpSecretEncrypted: "sealed-secret", totpEnabledAt: new Date(), totpLastStep: 1 })
      .where(eq(therapists.email, "ann@example.org")),
  );
});

afterAll(() => {
  for (const child of children.splice(0)) child.kill("SIGTERM");
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe("haven reset-second-factor", { timeout: 240_000 }, () => {
  it("says how to use it when the address is missing, and changes nothing", async () => {
    const bare = await run(["reset-second-factor"]);
    expect(bare.code).toBe(2);
    expect(bare.output).toContain("Usage: haven reset-second-factor <email>");
  });

  it("names an address nobody signs in with, and changes nothing", async () => {
    const unknown = await run(["reset-second-factor", "nobody@example.org"]);
    expect(unknown.code).toBe(1);
    expect(unknown.output).toContain("No therapist signs in as nobody@example.org");
    const ann = await withDatabase(
      async (db) => (await db.select().from(therapists).where(eq(therapists.email, "ann@example.org")))[0],
    );
    expect(ann?.totpEnabledAt).not.toBeNull();
  });

  it("resets the owner's second step, so the next sign-in enrols again, and records it as the command line", async () => {
    const reset = await run(["reset-second-factor", "ann@example.org"]);
    expect(reset.code, reset.output).toBe(0);
    expect(reset.output).toContain("The second step for ann@example.org is reset");
    const { ann, audited } = await withDatabase(async (db) => ({
      ann: (await db.select().from(therapists).where(eq(therapists.email, "ann@example.org")))[0],
      audited: await db.select().from(auditLog).where(eq(auditLog.action, "therapist.second-factor-reset")),
    }));
    expect(ann).toMatchObject({ totpSecretEncrypted: null, totpEnabledAt: null, totpLastStep: null });
    expect(audited.map((entry) => [entry.actor, entry.subject])).toEqual([["cli", `therapist:${ann?.id}`]]);
  });
});
