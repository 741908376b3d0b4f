import type { ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { launchHaven } from "../../test/support/haven-process.ts";

// Stopping Haven as a supervisor or a container runtime does: one signal to the process it started.
const children: ChildProcess[] = [];
const dirs: string[] = [];
afterEach(() => {
  for (const child of children.splice(0)) child.kill("SIGKILL");
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

function launch(command: string, args: string[], env: Record<string, string>) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "haven-stop-"));
  dirs.push(dataDir);
  const haven = launchHaven(command, args, { HAVEN_DATA_DIR: dataDir, ...env });
  children.push(haven.child);
  return haven;
}

/** Whether something still answers on the port (an orphaned server would). */
const answers = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = net.connect(port, "127.0.0.1");
    socket.on("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.on("error", () => resolve(false));
  });

// Each test starts real processes (tsx transpiles Haven at every start): on a machine busy with other
// lanes that alone can pass a minute, which is a slow machine, not a failure.
describe("stopping Haven", { timeout: 240_000 }, () => {
  it("`npm start` passes SIGTERM to the server: it exits 0 and leaves nothing answering", async () => {
    const haven = launch("npm", ["start", "--silent"], {});
    const port = await haven.ready;
    expect(await answers(port)).toBe(true);
    haven.child.kill("SIGTERM");
    const exit = await haven.exited;
    expect(exit.code).toBe(0);
    expect(exit.output).toContain('"msg":"Haven is stopping"');
    expect(await answers(port)).toBe(false);
  });

  it("closes a request that stalls past the grace period, then exits 0", async () => {
    const haven = launch(process.execPath, ["--import", "tsx", "src/main.ts", "start"], {
      HAVEN_SHUTDOWN_GRACE_SECONDS: "0.5",
    });
    const port = await haven.ready;
    // A form post whose body never comes: in flight for as long as the client likes.
    const stalled = net.connect(port, "127.0.0.1");
    stalled.on("error", () => {});
    await new Promise((resolve) => stalled.on("connect", resolve));
    stalled.write(
      "POST /sign-in HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 100\r\n\r\nemail=",
    );
    const closedByServer = new Promise((resolve) => stalled.on("close", resolve));
    await new Promise((resolve) => setTimeout(resolve, 200));
    haven.child.kill("SIGTERM");
    const exit = await haven.exited;
    await closedByServer;
    expect(exit.code).toBe(0);
    expect(exit.output).toContain("the grace period is over");
  });
});
