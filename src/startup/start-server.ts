import fs from "node:fs";
import path from "node:path";
import type { FastifyInstance } from "fastify";
import type { Logger } from "pino";
import type { Config } from "../config.ts";
import { issueSetupLink } from "../features/accounts/setup-link.ts";
import { acquireDataDirLock, type DataDirLock } from "../platform/db/data-dir-lock.ts";
import type { DatabaseHandle } from "../platform/db/database.ts";
import { safeError } from "../platform/web/safe-error.ts";
import { limitHeapGrowth } from "./heap-growth.ts";
import { loadStartupFiles } from "./load-startup-files.ts";
import { createLogger } from "./log-lines.ts";
import { prepareApp } from "./prepare-app.ts";
import { releaseStartupGarbage } from "./release-start-up-garbage.ts";
import { StartupPhases } from "./startup-phases.ts";

export type RunningHaven = {
  app: FastifyInstance;
  url: string;
  /** The one-time first-run link's path, while no therapist account exists. */
  setupPath: string | undefined;
  stop(): Promise<void>;
};

/** Opens the configured database; the embedded one only with the data dir's lock held. */
export async function openConfiguredDatabase(
  config: Config,
  logger?: Logger,
): Promise<{ handle: DatabaseHandle; lock: DataDirLock | undefined; freshEmbedded: boolean }> {
  // Only the driver in use is loaded: PostgreSQL's never loads PGlite, nor the embedded one pg (record 063).
  if (config.databaseUrl) {
    const { openPostgres } = await import("../platform/db/open-postgres.ts");
    const handle = await openPostgres(config.databaseUrl, {
      timeouts: config.databaseTimeouts,
      ...(logger
        ? { log: (msg: string, error: unknown) => logger.error({ error: safeError(error) }, msg) }
        : {}),
    });
    return { handle, lock: undefined, freshEmbedded: false };
  }
  const lock = acquireDataDirLock(config.dataDir);
  try {
    const pgdata = path.join(config.dataDir, "pgdata");
    const freshEmbedded = !fs.existsSync(pgdata);
    const { openPglite } = await import("../platform/db/open-pglite.ts");
    return { handle: await openPglite({ dataDir: pgdata }), lock, freshEmbedded };
  } catch (error) {
    lock.release();
    throw error;
  }
}

/**
 * Stops accepting, lets requests in flight and the job in hand finish, and closes the app. Past the grace
 * period the connections still open are closed, so a stalled client cannot hold a shutdown for ever.
 */
async function closeWithinGrace(app: FastifyInstance, graceMs: number, logger: Logger): Promise<void> {
  const closed = app.close();
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<"late">((resolve) => {
    timer = setTimeout(() => resolve("late"), graceMs);
  });
  const outcome = await Promise.race([closed.then(() => "closed" as const), late]);
  clearTimeout(timer);
  if (outcome === "closed") return;
  logger.warn({ graceMs }, "the grace period is over: closing the connections still open");
  app.server.closeAllConnections();
  await closed;
}

/** The whole start: check files, open and prepare the database, listen. The caller owns stop(). */
export async function startServer(config: Config): Promise<RunningHaven> {
  const phases = new StartupPhases();
  limitHeapGrowth();
  const logger = createLogger(config);
  const files = loadStartupFiles(config);
  phases.mark("files");
  const { handle, lock, freshEmbedded } = await openConfiguredDatabase(config, logger);
  phases.mark("databaseOpen");
  if (lock?.takenOverFromPid) {
    logger.warn({ stalePid: lock.takenOverFromPid }, "took over a lock left by a Haven process that is gone");
  }
  let app: FastifyInstance | undefined;
  let setupPath: string | undefined;
  const stop = async () => {
    if (app) await closeWithinGrace(app, config.shutdownGraceMs, logger);
    await handle.close();
    lock?.release();
  };
  try {
    app = await prepareApp(handle, config, files, { freshEmbedded, logger, phases });
    await app.listen({ port: config.port, host: config.host });
    phases.mark("listen");
    app.startBackgroundWork();
    phases.mark("jobsStart");
    setupPath = await issueSetupLink(handle.db);
    phases.mark("setupLink");
    if (setupPath) {
      // Printed, not logged: the link holds a token, and logs never carry one. Shown until an account exists.
      const base =
        config.port === 0
          ? `http://127.0.0.1:${(app.server.address() as { port: number }).port}`
          : config.publicUrl.origin;
      console.log(
        `\nNo therapist account yet. Create the first one (this link works once, for 24 hours):\n  ${base}${setupPath}\n`,
      );
    }
  } catch (error) {
    await stop();
    throw error;
  }
  const address = app.server.address();
  const port = typeof address === "object" && address ? address.port : config.port;
  // With PORT=0 (tests, benchmarks) the real port is only known now.
  const url = config.port === 0 ? `http://127.0.0.1:${port}/` : config.publicUrl.toString();
  // How long start-up took and where: times only, nothing about anyone (issue 17, record 063).
  const readyMs = phases.totalMs();
  logger.info(
    { database: handle.kind, port, readyMs, phases: phases.phases },
    `Haven is ready at ${url} (started in ${(readyMs / 1000).toFixed(2)} s)`,
  );
  setImmediate(releaseStartupGarbage);
  return { app, url, setupPath, stop };
}
