import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { childEnv } from "../../test/support/child-env.ts";
import { runHavenCli } from "../../test/support/run-haven-cli.ts";
import { projectRoot } from "../config.ts";

// These start Haven the way `npm start` does: a real process from the built server (scripts/start.mjs,
// record 069; built here on first use), a real data dir.
const launcher = path.join(projectRoot, "scripts", "start.mjs");
const children: ChildProcess[] = [];
const dirs: string[] = [];

function tempDir(prefix: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  dirs.push(dir);
  return dir;
}

afterEach(() => {
  for (const child of children.splice(0)) child.kill("SIGTERM");
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

type Exit = { code: number | null; output: string };

function startHaven(env: Record<string, string>): {
  child: ChildProcess;
  exited: Promise<Exit>;
  ready: Promise<void>;
} {
  const child = spawn(process.execPath, [launcher, "start"], {
    env: childEnv({ PORT: "0", ...env }),
    stdio: "pipe",
  });
  children.push(child);
  let output = "";
  let markReady: () => void = () => {};
  const ready = new Promise<void>((resolve) => {
    markReady = resolve;
  });
  const collect = (chunk: Buffer) => {
    output += chunk.toString();
    if (output.includes("Haven is ready at")) markReady();
  };
  child.stdout?.on("data", collect);
  child.stderr?.on("data", collect);
  const exited = new Promise<Exit>((resolve) => child.on("exit", (code) => resolve({ code, output })));
  return { child, exited, ready };
}

const runCli = (args: string[], env: Record<string, string>, input = "") =>
  runHavenCli(args, env, input, (child) => children.push(child));

/** The "assets ready" log line's fields: which assets the start built and which it reused. */
function assetsLine(output: string): { built: string[]; reused: string[] } | undefined {
  const line = output.split("\n").find((text) => text.includes('"msg":"assets ready"'));
  if (!line) return undefined;
  const { built, reused } = JSON.parse(line) as { built: string[]; reused: string[] };
  return { built, reused };
}

// Each test starts real processes (tsx transpiles Haven at every start): on a machine busy with other
// lanes that alone can pass a minute, which is a slow machine, not a failure.
describe("starting Haven", { timeout: 240_000 }, () => {
  it("prints a setup link until a therapist exists; create-therapist waits for the server to stop", async () => {
    const dataDir = tempDir("haven-first-run-");
    const server = startHaven({ HAVEN_DATA_DIR: dataDir });
    await Promise.race([server.ready, server.exited.then((e) => Promise.reject(new Error(e.output)))]);
    const busy = await runCli(
      ["create-therapist", "--email", "ann@example.org", "--name", "Ann"],
      { HAVEN_DATA_DIR: dataDir },
      "the kettle sings at dawn\n",
    );
    expect(busy.code).toBe(1);
    expect(busy.output).toContain("Stop Haven first");
    server.child.kill("SIGTERM");
    const first = await server.exited;
    expect(first.output).toMatch(
      /No therapist account yet[\s\S]*http:\/\/127\.0\.0\.1:\d+\/setup\/[\w-]{20,}/,
    );
    expect(first.output).not.toMatch(/"msg":"[^"]*\/setup\//); // the link is printed, never in a log line
    // The time to ready is in the log, and the first start builds the stylesheet and scripts…
    expect(first.output).toMatch(/"readyMs":\d+,"phases":\{"modules":\d+,.*"assets":\d+/);
    expect(first.output).toMatch(/Haven is ready at http:\/\/127\.0\.0\.1:\d+\/ \(started in \d+\.\d\d s\)/);
    expect(assetsLine(first.output)).toEqual({ built: ["site.css", "enhance.js", "coach.js"], reused: [] });

    const created = await runCli(
      ["create-therapist", "--email", "ann@example.org", "--name", "Ann"],
      { HAVEN_DATA_DIR: dataDir },
      "the kettle sings at dawn\n",
    );
    expect(created.code).toBe(0);
    expect(created.output).toContain("owner of the practice");
    const again = startHaven({ HAVEN_DATA_DIR: dataDir });
    await Promise.race([again.ready, again.exited.then((e) => Promise.reject(new Error(e.output)))]);
    again.child.kill("SIGTERM");
    const second = await again.exited;
    expect(second.output).not.toContain("/setup/");
    // …which the next start on the same data dir takes from the cache instead of building them again.
    expect(assetsLine(second.output)).toEqual({ built: [], reused: ["site.css", "enhance.js", "coach.js"] });
  });

  it("lets only one process use a data dir; the second exits at once saying why", async () => {
    const dataDir = tempDir("haven-one-owner-");
    const first = startHaven({ HAVEN_DATA_DIR: dataDir });
    await Promise.race([first.ready, first.exited.then((e) => Promise.reject(new Error(e.output)))]);
    const second = await startHaven({ HAVEN_DATA_DIR: dataDir }).exited;
    expect(second.code).toBe(1);
    expect(second.output).toContain("Another Haven process");
    expect(second.output).toContain("Stop Haven first");
    first.child.kill("SIGTERM");
    expect((await first.exited).code).toBe(0); // a clean close releases the lock…
    expect(fs.existsSync(path.join(dataDir, "haven.lock"))).toBe(false);
  });

  it("stops on a bad article file, naming the file and the field", async () => {
    const contentDir = tempDir("haven-bad-content-");
    fs.cpSync(path.join(projectRoot, "content"), contentDir, { recursive: true });
    const file = path.join(contentDir, "articles", "the-three-cycles.md");
    fs.writeFileSync(
      file,
      fs.readFileSync(file, "utf8").replace(/^published: .*$/m, "published: last Tuesday"),
    );
    const exit = await startHaven({ HAVEN_DATA_DIR: tempDir("haven-data-"), HAVEN_CONTENT_DIR: contentDir })
      .exited;
    expect(exit.code).toBe(1);
    expect(exit.output).toContain("articles/the-three-cycles.md");
    expect(exit.output).toContain("published");
    expect(exit.output).not.toMatch(/\n\s+at /); // a message for a person, not a stack trace
  });

  it("stops on bad configuration, naming the variable", async () => {
    const exit = await startHaven({
      HAVEN_DATA_DIR: tempDir("haven-data-"),
      HAVEN_PUBLIC_URL: "http://haven.example.org",
    }).exited;
    expect(exit.code).toBe(1);
    expect(exit.output).toContain("HAVEN_PUBLIC_URL");
  });

  it("runs the other commands from the built server too, and says how to use it", async () => {
    const child = spawn(process.execPath, [launcher, "no-such-command"], {
      env: childEnv({}),
      stdio: "pipe",
    });
    children.push(child);
    let output = "";
    child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
    expect(code).toBe(2);
    expect(output).toContain("Usage: haven <command>");
  });
});
