import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { loadConfig } from "../../../src/config.ts";
import { type RunningHaven, startServer } from "../../../src/startup/start-server.ts";

/** A real Haven on a free port, with a fresh embedded data dir and the demo practice (and any extra `env`). */
export async function startTestServer(
  env: Record<string, string> = {},
): Promise<RunningHaven & { baseUrl: string; dataDir: string }> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "haven-e2e-"));
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
