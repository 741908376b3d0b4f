// `npm run bench`: an article page under load against a bare Fastify server and nginx sending the same
// bytes in the same run (bench/article.ts), the booking times page under load (bench/times-page.ts), then
// the booking, coach and mail figures. Figures to read, not
// a timed test: these machines are noisy, so the ratio measured side by side is what counts.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { benchmarkSlots } from "../src/features/booking/compute-slots.bench.ts";
import { articleOptions, benchmarkArticle } from "./article.ts";
import { capturePage, startHaven, stopServers } from "./bench-servers.ts";
import { benchmarkBookingContention } from "./booking-contention.ts";
import { benchmarkBookingThroughput, throughputTable } from "./booking-throughput.ts";
import { coachLines } from "./coach.ts";
import { benchmarkMailDrain, mailDrainLines } from "./mail-drain.ts";
import { benchmarkStartup } from "./startup.ts";
import { benchmarkTimesPage, timesPageLines } from "./times-page.ts";

const articlePath = "/articles/the-three-cycles";
const seconds = Number(process.env.BENCH_SECONDS ?? 10);
// `npm run bench -- --article` (or BENCH_ONLY=article): the page and its references only.
const articleOnly = process.argv.includes("--article") || process.env.BENCH_ONLY === "article";
// `BENCH_ONLY=times` (or `-- --times`): the booking times page under load alone (bench/times-page.ts).
const timesOnly = process.argv.includes("--times") || process.env.BENCH_ONLY === "times";
// BENCH_ONLY=startup: start-up times and idle memory alone (bench/startup.ts).
const startupOnly = process.env.BENCH_ONLY === "startup";
const work = fs.mkdtempSync(path.join(os.tmpdir(), "haven-bench-"));

async function compressedSize(url: string): Promise<number> {
  const response = await fetch(url, { headers: { "accept-encoding": "br" } });
  const length = Number(response.headers.get("content-length"));
  return Number.isFinite(length) && length > 0 ? length : (await response.arrayBuffer()).byteLength;
}

/** The figures that need no page server: slots, the coach, booking under load, the mail backlog. */
async function bookingCoachAndMail(): Promise<void> {
  // Booking: slot computation for one therapist (60-day horizon, 300 bookings, 500 busy events), and
  // the booking transaction under contention and under sustained load (50 clients booking free times in
  // a loop) on PGlite and, with HAVEN_BENCH_PG_URL, PostgreSQL.
  const slots = benchmarkSlots();
  console.log(
    `Slot computation: median ${slots.medianMs.toFixed(2)} ms, p99 ${slots.p99Ms.toFixed(2)} ms over ${slots.runs} runs (${slots.slots} slots; goal median < 2 ms)`,
  );
  for (const line of coachLines()) console.log(line);
  const pgUrl = process.env.HAVEN_BENCH_PG_URL;
  if (!pgUrl)
    console.log(
      "Booking contention and throughput on PostgreSQL: skipped (set HAVEN_BENCH_PG_URL to a database the bench may use)",
    );
  for (const r of await benchmarkBookingContention(pgUrl)) {
    console.log(
      `Booking contention, ${r.database}, ${r.scenario}: ${r.requests} at once → ${r.booked} booked, ${r.taken} told "just taken", ${r.other} other, ${r.errors} errors; median ${r.medianMs.toFixed(1)} ms, p99 ${r.p99Ms.toFixed(1)} ms`,
    );
  }
  console.log(throughputTable(await benchmarkBookingThroughput(pgUrl, { seconds })));
  for (const line of mailDrainLines(await benchmarkMailDrain(pgUrl))) console.log(line);
}

/** The article page against its references, and its transfer size. */
async function articlePage(): Promise<void> {
  const base = await startHaven(path.join(work, "data"));
  const page = await capturePage(base, articlePath);
  // Transfer size as a browser sees it: brotli HTML plus the stylesheet it links (no JavaScript needed).
  const css = /href="(\/assets\/site\.[0-9a-f]+\.css)"/.exec(page.body.toString())?.[1] ?? "";
  const htmlBytes = await compressedSize(`${base}${articlePath}`);
  const cssBytes = await compressedSize(`${base}${css}`);

  for (const line of await benchmarkArticle(base, page, work, articleOptions(process.env))) console.log(line);
  const total = (htmlBytes + cssBytes) / 1024;
  console.log(
    `Transfer size (brotli): HTML ${(htmlBytes / 1024).toFixed(1)} KB + CSS ${(cssBytes / 1024).toFixed(1)} KB = ${total.toFixed(1)} KB (goal ≤ 40 KB); JavaScript needed: none`,
  );
  await stopServers();
}

try {
  if (!timesOnly && !startupOnly) await articlePage();
  if (!articleOnly && !startupOnly)
    for (const line of timesPageLines(await benchmarkTimesPage(work))) console.log(line);
  if (!articleOnly && !timesOnly && !startupOnly) await bookingCoachAndMail();
  // Last, on a machine the page load has left: starts and idle memory.
  if (!articleOnly && !timesOnly) {
    for (const line of await benchmarkStartup(process.env.HAVEN_BENCH_PG_URL)) console.log(line);
  }
} finally {
  await stopServers();
  spawnSync("rm", ["-rf", work]);
}
