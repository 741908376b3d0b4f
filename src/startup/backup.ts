import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { type Config, loadConfig } from "../config.ts";
import { acquireDataDirLock } from "../platform/db/data-dir-lock.ts";
import { openPglite } from "../platform/db/open-pglite.ts";

export type BackupResult = { file: string; bytes: number };

/** A UTC time safe in file names on every system (no colons): 20261122T041700Z. */
export function fileTimestamp(now: Date): string {
  return now
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d+Z$/, "Z");
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** True when the folder exists and holds anything (PGlite makes a new database in a missing or empty one). */
export function holdsDatabase(pgdata: string): boolean {
  return fs.existsSync(pgdata) && fs.readdirSync(pgdata).length > 0;
}

/** Options parsed strictly, with a message for a person instead of Node's error object. */
export function parseCommandArgs(
  args: string[],
  options: Record<string, { type: "string" | "boolean" }>,
  usage: string,
): Record<string, string | boolean | undefined> {
  try {
    return parseArgs({ args, options, strict: true, allowPositionals: false }).values as Record<
      string,
      string | boolean | undefined
    >;
  } catch (error) {
    throw new Error(`${(error as Error).message}\nUsage: ${usage}`);
  }
}

/** Where the key lives, in plain words: the backup never holds it, so the reader must keep it elsewhere. */
export function keyReminder(config: Config): string {
  const keyFile = path.join(config.dataDir, "keys", "secret.key");
  const where = config.secretKey
    ? "This installation uses the key in HAVEN_SECRET_KEY"
    : fs.existsSync(keyFile)
      ? `This installation's key is the file ${keyFile}`
      : `This installation has no key file yet; Haven creates ${keyFile} when it first starts`;
  const previous =
    config.secretKey && config.previousSecretKey
      ? " (and HAVEN_SECRET_KEY_PREVIOUS, until reencrypt has run)"
      : "";
  return [
    "The secret key is NOT in the backup, on purpose: a stolen backup then reveals nothing.",
    `${where}${previous}. Keep a copy of it somewhere safe and separate from the backups:`,
    "without it, the encrypted fields (names, email addresses, notes) in a restored database cannot be read.",
  ].join("\n");
}

/** A connection URL fit to print: no password in the user part or in the query. */
export function urlWithoutPassword(databaseUrl: string): string {
  const url = new URL(databaseUrl);
  url.password = "";
  url.searchParams.delete("password");
  return url.toString();
}

export const shellQuote = (text: string) => `'${text.replaceAll("'", `'\\''`)}'`;

/** PostgreSQL has its own consistent, online backup tool; Haven points to it rather than imitating it. */
export function postgresBackupGuidance(databaseUrl: string, now = new Date()): string {
  const url = shellQuote(urlWithoutPassword(databaseUrl));
  const file = `haven-${fileTimestamp(now)}.dump`;
  return [
    "Haven is using PostgreSQL (DATABASE_URL), so it does not write the backup itself: PostgreSQL's own",
    "pg_dump takes a consistent copy while Haven keeps running. For example:",
    "",
    `  pg_dump --format=custom --file=${file} ${url}`,
    "",
    "Give the password through PGPASSWORD or ~/.pgpass rather than on the command line. To restore into an",
    `empty database: pg_restore --no-owner --dbname=${url} ${file}`,
    "",
    "This command exits with status 2 because no backup was written by Haven.",
  ].join("\n");
}

/**
 * Writes the embedded database (the pgdata folder only: never keys/, the outbox or anything else in the
 * data dir) as a gzipped tarball. Holds the data-dir lock, so it refuses while Haven is running.
 */
export async function backupEmbeddedDatabase(
  dataDir: string,
  options: { out?: string; now?: Date } = {},
): Promise<BackupResult> {
  const pgdata = path.join(dataDir, "pgdata");
  // Checked before the lock, which would create the data dir: a mistyped HAVEN_DATA_DIR should say so.
  if (!holdsDatabase(pgdata)) {
    throw new Error(`There is no embedded database in ${dataDir} to back up. Check HAVEN_DATA_DIR.`);
  }
  const now = options.now ?? new Date();
  const file = path.resolve(
    options.out ?? path.join(dataDir, "backups", `haven-${fileTimestamp(now)}.tar.gz`),
  );
  if (fs.existsSync(file)) {
    throw new Error(`${file} already exists. Choose another name with --out; nothing was written.`);
  }
  const lock = acquireDataDirLock(dataDir);
  let archive: Buffer;
  try {
    const handle = await openPglite({ dataDir: pgdata });
    try {
      // A checkpoint first, so the copy needs no recovery when it is opened again.
      await handle.client.exec("checkpoint");
      archive = Buffer.from(await (await handle.client.dumpDataDir("gzip")).arrayBuffer());
    } finally {
      await handle.close();
    }
  } finally {
    lock.release();
  }
  // Written beside its final name, synced, then renamed: a crash never leaves a half backup that looks whole.
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const partial = `${file}.partial-${randomBytes(4).toString("hex")}`;
  const fd = fs.openSync(partial, "wx", 0o600);
  try {
    fs.writeSync(fd, archive);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(partial, file);
  return { file, bytes: archive.length };
}

export async function backupCommand(args: string[]): Promise<void> {
  const values = parseCommandArgs(args, { out: { type: "string" } }, "haven backup [--out FILE]");
  const config = loadConfig();
  if (config.databaseUrl) {
    console.log(postgresBackupGuidance(config.databaseUrl));
    console.log(`\n${keyReminder(config)}`);
    process.exitCode = 2;
    return;
  }
  console.log("Backing up the embedded database…");
  const { file, bytes } = await backupEmbeddedDatabase(config.dataDir, {
    out: typeof values.out === "string" ? values.out : undefined,
  });
  console.log(`Backup written to ${file} (${formatBytes(bytes)}). Copy it somewhere off this machine.`);
  console.log(`\n${keyReminder(config)}`);
}
