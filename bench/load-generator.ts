// The load generator for the page benchmark: wrk (a C program, `apt-get install wrk`) when installed, so
// the client is not what limits the figure; else autocannon, which shares Node and the two cores with the
// servers and tops out near 25,000 requests/s here (so it flatters any ratio against nginx).
import { spawn } from "node:child_process";
import fs from "node:fs";
import autocannon from "autocannon";

export type LoadResult = { rps: number; p50: number; p99: number; errors: number };

/** wrk if installed, unless BENCH_CLIENT=autocannon asks for the fallback (to see what it would report). */
export const wrkPath =
  process.env.BENCH_CLIENT === "autocannon"
    ? undefined
    : ["/usr/bin/wrk", "/usr/local/bin/wrk"].find((p) => fs.existsSync(p));

export function loadGeneratorName(): string {
  return wrkPath ? "wrk" : "autocannon";
}

/** wrk's latency ("812.00us", "1.23ms", "2.01s") in milliseconds. */
export function wrkMilliseconds(text: string): number {
  const match = /^([\d.]+)(us|ms|s|m)$/.exec(text.trim());
  if (!match) throw new Error(`unreadable wrk latency: ${text}`);
  const value = Number(match[1]);
  const unit = match[2];
  return unit === "us" ? value / 1000 : unit === "ms" ? value : unit === "s" ? value * 1000 : value * 60_000;
}

/** The figures of wrk's `--latency` report. */
export function parseWrk(output: string): LoadResult {
  const rps = /Requests\/sec:\s+([\d.]+)/.exec(output)?.[1];
  const p50 = /^\s+50%\s+(\S+)/m.exec(output)?.[1];
  const p99 = /^\s+99%\s+(\S+)/m.exec(output)?.[1];
  if (!rps || !p50 || !p99) throw new Error(`unreadable wrk report:\n${output}`);
  const non2xx = Number(/Non-2xx or 3xx responses:\s+(\d+)/.exec(output)?.[1] ?? 0);
  const socket = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(output);
  const socketErrors = socket ? socket.slice(1).reduce((sum, n) => sum + Number(n), 0) : 0;
  return {
    rps: Number(rps),
    p50: wrkMilliseconds(p50),
    p99: wrkMilliseconds(p99),
    errors: non2xx + socketErrors,
  };
}

function runWrk(url: string, connections: number, seconds: number): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const args = ["-t1", `-c${connections}`, `-d${seconds}s`, "--latency", url];
    const child = spawn(wrkPath as string, args, { stdio: ["ignore", "pipe", "inherit"] });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.on("error", reject);
    child.on("close", (code) => {
      if (code !== 0) reject(new Error(`wrk exited with ${code}:\n${output}`));
      else {
        try {
          resolve(parseWrk(output));
        } catch (error) {
          reject(error);
        }
      }
    });
  });
}

async function runAutocannon(url: string, connections: number, seconds: number): Promise<LoadResult> {
  const result = await autocannon({ url, connections, duration: seconds });
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.non2xx,
  };
}

/** Loads one URL for `seconds` with the chosen client. */
export function load(url: string, connections: number, seconds: number): Promise<LoadResult> {
  return wrkPath ? runWrk(url, connections, seconds) : runAutocannon(url, connections, seconds);
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}
