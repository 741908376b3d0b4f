import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { FastifyInstance } from "fastify";
import { type Logger, pino } from "pino";
import { type Config, loadConfig } from "../../src/config.ts";
import type { FetchFeedOptions } from "../../src/features/booking/calendar-feeds/fetch-feed.ts";
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

/** The real app on this file's own database, with demo data on unless env says otherwise. */
export async function createTestApp(
  options: { env?: Record<string, string>; logger?: Logger; calendarFeedFetch?: FetchFeedOptions } = {},
): Promise<TestApp> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "haven-test-"));
  const config = loadConfig({ HAVEN_DATA_DIR: dataDir, HAVEN_DEMO: "1", ...options.env });
  const logger = options.logger ?? pino({ level: "silent" });
  const files = loadStartupFiles(config);
  const handle = await openTestDatabase();
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
