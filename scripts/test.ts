// `npm test`: typecheck, lint, unit tests, the database tests on PGlite and then on PostgreSQL,
// and the browser tests. A lane that cannot run says why; with CI=true a missing lane fails the run.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";

type Outcome = {
  lane: string;
  result: "passed" | "failed" | "skipped";
  reason?: string;
  /** A lane this machine may lack without failing CI (it says why it was skipped). */
  optional?: boolean;
};

const ci = process.env.CI === "true" || process.env.CI === "1";
const outcomes: Outcome[] = [];
const chromiumPath = process.env.HAVEN_CHROMIUM ?? "/usr/bin/chromium";

function run(lane: string, command: string, args: string[], env: Record<string, string> = {}): void {
  console.log(`\n── ${lane} ──`);
  const result = spawnSync(command, args, { stdio: "inherit", env: { ...process.env, ...env } });
  outcomes.push({ lane, result: result.status === 0 ? "passed" : "failed" });
}

function skip(lane: string, reason: string, optional = false): void {
  console.log(`\n── ${lane} ── skipped: ${reason}`);
  outcomes.push({ lane, result: "skipped", reason, optional });
}

/**
 * The systemd unit the README offers, checked by `systemd-analyze verify` (a warning, such as an unknown
 * key, fails it too). The node it runs is this machine's, so the check does not depend on where node is.
 */
function checkSystemdUnit(): void {
  const lane = "systemd unit";
  const unit = "deploy/systemd/haven.service";
  if (spawnSync("systemd-analyze", ["--version"]).status !== 0) {
    skip(lane, "systemd-analyze is not installed here (it comes with systemd)", true);
    return;
  }
  console.log(`\n── ${lane} ──`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "haven-unit-"));
  try {
    const copy = path.join(dir, "haven.service");
    fs.writeFileSync(copy, fs.readFileSync(unit, "utf8").replaceAll("/usr/bin/node", process.execPath));
    const result = spawnSync("systemd-analyze", ["verify", copy], { encoding: "utf8" });
    const said = `${result.stdout}${result.stderr}`.trim();
    if (said) console.log(said);
    outcomes.push({ lane, result: result.status === 0 && said === "" ? "passed" : "failed" });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function postgresReachable(url: string): Promise<string | undefined> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query("select 1");
    return undefined;
  } catch (error) {
    return (error as Error).message;
  } finally {
    await client.end().catch(() => {});
  }
}

// Vitest's default is one worker fewer than the cores: one on a two-core machine, which leaves a core idle
// while a database test waits on its database or a process it started. Two at least: measured on two cores,
// the PGlite lane took 261 s with two workers (175 % CPU) against 407 s with one, PostgreSQL 177 s against
// 353 s. The browser lane runs its files one at a time whatever this says (vitest.config.ts): with two at
// once it took 377 s against 465 s, but with both cores full, each file ran 1.6 times slower, and a browser
// test that waits on a page is the kind that then fails now and again.
const workers = Math.max(2, os.availableParallelism() - 1);
const vitest = ["vitest", "run", `--maxWorkers=${workers}`, "--project"];

run("typecheck", "npx", ["tsc", "--noEmit"]);
run("lint", "npx", ["biome", "check", "."]);
run("unit tests", "npx", [...vitest, "unit"]);
checkSystemdUnit();
run("database tests on PGlite", "npx", [...vitest, "db"], { HAVEN_TEST_DB: "pglite" });

const pgUrl = process.env.HAVEN_TEST_PG_URL;
if (!pgUrl) {
  skip("database tests on PostgreSQL", "HAVEN_TEST_PG_URL is not set (point it at a database tests may use)");
} else {
  const problem = await postgresReachable(pgUrl);
  if (problem) skip("database tests on PostgreSQL", `cannot reach HAVEN_TEST_PG_URL: ${problem}`);
  else run("database tests on PostgreSQL", "npx", [...vitest, "db"], { HAVEN_TEST_DB: "postgres" });
}

if (!fs.existsSync(chromiumPath)) {
  skip("browser tests", `no Chromium at ${chromiumPath} (apt-get install chromium, or set HAVEN_CHROMIUM)`);
} else {
  run("browser tests", "npx", [...vitest, "e2e"], { HAVEN_CHROMIUM: chromiumPath });
}

console.log("\n── summary ──");
for (const o of outcomes) console.log(`${o.result.padEnd(8)} ${o.lane}${o.reason ? ` — ${o.reason}` : ""}`);
const failed = outcomes.filter((o) => o.result === "failed");
const skipped = outcomes.filter((o) => o.result === "skipped" && !o.optional);
if (ci && skipped.length > 0) console.log("CI=true: every lane must run, so a skipped lane fails the run.");
const passed = outcomes.filter((o) => o.result === "passed").length;
const optional = outcomes.filter((o) => o.result === "skipped" && o.optional).length;
console.log(
  `lanes: ${passed} passed, ${failed.length} failed, ${skipped.length} skipped${optional ? ` (and ${optional} optional lane skipped)` : ""}`,
);
process.exit(failed.length > 0 || (ci && skipped.length > 0) ? 1 : 0);
