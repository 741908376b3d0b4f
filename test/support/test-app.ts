import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { FastifyInstance } from "fastify";
import { type Logger, pino } from "pino";
import { type Config, loadConfig } from "../../src/config.ts";
import { loadPack } from "../../src/features/assessments/instruments/instrument-pack.ts";
import type { FetchFeedOptions } from "../../src/features/booking/calendar-feeds/fetch-feed.ts";
import type { DatabaseHandle } from "../../src/platform/db/database.ts";
import type { KeyRing } from "../../src/platform/security/field-encryption.ts";
import { loadOrCreateKeyFile, secretKeys } from "../../src/platform/security/secret-key.ts";
import { loadStartupFiles } from "../../src/startup/load-startup-files.ts";
import { prepareApp } from "../../src/startup/prepare-app.ts";
import { openTestDatabase, type TestDatabaseHandle } from "./test-database.ts";

export type TestApp = {
  app: FastifyInstance;
  handle: TestDatabaseHandle;
  config: Config;
  /** The key ring the app uses (read from the key file start-up created), for seeding encrypted rows. */
  keys: KeyRing;
  close(): Promise<void>;
};

/**
 * A pack like a practice's licensed one (not marked as placeholder), with test text: for tests of
 * scoring and results, which placeholder wording never gets.
 */
export const testInstrumentPack = fileURLToPath(
  new URL("./fixtures/test-instrument-pack.yaml", import.meta.url),
);

/** The real app on this file's own database, with demo data on unless env says otherwise. */
export async function createTestApp(
  options: {
    env?: Record<string, string>;
    logger?: Logger;
    calendarFeedFetch?: FetchFeedOptions;
    /** A pack file to load instead of the practice's (the demo's placeholder pack). */
    instrumentPack?: string;
    /** How the app reaches this file's database (through a proxy, say), instead of directly. */
    reach?: (direct: TestDatabaseHandle) => Promise<DatabaseHandle>;
  } = {},
): Promise<TestApp> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "haven-test-"));
  const config = loadConfig({ HAVEN_DATA_DIR: dataDir, HAVEN_DEMO: "1", ...options.env });
  const logger = options.logger ?? pino({ level: "silent" });
  const loaded = loadStartupFiles(config);
  const files = options.instrumentPack
    ? { ...loaded, instrumentPack: loadPack(options.instrumentPack, loaded.instruments) }
    : loaded;
  const direct = await openTestDatabase();
  const reached = options.reach ? await options.reach(direct) : undefined;
  const handle: TestDatabaseHandle = reached
    ? {
        ...direct,
        ...reached,
        async close() {
          await reached.close();
          await direct.close();
        },
      }
    : direct;
  let app: FastifyInstance;
  try {
    app = await prepareApp(handle, config, files, {
      freshEmbedded: false,
      logger,
      ...(options.calendarFeedFetch ? { calendarFeedFetch: options.calendarFeedFetch } : {}),
    });
    await app.ready();
  } catch (error) {
    // Free what was opened, so the real failure is what the test run reports.
    await handle.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
  return {
    app,
    handle,
    config,
    keys: { current: secretKeys(config.secretKey ?? loadOrCreateKeyFile(dataDir)) },
    async close() {
      await app.close();
      await handle.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
