// The soak benchmark (issue 17, item 6): `npm run bench:soak` (`-- --seconds 60` to try it short,
// `--connections 16`). Haven on loopback on a fresh embedded database with the demo practice, its therapist
// open six days a week for a year (no notice, no daily limit) so bookings do not run out, then a fixed number of clients in a loop for a fixed time, each step one of: an article,
// the booking times page, the self-check and its result, or a booking made as a person makes it (the times
// page, a time's form, the form posted back with its token). It prints requests/s, p50 and p99 per kind,
// errors (goal 0), booking races lost to another client (the "just taken" page: counted apart, not an
// error), and the server's resident memory every 30 s (goal: flat after the warm-up). Figures to read, never
// a time limit in a test.
import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { eq } from "drizzle-orm";
import { therapists } from "../src/features/accounts/therapist.schema.ts";
import { bookingSettings } from "../src/features/booking/booking-settings.schema.ts";
import { weeklyHours } from "../src/features/booking/weekly-hours.schema.ts";
import { openPglite } from "../src/platform/db/open-pglite.ts";
import { childEnv } from "../test/support/child-env.ts";
import { freePort, waitFor } from "./bench-servers.ts";
import {
  bookingOutcome,
  detailsLinks,
  formOutcome,
  hiddenFields,
  kindFigures,
  memoryAfterWarmUp,
  type Outcome,
  type Sample,
  type SoakKind,
  soakKinds,
} from "./soak-figures.ts";
import { stop } from "./times-page.ts";

const root = path.resolve(import.meta.dirname, "..");
const articlePath = "/articles/the-three-cycles";
const zone = "Europe%2FLondon";
const horizonDays = 365;
const sampleEverySeconds = 30;
const warmUpSeconds = 60;

/** `--seconds 60` or `--connections 8` from the command line, else the default. */
function option(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  const value = at >= 0 ? Number(process.argv[at + 1]) : fallback;
  if (!Number.isFinite(value) || value <= 0) throw new Error(`--${name} wants a positive number`);
  return value;
}

function rssMb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? Number.NaN) / 1024;
}

const loadAverage = () => os.loadavg()[0] as number;

/**
 * The demo therapist open Monday to Saturday, 9 to 18 o'clock, for a year, no notice, no daily limit and
 * no approval step: some 5,600 times (18 a day), more than a five-minute run books, and a times page of
 * about 320 times (the page of bench/times-page.ts holds 318). Hours round the clock every 5 minutes would
 * never run out but make pages of 6,000 times that no practice shows, so the soak would measure those.
 * Written while Haven is stopped (one process owns the data dir).
 */
async function openForAYear(dataDir: string): Promise<void> {
  const handle = await openPglite({ dataDir: path.join(dataDir, "pgdata") });
  try {
    const db = handle.db;
    const [demo] = await db.select().from(therapists).where(eq(therapists.isDemo, true));
    if (!demo) throw new Error("the demo practice has no therapist");
    const open = {
      intervalMinutes: 30,
      minimumNoticeMinutes: 0,
      horizonDays,
      maxPerDay: null,
      approvalRequired: false,
      acceptsBookings: true,
    };
    await db
      .insert(bookingSettings)
      .values({ therapistId: demo.id, isDemo: true, ...open })
      .onConflictDoUpdate({ target: bookingSettings.therapistId, set: open });
    await db.delete(weeklyHours).where(eq(weeklyHours.therapistId, demo.id));
    await db.insert(weeklyHours).values(
      [1, 2, 3, 4, 5, 6].map((weekday) => ({
        therapistId: demo.id,
        weekday,
        startMinute: 9 * 60,
        endMinute: 18 * 60,
        isDemo: true,
      })),
    );
  } finally {
    await handle.close();
  }
}

/** Haven as `npm start` runs it (the built server, record 069): one process, whose memory is what is read. */
function startHaven(dataDir: string, port: number, nodeArgs: string[]): ChildProcess {
  const env = childEnv({
    PORT: String(port),
    HAVEN_DATA_DIR: dataDir,
    HAVEN_DEMO: "1",
    LOG_LEVEL: "warn",
    // One hop of proxy trusted: each visitor comes from their own address (X-Forwarded-For), as behind the
    // reverse proxy of a real install, so the per-address limits on posts count each visitor, not the bench.
    HAVEN_TRUST_PROXY: "1",
  });
  const launcher = path.join(root, "scripts", "start.mjs");
  return spawn(process.execPath, [...nodeArgs, launcher, "start"], { env, cwd: root, stdio: "inherit" });
}

/** A small seeded generator, so two runs send the same mix in the same order. */
function generator(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

type Tally = { latencies: number[]; outcomes: Outcome[] };

export type SoakReport = {
  seconds: number;
  connections: number;
  requests: number;
  kinds: Record<SoakKind, Tally>;
  booked: number;
  noTimeShown: number;
  samples: Sample[];
  rssBeforeMb: number;
  rssAfterMb: number;
  loadAfter: number;
  firstError?: string | undefined;
};

export async function soak(
  seconds: number,
  connections: number,
  work: string,
  profileDir?: string,
): Promise<SoakReport> {
  const dataDir = path.join(work, "soak-data");
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const first = startHaven(dataDir, port, []);
  await waitFor(`${base}/`);
  await stop(first);
  await openForAYear(dataDir);
  // `--profile DIR`: a CPU profile of the server under the soak, written to DIR when it stops.
  const profile = profileDir ? ["--cpu-prof", `--cpu-prof-dir=${path.resolve(profileDir)}`] : [];
  const haven = startHaven(dataDir, port, profile);
  const pid = haven.pid as number;
  const kinds = {} as Record<SoakKind, Tally>;
  for (const kind of soakKinds) kinds[kind] = { latencies: [], outcomes: [] };
  let requests = 0;
  let booked = 0;
  let noTimeShown = 0;
  let visitors = 0;
  let firstError: string | undefined;

  /** One request, timed to the last byte of its body, and what it meant. */
  async function send(
    kind: SoakKind,
    url: string,
    judge: (status: number, body: string) => Outcome,
    init: RequestInit = {},
  ): Promise<{ outcome: Outcome; body: string }> {
    const started = performance.now();
    let outcome: Outcome = "error";
    let body = "";
    try {
      const response = await fetch(`${base}${url}`, { redirect: "manual", ...init });
      body = await response.text();
      outcome = judge(response.status, body);
      if (outcome === "error") firstError ??= `${kind}: ${url} answered ${response.status}`;
    } catch (error) {
      firstError ??= `${kind}: ${url}: ${(error as Error).message}`;
    }
    kinds[kind].latencies.push(performance.now() - started);
    kinds[kind].outcomes.push(outcome);
    requests++;
    return { outcome, body };
  }
  const okIf200 = (status: number) => (status === 200 ? "ok" : "error");

  /** A person booking: a week of times, one time's form, the form posted back. */
  async function book(random: () => number): Promise<void> {
    visitors++;
    const n = visitors;
    const headers = { "x-forwarded-for": `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}` };
    const kind = random() < 0.5 ? "couple" : "individual";
    const week = Math.floor(random() * (horizonDays / 7 - 1));
    const times = await send("times page", `/book?kind=${kind}&zone=${zone}&week=${week}`, okIf200, {
      headers,
    });
    const links = detailsLinks(times.body);
    const chosen = links[Math.floor(random() * links.length)];
    if (!chosen) {
      if (times.outcome === "ok") noTimeShown++;
      return;
    }
    const form = await send("booking form", chosen, formOutcome, { headers });
    if (form.outcome !== "ok") return;
    const fields = {
      ...hiddenFields(form.body, "/book"),
      website: "",
      name: `Soak Visitor ${n}`,
      email: `soak-visitor-${n}@example.org`,
      contactBy: "email",
      leaveMessage: "yes",
      meeting: "video",
      adult: "yes",
      privacy: "yes",
    };
    const posted = await send("booking post", "/book", bookingOutcome, {
      method: "POST",
      headers: {
        ...headers,
        "content-type": "application/x-www-form-urlencoded",
        "sec-fetch-site": "same-origin",
      },
      body: new URLSearchParams(fields).toString(),
    });
    if (posted.outcome === "booked") booked++;
  }

  /** The self-check's first page, then its result (answers travel in the form; nothing is stored). */
  async function selfCheck(): Promise<void> {
    visitors++;
    const n = visitors;
    const headers = { "x-forwarded-for": `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}` };
    await send("self-check", "/self-check", okIf200, { headers });
    await send("self-check result", "/self-check", okIf200, {
      method: "POST",
      headers: { ...headers, "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ go: "result", private: "no" }).toString(),
    });
  }

  try {
    await waitFor(`${base}/`);
    const rssBeforeMb = rssMb(pid);
    const started = performance.now();
    const deadline = started + seconds * 1000;
    const samples: Sample[] = [];
    let requestsAtLastSample = 0;
    const sampler = setInterval(() => {
      const second = Math.round((performance.now() - started) / 1000);
      const sample = {
        second,
        rssMb: rssMb(pid),
        rps: (requests - requestsAtLastSample) / sampleEverySeconds,
        load: loadAverage(),
      };
      requestsAtLastSample = requests;
      samples.push(sample);
      console.log(
        `  ${String(second).padStart(4)} s  RSS ${sample.rssMb.toFixed(0)} MB  ${sample.rps.toFixed(0)} requests/s  load ${sample.load.toFixed(2)}`,
      );
    }, sampleEverySeconds * 1000);

    // Each client: article 40 %, times page 25 %, self-check 15 %, a booking 20 %, until the time is up
    // (a step under way finishes, so a booking is never cut between its form and its post).
    const client = async (seed: number) => {
      const random = generator(seed);
      while (performance.now() < deadline) {
        const pick = random();
        if (pick < 0.4) await send("article", articlePath, okIf200);
        else if (pick < 0.65) {
          const week = Math.floor(random() * 8);
          await send("times page", `/book?kind=couple&zone=${zone}&week=${week}`, okIf200);
        } else if (pick < 0.8) await selfCheck();
        else await book(random);
      }
    };
    await Promise.all(Array.from({ length: connections }, (_, n) => client(n + 1)));
    clearInterval(sampler);
    const elapsed = (performance.now() - started) / 1000;
    // Ten idle seconds later: does the memory the load took come back?
    await new Promise((r) => setTimeout(r, 10_000));
    return {
      seconds: elapsed,
      connections,
      requests,
      kinds,
      booked,
      noTimeShown,
      samples,
      rssBeforeMb,
      rssAfterMb: rssMb(pid),
      loadAfter: loadAverage(),
      firstError,
    };
  } finally {
    await stop(haven);
  }
}

export function soakLines(r: SoakReport): string[] {
  const lines = [
    `Soak: ${r.connections} clients for ${r.seconds.toFixed(0)} s on loopback (a Node client on the same two cores): ` +
      `${r.requests} requests, ${(r.requests / r.seconds).toFixed(0)} requests/s`,
    `  ${"kind".padEnd(18)} ${"requests".padStart(8)} ${"p50 ms".padStart(8)} ${"p99 ms".padStart(8)} ${"errors".padStart(6)} ${"taken".padStart(6)}`,
  ];
  let errors = 0;
  for (const kind of soakKinds) {
    const f = kindFigures(r.kinds[kind].latencies, r.kinds[kind].outcomes);
    errors += f.errors;
    lines.push(
      `  ${kind.padEnd(18)} ${String(f.count).padStart(8)} ${f.p50.toFixed(1).padStart(8)} ${f.p99.toFixed(1).padStart(8)} ${String(f.errors).padStart(6)} ${String(f.taken).padStart(6)}`,
    );
  }
  lines.push(
    `  bookings made ${r.booked}; races lost to another client ("just taken" or "no longer free", not errors) shown under taken;` +
      ` weeks with no time left ${r.noTimeShown}`,
    `  errors ${errors} (goal 0)${r.firstError ? `; first: ${r.firstError}` : ""}`,
  );
  const memory = memoryAfterWarmUp(r.samples, warmUpSeconds);
  lines.push(
    `  RSS ${r.rssBeforeMb.toFixed(0)} MB before the load` +
      (memory
        ? `, ${memory.fromMb.toFixed(0)} MB at ${warmUpSeconds} s, ${memory.toMb.toFixed(0)} MB at the last reading ` +
          `(${memory.growthMb >= 0 ? "+" : ""}${memory.growthMb.toFixed(0)} MB after the warm-up; at most ${memory.peakMb.toFixed(0)} MB)`
        : ` (the run was shorter than the ${warmUpSeconds} s warm-up)`) +
      `, ${r.rssAfterMb.toFixed(0)} MB 10 s after; goal: flat after the warm-up; load average ${r.loadAfter.toFixed(2)}`,
  );
  return lines;
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  const seconds = option("seconds", 300);
  const connections = option("connections", 16);
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "haven-bench-soak-"));
  try {
    console.log(
      `Soak: ${connections} clients for ${seconds} s; RSS and requests/s every ${sampleEverySeconds} s`,
    );
    const at = process.argv.indexOf("--profile");
    const profileDir = at >= 0 ? process.argv[at + 1] : undefined;
    for (const line of soakLines(await soak(seconds, connections, work, profileDir))) console.log(line);
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}
