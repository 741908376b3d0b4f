// Start-up and idle memory (issue 17, items 4 and 5; records 063, 069): Haven started the way `npm start` starts it
// (from the built bundle; warm starts also through tsx, in turn, for the same-run reference),
// a cold start on a fresh data dir, then warm starts on that same dir (the median of BENCH_STARTS, default 5),
// each with the phases its "ready" log line reports, and the process's RSS once it has been idle a moment. With
// HAVEN_BENCH_PG_URL, the same on PostgreSQL. The load average is printed beside each figure: on these shared
// cores a start's time says as much about the neighbours as about Haven.
import { spawn, spawnSync } from "node:child_process";
import { randomBytes, randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { childEnv } from "../test/support/child-env.ts";
import { adminQuery } from "./bench-databases.ts";

const root = path.resolve(import.meta.dirname, "..");
const idleSeconds = Number(process.env.BENCH_IDLE_SECONDS ?? 5);

export type StartFigures = {
  /** Milliseconds from the process's start to the "ready" line, as Haven itself counts them. */
  readyMs: number;
  /** From spawning the process to reading that line (adds node's own start and the pipe). */
  wallMs: number;
  phases: Record<string, number>;
  /** Resident memory after `idleSeconds` of idling, in MB (undefined when not measured). */
  idleRssMb: number | undefined;
  /** One-minute load average when the start finished. */
  load: number;
};

function rssMb(pid: number): number | undefined {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
    const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1]);
    return Number.isFinite(kb) ? kb / 1024 : undefined;
  } catch {
    return undefined; // not Linux: no figure rather than a wrong one
  }
}

/** How Haven is started: from the built bundle as `npm start` does (record 069), or src/ through tsx. */
export type StartWay = "bundle" | "tsx";
const startArgs: Record<StartWay, string[]> = {
  bundle: [path.join(root, "scripts", "start.mjs"), "start"],
  tsx: ["--import", "tsx", path.join(root, "src", "main.ts"), "start"],
};

/** Starts Haven once, waits for ready, measures, stops it. */
export async function startOnce(
  env: Record<string, string>,
  measureRss: boolean,
  way: StartWay = "bundle",
): Promise<StartFigures> {
  const began = performance.now();
  const child = spawn(process.execPath, startArgs[way], {
    cwd: root,
    env: childEnv({ PORT: "0", LOG_LEVEL: "info", HAVEN_LOG_FORMAT: "json", ...env }),
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const ready = new Promise<{ readyMs: number; phases: Record<string, number>; wallMs: number }>(
    (resolve, reject) => {
      const read = (chunk: Buffer) => {
        output += chunk.toString();
        const line = output.split("\n").find((text) => text.includes("Haven is ready at"));
        if (line) {
          const entry = JSON.parse(line) as { readyMs?: number; phases?: Record<string, number> };
          const wallMs = performance.now() - began;
          // A Haven from before the timings (to compare against) is measured from outside.
          resolve({ readyMs: entry.readyMs ?? Math.round(wallMs), phases: entry.phases ?? {}, wallMs });
        }
      };
      child.stdout.on("data", read);
      child.stderr.on("data", read);
      child.on("exit", (code) => reject(new Error(`Haven exited (${code}) before it was ready:\n${output}`)));
    },
  );
  const exited = new Promise<void>((resolve) => child.on("exit", () => resolve()));
  try {
    const figures = await ready;
    const load = os.loadavg()[0] ?? 0;
    let idleRssMb: number | undefined;
    if (measureRss && child.pid) {
      await new Promise((resolve) => setTimeout(resolve, idleSeconds * 1000));
      idleRssMb = rssMb(child.pid);
    }
    return { ...figures, idleRssMb, load };
  } finally {
    child.kill("SIGTERM");
    await exited;
  }
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
};

const phaseLine = (phases: Record<string, number>) =>
  Object.entries(phases)
    .map(([name, ms]) => `${name} ${ms}`)
    .join(", ");

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

/**
 * Warm starts on one data dir (or database), from the bundle and through tsx in turn (back to back, so both
 * see the same neighbours): the runs of each way.
 */
async function warmStarts(
  env: Record<string, string>,
  starts: number,
): Promise<Record<StartWay, StartFigures[]>> {
  const runs: Record<StartWay, StartFigures[]> = { bundle: [], tsx: [] };
  for (let i = 0; i < starts; i++) {
    for (const way of ["bundle", "tsx"] as const) runs[way].push(await startOnce(env, i === 0, way));
  }
  return runs;
}

function warmLines(label: string, runs: StartFigures[], goalMs: number): string[] {
  const middle = median(runs.map((run) => run.readyMs));
  const typical = runs.find((run) => run.readyMs === middle) ?? runs[0];
  const all = runs.map((run) => `${seconds(run.readyMs)} (load ${run.load.toFixed(2)})`).join(", ");
  return [
    `Warm start, ${label}: median ${seconds(middle)} of ${runs.length} (goal < ${seconds(goalMs)}); each: ${all}`,
    `  phases of the median start (ms): ${typical ? phaseLine(typical.phases) : "none"}`,
  ];
}

/** The start-up figures as lines to print. */
export async function benchmarkStartup(pgUrl: string | undefined): Promise<string[]> {
  const starts = Number(process.env.BENCH_STARTS ?? 5);
  const lines: string[] = [`Start-up (Node ${process.version}, ${os.cpus().length} cores)`];
  // The bundle `npm start` runs is built at install (`node scripts/start.mjs --build`): timed here, apart.
  const build = spawnSync(process.execPath, [path.join(root, "scripts", "start.mjs"), "--build"], {
    encoding: "utf8",
  });
  lines.push(`Server bundle: ${build.stdout.trim() || build.stderr.trim()}`);
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "haven-bench-startup-"));
  try {
    const env = { HAVEN_DATA_DIR: path.join(work, "data") };
    const cold = await startOnce(env, true);
    lines.push(
      `Cold start, PGlite (fresh data dir: database made, migrations, demo data, assets built): ${seconds(cold.readyMs)} (goal < 8 s; load ${cold.load.toFixed(2)})`,
      `  phases (ms): ${phaseLine(cold.phases)}`,
    );
    const warm = await warmStarts(env, starts);
    lines.push(...warmLines("PGlite, from the bundle (npm start)", warm.bundle, 1500));
    lines.push(...warmLines("PGlite, src/ through tsx (development; the same run)", warm.tsx, 1500));
    const idle = warm.bundle[0]?.idleRssMb;
    lines.push(
      idle === undefined
        ? "Idle RSS, PGlite: not measured (no /proc here)"
        : `Idle RSS, PGlite, ${idleSeconds} s after a warm start: ${idle.toFixed(0)} MB from the bundle, ${warm.tsx[0]?.idleRssMb?.toFixed(0)} MB through tsx (goal < 350 MB; load ${warm.bundle[0]?.load.toFixed(2)}); after the cold start: ${cold.idleRssMb?.toFixed(0)} MB`,
    );
    if (!pgUrl) {
      lines.push("Start-up on PostgreSQL: skipped (set HAVEN_BENCH_PG_URL to a database the bench may use)");
      return lines;
    }
    // A fresh database of its own, dropped afterwards, with a key made for this run.
    const name = `haven_bench_${randomUUID().replace(/-/g, "").slice(0, 12)}`;
    await adminQuery(pgUrl, `create database ${name}`);
    const url = new URL(pgUrl);
    url.pathname = `/${name}`;
    const pgEnv = {
      HAVEN_DATA_DIR: path.join(work, "pg-data"),
      DATABASE_URL: url.toString(),
      HAVEN_SECRET_KEY: randomBytes(32).toString("hex"),
    };
    let pgWarm: Record<StartWay, StartFigures[]>;
    try {
      await startOnce(pgEnv, false); // the first start migrates the database and builds the assets
      pgWarm = await warmStarts(pgEnv, starts);
    } finally {
      await adminQuery(pgUrl, `drop database if exists ${name} with (force)`);
    }
    lines.push(...warmLines("PostgreSQL, from the bundle", pgWarm.bundle, 1500));
    lines.push(...warmLines("PostgreSQL, through tsx (the same run)", pgWarm.tsx, 1500));
    const pgIdle = pgWarm.bundle[0]?.idleRssMb;
    lines.push(
      pgIdle === undefined
        ? "Idle RSS, PostgreSQL: not measured (no /proc here)"
        : `Idle RSS, PostgreSQL, ${idleSeconds} s after a warm start: ${pgIdle.toFixed(0)} MB from the bundle, ${pgWarm.tsx[0]?.idleRssMb?.toFixed(0)} MB through tsx (goal < 150 MB; load ${pgWarm.bundle[0]?.load.toFixed(2)})`,
    );
    return lines;
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}
