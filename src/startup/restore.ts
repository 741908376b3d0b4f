import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { btree_gist } from "@electric-sql/pglite/contrib/btree_gist";
import { type Config, loadConfig } from "../config.ts";
import { acquireDataDirLock } from "../platform/db/data-dir-lock.ts";
import { keyCheckMatches, loadOrCreateKeyFile, secretKeys } from "../platform/security/secret-key.ts";
import { fileTimestamp, holdsDatabase, parseCommandArgs, shellQuote, urlWithoutPassword } from "./backup.ts";

export type RestoreResult = {
  therapists: number;
  /** Where the database that was replaced now lives (only with replace). */
  movedAside: string | undefined;
  /** The restored database's key-check value, to compare with the key this installation has. */
  storedKeyCheck: string | undefined;
};

const usage = "haven restore --from FILE [--replace]";

/** Loads the archive into a new folder and proves it is a Haven database that opens. */
async function loadAndCheck(folder: string, archive: Blob): Promise<Omit<RestoreResult, "movedAside">> {
  const client = await PGlite.create(folder, { extensions: { btree_gist }, loadDataDir: archive });
  try {
    const counted = await client.query<{ n: number }>("select count(*)::int as n from therapists");
    const setting = await client.query<{ value: unknown }>(
      "select value from app_settings where key = 'key_check'",
    );
    const stored = setting.rows[0]?.value;
    return {
      therapists: counted.rows[0]?.n ?? 0,
      storedKeyCheck: typeof stored === "string" ? stored : undefined,
    };
  } finally {
    await client.close();
  }
}

/**
 * Puts a backup made by `backup` in place as <data dir>/pgdata. It is loaded and checked in a folder of
 * its own first, so a bad file changes nothing; an existing database is moved aside, never deleted.
 * keys/ is not touched: the key belongs to the installation, not to the backup.
 */
export async function restoreEmbeddedDatabase(
  dataDir: string,
  options: { from: string; replace?: boolean; now?: Date },
): Promise<RestoreResult> {
  const from = path.resolve(options.from);
  if (!fs.existsSync(from) || !fs.statSync(from).isFile())
    throw new Error(`There is no backup file at ${from}.`);
  const pgdata = path.join(dataDir, "pgdata");
  const stamp = fileTimestamp(options.now ?? new Date());
  const lock = acquireDataDirLock(dataDir);
  try {
    if (holdsDatabase(pgdata) && !options.replace) {
      throw new Error(
        `${pgdata} already holds a database, so nothing was changed. To replace it, run the command again with --replace: the current database will be moved aside to pgdata.before-restore-${stamp}, not deleted.`,
      );
    }
    const staging = path.join(dataDir, `pgdata.restoring-${stamp}`);
    let checked: Omit<RestoreResult, "movedAside">;
    try {
      checked = await loadAndCheck(staging, new Blob([fs.readFileSync(from)]));
    } catch (error) {
      fs.rmSync(staging, { recursive: true, force: true });
      const reason = error instanceof Error ? error.message : String(error);
      throw new Error(
        `${from} could not be restored: it does not open as a Haven database (${reason}). Nothing was changed.`,
      );
    }
    let movedAside: string | undefined;
    if (holdsDatabase(pgdata)) {
      movedAside = path.join(dataDir, `pgdata.before-restore-${stamp}`);
      fs.renameSync(pgdata, movedAside);
    } else {
      fs.rmSync(pgdata, { recursive: true, force: true }); // an empty folder, or nothing
    }
    fs.renameSync(staging, pgdata);
    // Only the owner may enter: the archive's file modes are PGlite's own, and they are not private.
    fs.chmodSync(pgdata, 0o700);
    return { ...checked, movedAside };
  } finally {
    lock.release();
  }
}

/** Compares the restored key-check value with the key this installation would start with, without making one. */
function keyAdvice(config: Config, stored: string | undefined): string {
  const keyFile = path.join(config.dataDir, "keys", "secret.key");
  const startupNote =
    "At start-up Haven checks its secret key against the restored database (the key-check value) and stops if they do not match.";
  if (stored === undefined) return startupNote;
  const secret =
    config.secretKey ?? (fs.existsSync(keyFile) ? loadOrCreateKeyFile(config.dataDir) : undefined);
  if (secret === undefined) {
    return `${startupNote}\nThere is no key at ${keyFile} yet: put the key file that belonged to this database there (mode 0600), or set HAVEN_SECRET_KEY, before starting Haven. A new key cannot read the restored data.`;
  }
  const candidates = [secret, config.previousSecretKey].filter((key): key is string => key !== undefined);
  if (candidates.some((key) => keyCheckMatches(secretKeys(key), stored))) {
    return `${startupNote}\nThe key this installation has matches the restored database.`;
  }
  const which = config.secretKey ? "HAVEN_SECRET_KEY" : `the key in ${keyFile}`;
  return `${startupNote}\n${which} does NOT match the restored database: Haven will not start until the key that belonged to this database is back in place.`;
}

export async function restoreCommand(args: string[]): Promise<void> {
  const values = parseCommandArgs(args, { from: { type: "string" }, replace: { type: "boolean" } }, usage);
  const config = loadConfig();
  if (config.databaseUrl) {
    console.log(
      [
        "Haven is using PostgreSQL (DATABASE_URL): restore a pg_dump backup with PostgreSQL's pg_restore, for example",
        "",
        `  pg_restore --no-owner --dbname=${shellQuote(urlWithoutPassword(config.databaseUrl))} haven-….dump`,
        "",
        "into an empty database, with Haven stopped. This command exits with status 2 because Haven restored nothing.",
      ].join("\n"),
    );
    process.exitCode = 2;
    return;
  }
  if (typeof values.from !== "string") throw new Error(`Say which backup to restore.\nUsage: ${usage}`);
  console.log("Restoring the embedded database…");
  const result = await restoreEmbeddedDatabase(config.dataDir, {
    from: values.from,
    replace: values.replace === true,
  });
  console.log(
    `Restored into ${path.join(config.dataDir, "pgdata")}: the database opens and holds ${result.therapists} therapist account(s).`,
  );
  if (result.movedAside) console.log(`The database it replaced is kept at ${result.movedAside}.`);
  console.log(keyAdvice(config, result.storedKeyCheck));
}
