import { type ChildProcess, spawn } from "node:child_process";
import { projectRoot } from "../../src/config.ts";
import { childEnv } from "./child-env.ts";

export type HavenExit = { code: number | null; signal: NodeJS.Signals | null; output: string };

export type HavenProcess = {
  child: ChildProcess;
  /** The port once Haven says it is ready; rejects with its output if it exits first. */
  ready: Promise<number>;
  exited: Promise<HavenExit>;
};

/** Starts Haven as its own process (`command args`), on a port of its choosing, with only `env` set. */
export function launchHaven(command: string, args: string[], env: Record<string, string>): HavenProcess {
  const child = spawn(command, args, {
    cwd: projectRoot,
    env: childEnv({ PORT: "0", ...env }),
    stdio: "pipe",
  });
  let output = "";
  let markReady: (port: number) => void = () => {};
  const ready = new Promise<number>((resolve) => {
    markReady = resolve;
  });
  const collect = (chunk: Buffer) => {
    output += chunk.toString();
    const port = /Haven is ready at http:\/\/127\.0\.0\.1:(\d+)\//.exec(output)?.[1];
    if (port) markReady(Number(port));
  };
  child.stdout?.on("data", collect);
  child.stderr?.on("data", collect);
  const exited = new Promise<HavenExit>((resolve) =>
    child.on("exit", (code, signal) => resolve({ code, signal, output })),
  );
  return {
    child,
    exited,
    ready: Promise.race([ready, exited.then((e) => Promise.reject(new Error(e.output)))]),
  };
}

/** `node --import tsx src/main.ts start`: the server itself, one process, as systemd runs it. */
export const startHaven = (env: Record<string, string>) =>
  launchHaven(process.execPath, ["--import", "tsx", "src/main.ts", "start"], env);
