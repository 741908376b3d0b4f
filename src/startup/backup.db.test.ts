import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { childEnv } from "../../test/support/child-env.ts";
import { testDatabaseLane } from "../../test/support/test-database-lane.ts";
import { projectRoot } from "../config.ts";
import { therapists } from "../features/accounts/therapist.schema.ts";
import { writeSetting } from "../platform/db/app-settings.ts";
import { openPglite } from "../platform/db/open-pglite.ts";
import { keyCheckValue, loadOrCreateKeyFile, secretKeys } from "../platform/security/secret-key.ts";
import { backupEmbeddedDatabase, postgresBackupGuidance } from "./backup.ts";
import { restoreEmbeddedDatabase } from "./restore.ts";

const tsx = path.join(projectRoot, "node_modules", ".bin", "tsx");
const main = path.join(projectRoot, "src", "main.ts");
const dirs: string[] = [];
const children: ChildProcess[] = [];

function tempDir(prefix: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  dirs.push(dir);
  return dir;
}

function runCli(args: string[], dataDir: string): Promise<{ code: number | null; output: string }> {
  const child = spawn(tsx, [main, ...args], { env: childEnv({ HAVEN_DATA_DIR: dataDir }), stdio: "pipe" });
  children.push(child);
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  return new Promise((resolve) => child.on("exit", (code) => resolve({ code, output })));
}

async function therapistNames(pgdata: string): Promise<string[]> {
  const handle = await openPglite({ dataDir: pgdata });
  try {
    const rows = await handle.db.select({ name: therapists.displayName }).from(therapists);
    return rows.map((row) => row.name).sort();
  } finally {
    await handle.close();
  }
}

/** A process that is alive and is not this one: it stands in for a running Haven holding the lock. */
function holdLockAsAnotherProcess(dataDir: string): ChildProcess {
  const sleeper = spawn("sleep", ["60"], { stdio: "ignore" });
  children.push(sleeper);
  fs.writeFileSync(path.join(dataDir, "haven.lock"), `${sleeper.pid}\n`);
  return sleeper;
}

// Backups of the embedded database only: the PostgreSQL lane has nothing more to show here.
describe.skipIf(testDatabaseLane() !== "pglite")("backup and restore of the embedded database", () => {
  let source: string;
  let secret: string;
  let archive: string;

  beforeAll(async () => {
    source = tempDir("haven-backup-source-");
    // A real installation's data dir: a migrated database with rows, a key file and an outbox message.
    const handle = await openPglite({ dataDir: path.join(source, "pgdata") });
    await handle.migrate();
    await handle.db.insert(therapists).values([
      { displayName: "Ann Backup", timeZone: "Europe/London" },
      { displayName: "Ben Backup", timeZone: "Europe/London" },
    ]);
    secret = loadOrCreateKeyFile(source);
    await writeSetting(handle.db, "key_check", keyCheckValue(secretKeys(secret)));
    await handle.close();
    fs.mkdirSync(path.join(source, "outbox"));
    fs.writeFileSync(path.join(source, "outbox", "message.eml"), "Subject: private\n\nhello");

    archive = (await backupEmbeddedDatabase(source, { now: new Date("2026-11-22T04:17:00Z") })).file;
  });

  afterAll(() => {
    for (const child of children.splice(0)) child.kill("SIGTERM");
    for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
  });

  it("writes a private archive of the database files, without the key or the outbox", () => {
    expect(archive).toBe(path.join(source, "backups", "haven-20261122T041700Z.tar.gz"));
    expect(fs.statSync(archive).mode & 0o777).toBe(0o600);
    expect(fs.statSync(path.dirname(archive)).mode & 0o777).toBe(0o700);
    const entries = execFileSync("tar", ["-tzf", archive], {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "ignore"],
    }).split("\n");
    expect(entries.some((entry) => /(^|\/)PG_VERSION$/.test(entry))).toBe(true);
    expect(entries.some((entry) => /(^|\/)base\/\d+\/\d+$/.test(entry))).toBe(true);
    expect(entries.filter((entry) => /keys|secret\.key|outbox|haven\.lock|backups/.test(entry))).toEqual([]);
    const tarBytes = gunzipSync(fs.readFileSync(archive));
    expect(tarBytes.includes(Buffer.from(secret))).toBe(false);
    expect(tarBytes.includes(fs.readFileSync(path.join(source, "keys", "secret.key")))).toBe(false);
  });

  it("restores into a fresh data dir, with the rows, and leaves keys/ alone", async () => {
    const target = tempDir("haven-restore-fresh-");
    const result = await restoreEmbeddedDatabase(target, { from: archive });
    expect(result).toEqual({
      therapists: 2,
      movedAside: undefined,
      storedKeyCheck: keyCheckValue(secretKeys(secret)),
    });
    expect(await therapistNames(path.join(target, "pgdata"))).toEqual(["Ann Backup", "Ben Backup"]);
    expect(fs.statSync(path.join(target, "pgdata")).mode & 0o777).toBe(0o700);
    expect(fs.readdirSync(target).sort()).toEqual(["pgdata"]); // no keys/, no staging folder, no lock
  });

  it("refuses to overwrite a database without --replace; with it, keeps the old one aside", async () => {
    const target = tempDir("haven-restore-existing-");
    await restoreEmbeddedDatabase(target, { from: archive });
    const current = path.join(target, "pgdata");
    fs.writeFileSync(path.join(current, "marker"), "the database that was here");

    await expect(restoreEmbeddedDatabase(target, { from: archive })).rejects.toThrow(/--replace/);
    expect(fs.readFileSync(path.join(current, "marker"), "utf8")).toBe("the database that was here");

    const now = new Date("2026-11-23T09:00:00Z");
    const result = await restoreEmbeddedDatabase(target, { from: archive, replace: true, now });
    const aside = path.join(target, "pgdata.before-restore-20261123T090000Z");
    expect(result.movedAside).toBe(aside);
    expect(fs.readFileSync(path.join(aside, "marker"), "utf8")).toBe("the database that was here");
    expect(fs.existsSync(path.join(current, "marker"))).toBe(false);
    expect(await therapistNames(current)).toEqual(["Ann Backup", "Ben Backup"]);
  });

  it("changes nothing when the file is not a Haven backup", async () => {
    const target = tempDir("haven-restore-bad-");
    const bad = path.join(target, "not-a-backup.tar.gz");
    fs.writeFileSync(bad, "this is not a tarball");
    await expect(restoreEmbeddedDatabase(target, { from: bad })).rejects.toThrow(/Nothing was changed/);
    expect(fs.readdirSync(target)).toEqual(["not-a-backup.tar.gz"]);
  });

  it("refuses, saying to stop Haven first, while a running Haven holds the data dir", async () => {
    const busy = tempDir("haven-backup-busy-");
    fs.cpSync(path.join(source, "pgdata"), path.join(busy, "pgdata"), { recursive: true });
    const sleeper = holdLockAsAnotherProcess(busy);
    const out = path.join(busy, "elsewhere", "copy.tar.gz");
    await expect(backupEmbeddedDatabase(busy, { out })).rejects.toThrow(/Stop Haven first/);
    await expect(restoreEmbeddedDatabase(busy, { from: archive, replace: true })).rejects.toThrow(
      /Stop Haven first/,
    );
    expect(fs.existsSync(out)).toBe(false);
    expect(fs.readFileSync(path.join(busy, "haven.lock"), "utf8").trim()).toBe(String(sleeper.pid));
    expect(fs.readdirSync(busy).sort()).toEqual(["haven.lock", "pgdata"]);
  });

  it("works from the command line and says where the key is", { timeout: 180_000 }, async () => {
    const out = path.join(tempDir("haven-backup-cli-"), "copy.tar.gz");
    const backup = await runCli(["backup", "--out", out], source);
    expect(backup.code).toBe(0);
    expect(backup.output).toContain(`Backup written to ${out}`);
    expect(backup.output).toContain("NOT in the backup");
    expect(backup.output).toContain(path.join(source, "keys", "secret.key"));

    const target = tempDir("haven-restore-cli-");
    const restore = await runCli(["restore", "--from", out], target);
    expect(restore.code).toBe(0);
    expect(restore.output).toContain("holds 2 therapist account(s)");
    expect(restore.output).toContain("There is no key at"); // the new dir has none: it says to put it back
    expect(fs.existsSync(path.join(target, "keys"))).toBe(false);

    const unknown = await runCli(["backup", "--to", out], source);
    expect(unknown.code).toBe(1);
    expect(unknown.output).toContain("Usage: haven backup [--out FILE]");
    expect(unknown.output).not.toMatch(/\n\s+at /);
  });

  it("points PostgreSQL installations to pg_dump, without printing the password", () => {
    const guidance = postgresBackupGuidance(
      "postgres://haven:s3cret-pw@db.internal:5432/haven?sslmode=require",
      new Date("2026-11-22T04:17:00Z"),
    );
    expect(guidance).toContain(
      "pg_dump --format=custom --file=haven-20261122T041700Z.dump 'postgres://haven@db.internal:5432/haven?sslmode=require'",
    );
    expect(guidance).not.toContain("s3cret-pw");
  });
});
