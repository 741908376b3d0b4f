import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";
import { projectRoot } from "../../src/config.ts";
import { childEnv } from "./child-env.ts";

export const tsxBin = path.join(projectRoot, "node_modules", ".bin", "tsx");
export const havenMain = path.join(projectRoot, "src", "main.ts");

export type CliExit = { code: number | null; output: string };

/**
 * One Haven command (`haven <args>`) as a real process, as an operator runs it: stdout and stderr
 * together, `input` on stdin. `started` gets the child so the caller can kill it if the test ends early.
 */
export function runHavenCli(
  args: string[],
  env: Record<string, string>,
  input = "",
  started: (child: ChildProcess) => void = () => {},
): Promise<CliExit> {
  const child = spawn(tsxBin, [havenMain, ...args], { env: childEnv(env), stdio: "pipe" });
  started(child);
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stdin?.end(input);
  return new Promise((resolve) => child.on("exit", (code) => resolve({ code, output })));
}
