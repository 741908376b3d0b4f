import type { FastifyInstance } from "fastify";
import type { Logger } from "pino";
import { buildApp } from "../app.ts";
import type { Config } from "../config.ts";
import type { FetchFeedOptions } from "../features/booking/calendar-feeds/fetch-feed.ts";
import type { DatabaseHandle } from "../platform/db/database.ts";
import type { StartupFiles } from "./load-startup-files.ts";
import { prepareDatabase } from "./prepare-database.ts";
import type { StartupPhases } from "./startup-phases.ts";

/** Prepares the database and builds the app on it: the part of start-up the tests share with the server. */
export async function prepareApp(
  handle: DatabaseHandle,
  config: Config,
  files: StartupFiles,
  options: {
    freshEmbedded: boolean;
    logger: Logger;
    calendarFeedFetch?: FetchFeedOptions;
    /** The server's start-up timings; tests leave it out. */
    phases?: StartupPhases;
  },
): Promise<FastifyInstance> {
  const prepared = await prepareDatabase(handle, config, files, options);
  const app = await buildApp({
    config,
    db: handle.db,
    logger: options.logger,
    pages: files.pages,
    consentDocuments: files.consentDocuments,
    instruments: files.instruments,
    instrumentPack: files.instrumentPack,
    repairPieces: files.repairPieces,
    pathPieces: files.pathPieces,
    calendarFeedFetch: options.calendarFeedFetch,
    phases: options.phases,
    ...prepared,
  });
  options.phases?.mark("routes");
  return app;
}
