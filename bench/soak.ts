// The soak benchmark (issue 17, item 6): `npm run bench:soak` (`-- --seconds 60` to try it short,
// `--connections 16`). Haven on loopback on a fresh embedded database (or a fresh PostgreSQL database with
// `--postgres URL`) with the demo practice, its therapist open six days a week for a year (no notice, no
// daily limit) so bookings do not run out, then a fixed number of clients in a loop for a fixed time, each
// step one of: an article, the booking times page, the self-check and its result, or a booking made as a
// person makes it (the times page, a time's form, the form posted back with its token). Once the diary
// holds `--diary` (250) of the soak's bookings, each new booking's visitor also cancels the oldest through
// its manage page, as people do, so the diary stays the size a practice's is (record 071); `--fill` keeps
// every booking instead, and a year of times fills up. It prints requests/s, p50 and p99 per kind, errors
// (goal 0), booking races lost to another client (the "just taken" page: counted apart, not an error), and
// the server's resident memory every 30 s (goal: flat after the warm-up). Figures to read, never a time
// limit in a test.
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes, randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { eq } from "drizzle-orm";
import { therapists } from "../src/features/accounts/therapist.schema.ts";
import { bookingSettings } from "../src/features/booking/booking-settings.schema.ts";
import { weeklyHours } from "../src/features/booking/weekly-hours.schema.ts";
import type { DatabaseHandle } from "../src/platform/db/database.ts";
import { openPglite } from "../src/platform/db/open-pglite.ts";
import { openPostgres } from "../src/platform/db/open-postgres.ts";
import { childEnv } from "../test/support/child-env.ts";
import { adminQuery } from "./bench-databases.ts";
import { freePort, waitFor } from "./bench-servers.ts";
import {
  bookingOutcome,
  cancelOutcome,
  detailsLinks,
  formOutcome,
  hiddenFields,
  kindFigures,
  managePath,
  memoryAfterWarmUp,
  type Outcome,
  type Sample,
  SoakDiary,
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

/** `--profile DIR` or `--postgres URL`: the word after the option, if given. */
function textOption(name: string): string | undefined {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? process.argv[at + 1] : undefined;
}

/** Where Haven keeps its data for the run: its data dir, and a PostgreSQL database of the run's own. */
type Store = { dataDir: string; databaseUrl?: string; secretKey?: string };

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
async function openForAYear(store: Store): Promise<void> {
  const handle: DatabaseHandle = store.databaseUrl
    ? await openPostgres(store.databaseUrl, 2)
    : await openPglite({ dataDir: path.join(store.dataDir, "pgdata") });
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
function startHaven(store: Store, port: number, nodeArgs: string[]): ChildProcess {
  const env = childEnv({
    PORT: String(port),
    HAVEN_DATA_DIR: store.dataDir,
    ...(store.databaseUrl ? { DATABASE_URL: store.databaseUrl } : {}),
    ...(store.secretKey ? { HAVEN_SECRET_KEY: store.secretKey } : {}),
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

export type SoakOptions = {
  seconds: number;
  connections: number;
  /** How many of the soak's bookings the diary holds before the oldest is cancelled (Infinity: none is). */
  diary: number;
  /** A PostgreSQL server's URL: Haven runs on a fresh database there instead of the embedded one. */
  postgresUrl?: string | undefined;
  profileDir?: string | undefined;
};

export type SoakReport = {
  seconds: number;
  connections: number;
  database: string;
  diary: number;
  requests: number;
  kinds: Record<SoakKind, Tally>;
  booked: number;
  cancelled: number;
  heldAtEnd: number;
  noTimeShown: number;
  samples: Sample[];
  rssBeforeMb: number;
  rssAfterMb: number;
  loadAfter: number;
  firstError?: string | undefined;
};

export async function soak(options: SoakOptions, work: string): Promise<SoakReport> {
  const { postgresUrl } = options;
  if (!postgresUrl) return soakOn({ dataDir: path.join(work, "soak-data") }, options);
  // A fresh database of the run's own, dropped afterwards.
  const name = `haven_soak_${randomUUID().replace(/-/g, "").slice(0, 12)}`;
  await adminQuery(postgresUrl, `create database ${name}`);
  const url = new URL(postgresUrl);
  url.pathname = `/${name}`;
  try {
    // With DATABASE_URL the key must come from outside the data dir: one made for this run.
    const store = {
      dataDir: path.join(work, "soak-data"),
      databaseUrl: url.toString(),
      secretKey: randomBytes(32).toString("hex"),
    };
    return await soakOn(store, options);
  } finally {
    await adminQuery(postgresUrl, `drop database if exists ${name} with (force)`);
  }
}

async function soakOn(store: Store, options: SoakOptions): Promise<SoakReport> {
  const { seconds, connections, profileDir } = options;
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const first = startHaven(store, port, []);
  await waitFor(`${base}/`);
  await stop(first);
  await openForAYear(store);
  // `--profile DIR`: a CPU profile of the server under the soak, written to DIR when it stops.
  const profile = profileDir ? ["--cpu-prof", `--cpu-prof-dir=${path.resolve(profileDir)}`] : [];
  const haven = startHaven(store, port, profile);
  const pid = haven.pid as number;
  const kinds = {} as Record<SoakKind, Tally>;
  for (const kind of soakKinds) kinds[kind] = { latencies: [], outcomes: [] };
  let requests = 0;
  let booked = 0;
  let cancelled = 0;
  const diary = new SoakDiary(options.diary);
  let noTimeShown = 0;
  let visitors = 0;
  let firstError: string | undefined;

  /** One request, timed to the last byte of its body, and what it meant. */
  async function send(
    kind: SoakKind,
    url: string,
    judge: (status: number, body: string, location: string | null) => Outcome,
    init: RequestInit = {},
  ): Promise<{ outcome: Outcome; body: string; location: string | null }> {
    const started = performance.now();
    let outcome: Outcome = "error";
    let body = "";
    let location: string | null = null;
    try {
      const response = await fetch(`${base}${url}`, { redirect: "manual", ...init });
      body = await response.text();
      location = response.headers.get("location");
      outcome = judge(response.status, body, location);
      if (outcome === "error") firstError ??= `${kind}: ${url} answered ${response.status}`;
    } catch (error) {
      firstError ??= `${kind}: ${url}: ${(error as Error).message}`;
    }
    kinds[kind].latencies.push(performance.now() - started);
    kinds[kind].outcomes.push(outcome);
    requests++;
    return { outcome, body, location };
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
    if (posted.outcome !== "booked") return;
    booked++;
    const manage = managePath(posted.location);
    if (!manage) {
      firstError ??= `booking post: no manage page in its redirect (${posted.location})`;
      return;
    }
    const oldest = diary.booked(manage);
    if (oldest) await cancel(oldest, headers);
  }

  /** A visitor cancelling through their booking's page: the step that says what happens, then its form. */
  async function cancel(manage: string, headers: Record<string, string>): Promise<void> {
    const page = await send("cancel page", `${manage}/cancel`, okIf200, { headers });
    if (page.outcome !== "ok") return;
    const posted = await send(
      "cancel post",
      `${manage}/cancel`,
      (status, _, location) => cancelOutcome(status, location),
      {
        method: "POST",
        headers: {
          ...headers,
          "content-type": "application/x-www-form-urlencoded",
          "sec-fetch-site": "same-origin",
        },
        body: new URLSearchParams({ ...hiddenFields(page.body, `${manage}/cancel`), reason: "" }).toString(),
      },
    );
    if (posted.outcome === "ok") cancelled++;
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
      database: store.databaseUrl ? "PostgreSQL" : "PGlite",
      diary: options.diary,
      requests,
      kinds,
      booked,
      cancelled,
      heldAtEnd: diary.count,
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
    `Soak on ${r.database}: ${r.connections} clients for ${r.seconds.toFixed(0)} s on loopback (a Node client on the same two cores): ` +
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
    `  bookings made ${r.booked}, cancelled ${r.cancelled}, still held at the end ${r.heldAtEnd} ` +
      (Number.isFinite(r.diary)
        ? `(the diary kept at ${r.diary} of the soak's bookings)`
        : "(--fill: every booking kept)") +
      `; races lost to another client ("just taken" or "no longer free", not errors) shown under taken;` +
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
  const options: SoakOptions = {
    seconds: option("seconds", 300),
    connections: option("connections", 16),
    diary: process.argv.includes("--fill") ? Number.POSITIVE_INFINITY : option("diary", 250),
    postgresUrl: textOption("postgres"),
    profileDir: textOption("profile"),
  };
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "haven-bench-soak-"));
  try {
    console.log(
      `Soak on ${options.postgresUrl ? "PostgreSQL" : "PGlite"}: ${options.connections} clients for ${options.seconds} s; RSS and requests/s every ${sampleEverySeconds} s`,
    );
    for (const line of soakLines(await soak(options, work))) console.log(line);
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}
