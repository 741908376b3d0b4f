import { parseArgs } from "node:util";
import { ConfigError, loadConfig } from "./config.ts";

// Each command loads only the modules it uses, so `start` does not load (nor transpile) the other
// commands' code, and a command does not load the server's (record 063).

const usage = `Usage: haven <command>

Commands:
  start     serve Haven (the default)
  migrate   apply database migrations and exit
  create-therapist --email EMAIL --name "NAME"
            add a therapist (the first owns the practice); the password is read from standard input
  reencrypt finish a key rotation: rewrite encrypted values under HAVEN_SECRET_KEY
            (with the old key as HAVEN_SECRET_KEY_PREVIOUS); stop Haven first
  backup [--out FILE]
            copy the embedded database to a .tar.gz (the secret key is not in it); stop Haven first
  restore --from FILE [--replace]
            put a backup in place of the embedded database (--replace keeps the old one aside); stop Haven first
  reset-second-factor EMAIL
            for a therapist (the owner) who lost their phone and recovery codes: they set up a new
            second step at their next sign-in; audited; stop Haven first
  check-pack FILE
            check an instrument pack (the practice's licensed wording for published measures)`;

// Everything Haven writes (database files, outbox, backups, keys) is for this user alone.
process.umask(0o077);

async function start(): Promise<void> {
  const { startServer } = await import("./startup/start-server.ts");
  const running = await startServer(loadConfig());
  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    running.app.log.info({ signal }, "Haven is stopping");
    // Closing PGlite cleanly matters: it does not fsync, so a clean close is what makes writes durable.
    running.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on("SIGINT", () => shutdown("SIGINT"));
  process.on("SIGTERM", () => shutdown("SIGTERM"));
}

async function migrate(): Promise<void> {
  const { openConfiguredDatabase } = await import("./startup/start-server.ts");
  const { handle, lock } = await openConfiguredDatabase(loadConfig());
  try {
    await handle.migrate();
    console.log(`Migrations applied (${handle.kind}).`);
  } finally {
    await handle.close();
    lock?.release();
  }
}

async function reencrypt(): Promise<void> {
  const { openConfiguredDatabase } = await import("./startup/start-server.ts");
  const { encryptedColumns, lookupColumns } = await import("./encrypted-columns.ts");
  const { reencryptAll } = await import("./platform/security/reencrypt-all.ts");
  const { resolveSecretKey, secretKeys } = await import("./platform/security/secret-key.ts");
  const { verifySecretKey } = await import("./platform/security/verify-secret-key.ts");
  const config = loadConfig();
  const { handle, lock } = await openConfiguredDatabase(config);
  try {
    await handle.migrate();
    const { secret, source } = resolveSecretKey(config.secretKey, config.dataDir);
    const current = secretKeys(secret);
    const previous = config.previousSecretKey ? secretKeys(config.previousSecretKey) : undefined;
    await verifySecretKey(handle.db, current, previous, source);
    const report = await reencryptAll(handle.db, { current, previous }, { encryptedColumns, lookupColumns });
    for (const { table, column, rewritten } of report) {
      console.log(`${table}.${column}: ${rewritten} value(s) rewritten under the current key`);
    }
    console.log("Done. HAVEN_SECRET_KEY_PREVIOUS is no longer needed.");
  } finally {
    await handle.close();
    lock?.release();
  }
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8").split(/\r?\n/)[0] ?? "";
}

async function createTherapistCommand(args: string[]): Promise<void> {
  const { values } = parseArgs({ args, options: { email: { type: "string" }, name: { type: "string" } } });
  const { openConfiguredDatabase } = await import("./startup/start-server.ts");
  const { loadStartupFiles } = await import("./startup/load-startup-files.ts");
  const { createTherapist } = await import("./features/accounts/create-therapist.ts");
  const config = loadConfig();
  const files = loadStartupFiles(config);
  // Refuses with "Stop Haven first" while the server holds the embedded database.
  const { handle, lock } = await openConfiguredDatabase(config);
  try {
    await handle.migrate();
    if (process.stdin.isTTY) process.stderr.write("Password (at least 12 characters), then Enter: ");
    const result = await createTherapist(
      handle.db,
      { displayName: values.name ?? "", email: values.email ?? "", password: await readStdin() },
      { actor: "cli", timeZone: files.practice.timeZone },
    );
    if (!result.ok) {
      for (const [field, message] of Object.entries(result.errors)) console.error(`${field}: ${message}`);
      process.exitCode = 1;
      return;
    }
    console.log(
      `Therapist account created${result.isOwner ? " (owner of the practice)" : ""}. Sign in at /sign-in.`,
    );
  } finally {
    await handle.close();
    lock?.release();
  }
}

async function resetSecondFactorCli(args: string[]): Promise<void> {
  const { openConfiguredDatabase } = await import("./startup/start-server.ts");
  const { resetSecondFactorCommand } = await import(
    "./features/accounts/second-factor/reset-second-factor-command.ts"
  );
  // Refuses with "Stop Haven first" while the server holds the embedded database.
  const { handle, lock } = await openConfiguredDatabase(loadConfig());
  try {
    await handle.migrate();
    const result = await resetSecondFactorCommand(handle.db, args);
    (result.code === 0 ? console.log : console.error)(result.message);
    process.exitCode = result.code;
  } finally {
    await handle.close();
    lock?.release();
  }
}

async function main(command = "start"): Promise<void> {
  if (command === "start") return start();
  if (command === "migrate") return migrate();
  if (command === "reencrypt") return reencrypt();
  if (command === "create-therapist") return createTherapistCommand(process.argv.slice(3));
  if (command === "backup") return (await import("./startup/backup.ts")).backupCommand(process.argv.slice(3));
  if (command === "restore")
    return (await import("./startup/restore.ts")).restoreCommand(process.argv.slice(3));
  if (command === "reset-second-factor") return resetSecondFactorCli(process.argv.slice(3));
  if (command === "check-pack") {
    const { checkPackCommand } = await import("./features/assessments/instruments/check-pack-command.ts");
    return checkPackCommand(process.argv.slice(3));
  }
  console.error(usage);
  process.exitCode = 2;
}

main(process.argv[2]).catch((error: unknown) => {
  // Configuration and file errors are written for a person: print the message alone.
  const known =
    error instanceof ConfigError || (error instanceof Error && !(error as { code?: unknown }).code);
  console.error(known ? (error as Error).message : error);
  process.exit(1);
});
