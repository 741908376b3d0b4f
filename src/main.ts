import { ConfigError, loadConfig } from "./config.ts";
import { reencryptAll } from "./platform/security/reencrypt-all.ts";
import { loadOrCreateKeyFile, secretKeys } from "./platform/security/secret-key.ts";
import { verifySecretKey } from "./platform/security/verify-secret-key.ts";
import { openConfiguredDatabase, startServer } from "./startup/start-server.ts";

const usage = `Usage: haven <command>

Commands:
  start     serve Haven (the default)
  migrate   apply database migrations and exit
  reencrypt finish a key rotation: rewrite encrypted values under HAVEN_SECRET_KEY
            (with the old key as HAVEN_SECRET_KEY_PREVIOUS); stop Haven first`;

async function start(): Promise<void> {
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
  const config = loadConfig();
  const { handle, lock } = await openConfiguredDatabase(config);
  try {
    await handle.migrate();
    const current = secretKeys(config.secretKey ?? loadOrCreateKeyFile(config.dataDir));
    const previous = config.previousSecretKey ? secretKeys(config.previousSecretKey) : undefined;
    await verifySecretKey(handle.db, current, previous);
    for (const { table, column, rewritten } of await reencryptAll(handle.db, { current, previous })) {
      console.log(`${table}.${column}: ${rewritten} value(s) rewritten under the current key`);
    }
    console.log("Done. HAVEN_SECRET_KEY_PREVIOUS is no longer needed.");
  } finally {
    await handle.close();
    lock?.release();
  }
}

async function main(command = "start"): Promise<void> {
  if (command === "start") return start();
  if (command === "migrate") return migrate();
  if (command === "reencrypt") return reencrypt();
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
