// The booking times page under load (issue 17, item 3; record 061): Haven on a fresh embedded database with
// the demo practice, its therapist given a 60-day horizon, 300 consultations and 500 busy times from a
// calendar; then `wrk -t1 -c20` on the times page for BENCH_TIMES_SECONDS (default 20 s), with the server's
// resident memory before, at its highest, at the end of the load and 10 s after. Figures to read, not a
// timed test. Also alone: `BENCH_ONLY=times npm run bench`.
import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { Temporal } from "temporal-polyfill";
import { therapists } from "../src/features/accounts/therapist.schema.ts";
import { bookingSettings } from "../src/features/booking/booking-settings.schema.ts";
import {
  calendarBusyTimes,
  calendarFeeds,
} from "../src/features/booking/calendar-feeds/calendar-feed.schema.ts";
import { openPglite } from "../src/platform/db/open-pglite.ts";
import { loadOrCreateKeyFile, secretKeys } from "../src/platform/security/secret-key.ts";
import { childEnv } from "../test/support/child-env.ts";
import { seedConsultation } from "../test/support/seed-consultation.ts";
import { freePort, waitFor } from "./bench-servers.ts";
import { load, loadGeneratorName, wrkPath } from "./load-generator.ts";

const root = path.resolve(import.meta.dirname, "..");
const MINUTE = 60_000;
const DAY = 86_400_000;

export type TimesPageFigures = {
  path: string;
  bytes: number;
  times: number;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  rssStartMb: number;
  rssPeakMb: number;
  rssEndMb: number;
  rssAfterMb: number;
  /** The server's CPU time per page: what the page costs whatever else shares the machine. */
  cpuMsPerPage: number;
  /** One client asking again and again: the time a page takes when nothing queues ahead of it. */
  alone: { p50: number; p99: number };
  load: string;
};

/** Haven as a plain Node process (not through tsx's wrapper), so its own memory is what is read. */
export function startHavenProcess(dataDir: string, port: number, nodeArgs: string[] = []): ChildProcess {
  const env = childEnv({ PORT: String(port), HAVEN_DATA_DIR: dataDir, HAVEN_DEMO: "1", LOG_LEVEL: "warn" });
  return spawn(
    process.execPath,
    [...nodeArgs, "--import", "tsx", path.join(root, "src", "main.ts"), "start"],
    {
      env,
      cwd: root,
      stdio: "inherit",
    },
  );
}

export function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once("exit", () => resolve());
    child.kill("SIGTERM");
  });
}

/** CPU time a process has used, user and system, in ms, from /proc (Linux; 100 clock ticks a second). */
function cpuMs(pid: number): number {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]?.split(" ") ?? [];
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/** Resident memory of a process in MB, from /proc (Linux). */
function rssMb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? Number.NaN);
  return kb / 1024;
}

/**
 * The demo therapist's diary: 300 consultations on weekday hours and 500 busy times of 30 to 120 minutes
 * over the next 60 days, and a 60-day horizon. Written while Haven is stopped (one process owns the data dir).
 */
export async function seedDiary(dataDir: string): Promise<void> {
  const handle = await openPglite({ dataDir: path.join(dataDir, "pgdata") });
  try {
    const db = handle.db;
    const keys = { current: secretKeys(loadOrCreateKeyFile(dataDir)) };
    const [demo] = await db.select().from(therapists).where(eq(therapists.isDemo, true));
    if (!demo) throw new Error("the demo practice has no therapist");
    await db
      .insert(bookingSettings)
      .values({ therapistId: demo.id, horizonDays: 60, isDemo: true })
      .onConflictDoUpdate({ target: bookingSettings.therapistId, set: { horizonDays: 60 } });
    // Six a weekday at 9, 10, 11, 14, 15 and 16 o'clock, from tomorrow, until there are 300.
    const today = Temporal.Now.plainDateISO(demo.timeZone);
    let seeded = 0;
    for (let day = 1; seeded < 300; day++) {
      const date = today.add({ days: day });
      if (date.dayOfWeek > 5) continue;
      for (const hour of [9, 10, 11, 14, 15, 16]) {
        if (seeded === 300) break;
        const start = date.toPlainDateTime({ hour }).toZonedDateTime(demo.timeZone).epochMilliseconds;
        await seedConsultation(db, keys, {
          therapistId: demo.id,
          startsAt: new Date(start),
          visitor: { name: `Visitor ${seeded}` },
        });
        seeded++;
      }
    }
    // A calendar whose next reading is a day away, so nothing refreshes it during the run.
    const now = Date.now();
    const [feed] = await db
      .insert(calendarFeeds)
      .values({
        therapistId: demo.id,
        label: "Bench calendar",
        urlEncrypted: "not-a-feed",
        host: "calendar.example",
        lastAttemptAt: new Date(now),
        claimedUntil: new Date(now + DAY),
      })
      .returning();
    let state = 17;
    const random = () => {
      state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
      return state / 2 ** 31;
    };
    const busy = Array.from({ length: 500 }, () => {
      const start = now + Math.floor(random() * 60 * 24 * 60) * MINUTE;
      return {
        feedId: feed?.id as string,
        therapistId: demo.id,
        startsAt: new Date(start),
        endsAt: new Date(start + (30 + Math.floor(random() * 90)) * MINUTE),
      };
    });
    await db.insert(calendarBusyTimes).values(busy);
  } finally {
    await handle.close();
  }
}

export async function benchmarkTimesPage(work: string): Promise<TimesPageFigures> {
  const seconds = Number(process.env.BENCH_TIMES_SECONDS ?? 20);
  const dataDir = path.join(work, "times-data");
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  // First start: migrations and the demo practice. Then the diary, then Haven again.
  const first = startHavenProcess(dataDir, port);
  await waitFor(`${base}/`);
  await stop(first);
  await seedDiary(dataDir);
  const haven = startHavenProcess(
    dataDir,
    port,
    (process.env.BENCH_TIMES_NODE_ARGS ?? "").split(" ").filter(Boolean),
  );
  try {
    await waitFor(`${base}/`);
    const pagePath = "/book?kind=couple&zone=Europe%2FLondon";
    const page = await fetch(`${base}${pagePath}`);
    const body = await page.text();
    if (!page.ok) throw new Error(`the times page answered ${page.status}`);
    const times = (body.match(/class="time-choice"/g) ?? []).length;
    const pid = haven.pid as number;
    const rssStartMb = rssMb(pid);
    let rssPeakMb = rssStartMb;
    const sampler = setInterval(() => {
      rssPeakMb = Math.max(rssPeakMb, rssMb(pid));
    }, 500);
    const cpuBefore = cpuMs(pid);
    const result = await load(`${base}${pagePath}`, 20, seconds);
    const cpuMsPerPage = (cpuMs(pid) - cpuBefore) / (result.rps * seconds);
    clearInterval(sampler);
    const rssEndMb = rssMb(pid);
    await new Promise((r) => setTimeout(r, 10_000));
    const rssAfterMb = rssMb(pid);
    // The 20-ms goal is for one page; under 20 connections a page also waits for the 19 ahead of it.
    const alone = await load(`${base}${pagePath}`, 1, Math.min(seconds, 5));
    return {
      path: pagePath,
      bytes: Buffer.byteLength(body),
      times,
      ...result,
      rssStartMb,
      rssPeakMb: Math.max(rssPeakMb, rssEndMb),
      rssEndMb,
      rssAfterMb,
      cpuMsPerPage,
      alone: { p50: alone.p50, p99: alone.p99 },
      load: os
        .loadavg()
        .map((n) => n.toFixed(2))
        .join(" "),
    };
  } finally {
    await stop(haven);
  }
}

export function timesPageLines(f: TimesPageFigures): string[] {
  return [
    `Times page ${f.path} (60-day horizon, 300 consultations, 500 busy times; ${f.times} times, ${(f.bytes / 1024).toFixed(1)} KB): ` +
      `${loadGeneratorName()}${wrkPath ? " -t1" : ""}, 20 connections, ${process.env.BENCH_TIMES_SECONDS ?? 20} s`,
    `  ${f.rps.toFixed(0)} pages/s (goal ≥ 500)  p50 ${f.p50.toFixed(2)} ms  p99 ${f.p99.toFixed(2)} ms  errors ${f.errors}`,
    `  one client alone: p50 ${f.alone.p50.toFixed(2)} ms (goal < 20 ms)  p99 ${f.alone.p99.toFixed(2)} ms`,
    `  server CPU ${f.cpuMsPerPage.toFixed(2)} ms a page (one free core: about ${(1000 / f.cpuMsPerPage).toFixed(0)} pages/s)`,
    `  RSS ${f.rssStartMb.toFixed(0)} MB before, ${f.rssPeakMb.toFixed(0)} MB at most, ${f.rssEndMb.toFixed(0)} MB at the end, ` +
      `${f.rssAfterMb.toFixed(0)} MB 10 s after (goal: growth < 150 MB, back near the start); load average ${f.load}`,
  ];
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "haven-bench-times-"));
  try {
    for (const line of timesPageLines(await benchmarkTimesPage(work))) console.log(line);
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}
