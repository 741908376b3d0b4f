import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { inject } from "vitest";
import { loadConfig } from "../../../src/config.ts";
import { demoPractice } from "../../../src/features/practice-settings/demo-practice.ts";
import { type RunningHaven, startServer } from "../../../src/startup/start-server.ts";
import { testInstrumentPack } from "../../support/test-app.ts";

/**
 * Env for the demo practice with the test pack (like a licensed one) instead of the placeholder pack,
 * for browser tests that follow a measure to its score: placeholder wording is never scored.
 */
export function withTestInstrumentPack(): Record<string, string> {
  const contentDir = fileURLToPath(new URL("../../../content/", import.meta.url));
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "haven-e2e-practice-")), "practice.json");
  const instrumentPack = path.relative(contentDir, testInstrumentPack);
  fs.writeFileSync(file, JSON.stringify({ ...demoPractice, instrumentPack }));
  return { HAVEN_PRACTICE_FILE: file };
}

/**
 * A real Haven on a free port, with a data dir of its own and the demo practice (and any extra `env`). Its
 * database starts as a copy of the run's migrated template (database-template.setup.ts), so the start is
 * an existing install's; everything else in the data dir is made by this start.
 */
export async function startTestServer(
  env: Record<string, string> = {},
): Promise<RunningHaven & { baseUrl: string; dataDir: string }> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "haven-e2e-"));
  fs.cpSync(inject("e2eDatabaseTemplate"), path.join(dataDir, "pgdata"), { recursive: true });
  const running = await startServer(
    loadConfig({ PORT: "0", HAVEN_DATA_DIR: dataDir, LOG_LEVEL: "warn", HAVEN_DEMO: "1", ...env }),
  );
  return {
    ...running,
    baseUrl: running.url.replace(/\/$/, ""),
    dataDir,
    async stop() {
      await running.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
