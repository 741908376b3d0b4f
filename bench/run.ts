// `npm run bench`: an article page under load, against nginx serving the same bytes as a static
// file in the same run. Figures to read, not a timed test: these machines are noisy, so the ratio
// measured side by side is what counts.
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import { benchmarkSlots } from "../src/features/booking/compute-slots.bench.ts";
import { childEnv } from "../test/support/child-env.ts";
import { benchmarkBookingContention } from "./booking-contention.ts";
import { benchmarkBookingThroughput, throughputTable } from "./booking-throughput.ts";
import { coachLines } from "./coach.ts";
import { benchmarkMailDrain, mailDrainLines } from "./mail-drain.ts";

const articlePath = "/articles/the-three-cycles";
const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 50);
const root = path.resolve(import.meta.dirname, "..");
const work = fs.mkdtempSync(path.join(os.tmpdir(), "haven-bench-"));
const children: ChildProcess[] = [];

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer().listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject()));
    });
  });
}

async function waitFor(url: string): Promise<void> {
  for (let i = 0; i < 300; i++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${url} never answered`);
}

async function load(url: string) {
  await autocannon({ url, connections, duration: 2 }); // warm-up
  const result = await autocannon({ url, connections, duration: seconds });
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.non2xx,
  };
}

async function startHaven(): Promise<string> {
  const port = await freePort();
  const child = spawn(
    path.join(root, "node_modules", ".bin", "tsx"),
    [path.join(root, "src", "main.ts"), "start"],
    {
      env: childEnv({
        PORT: String(port),
        HAVEN_DATA_DIR: path.join(work, "data"),
        HAVEN_DEMO: "1",
        LOG_LEVEL: "warn",
      }),
      stdio: "inherit",
    },
  );
  children.push(child);
  const base = `http://127.0.0.1:${port}`;
  await waitFor(`${base}/`);
  return base;
}

async function startNginx(html: Buffer): Promise<string | undefined> {
  const nginx = ["/usr/sbin/nginx", "/usr/bin/nginx"].find((p) => fs.existsSync(p));
  if (!nginx) return undefined;
  const port = await freePort();
  // nginx workers run as an unprivileged user: the folder must be readable by them.
  fs.chmodSync(work, 0o755);
  fs.mkdirSync(path.join(work, "www"), { recursive: true, mode: 0o755 });
  fs.writeFileSync(path.join(work, "www", "article.html"), html);
  const conf = path.join(work, "nginx.conf");
  fs.writeFileSync(
    conf,
    `worker_processes 1; daemon off; pid ${work}/nginx.pid; error_log ${work}/nginx-error.log;
events { worker_connections 1024; }
http { access_log off; server { listen 127.0.0.1:${port}; root ${work}/www;
  location / { default_type text/html; } } }
`,
  );
  const child = spawn(nginx, ["-c", conf, "-p", work], { stdio: "inherit" });
  children.push(child);
  const base = `http://127.0.0.1:${port}`;
  await waitFor(`${base}/article.html`);
  return `${base}/article.html`;
}

async function compressedSize(url: string): Promise<number> {
  const response = await fetch(url, { headers: { "accept-encoding": "br" } });
  const length = Number(response.headers.get("content-length"));
  return Number.isFinite(length) && length > 0 ? length : (await response.arrayBuffer()).byteLength;
}

try {
  const base = await startHaven();
  const html = Buffer.from(await (await fetch(`${base}${articlePath}`)).arrayBuffer());
  // Transfer size as a browser sees it: brotli HTML plus the stylesheet it links (no JavaScript needed).
  const css = /href="(\/assets\/site\.[0-9a-f]+\.css)"/.exec(html.toString())?.[1] ?? "";
  const htmlBytes = await compressedSize(`${base}${articlePath}`);
  const cssBytes = await compressedSize(`${base}${css}`);

  console.log(
    `Article page ${articlePath}: ${connections} connections, ${seconds} s, plain HTML (${html.length} bytes)`,
  );
  const haven = await load(`${base}${articlePath}`);
  console.log(
    `Haven  ${haven.rps.toFixed(0)} req/s  p50 ${haven.p50} ms  p99 ${haven.p99} ms  errors ${haven.errors}`,
  );

  const nginxUrl = await startNginx(html);
  if (nginxUrl) {
    const ref = await load(nginxUrl);
    console.log(
      `nginx  ${ref.rps.toFixed(0)} req/s  p50 ${ref.p50} ms  p99 ${ref.p99} ms  errors ${ref.errors}`,
    );
    console.log(`Haven / nginx throughput: ${((haven.rps / ref.rps) * 100).toFixed(0)} % (goal ≥ 70 %)`);
  } else {
    console.log("nginx: not installed (apt-get install nginx-light) — no reference in this run");
  }
  const total = (htmlBytes + cssBytes) / 1024;
  console.log(
    `Transfer size (brotli): HTML ${(htmlBytes / 1024).toFixed(1)} KB + CSS ${(cssBytes / 1024).toFixed(1)} KB = ${total.toFixed(1)} KB (goal ≤ 40 KB); JavaScript needed: none`,
  );

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
} finally {
  for (const child of children) child.kill("SIGTERM");
  await new Promise((r) => setTimeout(r, 500));
  spawnSync("rm", ["-rf", work]);
}
