// `npm run lighthouse`: Haven started the way `npm start` starts it, on a fresh data dir, then Lighthouse's
// mobile audit (its default: a small phone, simulated slow network and CPU) of the public pages a visitor
// meets first, with Debian's Chromium and nothing from the network. Prints the four category scores per page
// and exits non-zero when any is below 100. A script, not a test lane: one run takes minutes on two cores
// (record 066).
import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import lighthouse from "lighthouse";
import { chromiumArgs, chromiumPath } from "../test/e2e/support/browser.ts";
import { childEnv } from "../test/support/child-env.ts";

const root = path.resolve(import.meta.dirname, "..");
const pages = process.env.LIGHTHOUSE_PAGES?.split(",") ?? [
  "/",
  "/articles/what-is-an-attachment-injury",
  "/book",
  "/self-check",
  "/help-now",
];
const categories = ["performance", "accessibility", "best-practices", "seo"] as const;

/** Starts a process and resolves with the first match of `pattern` in its output (stdout or stderr). */
function startAndWaitFor(
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  pattern: RegExp,
): Promise<{ child: ChildProcess; match: RegExpExecArray }> {
  const child = spawn(command, args, { cwd: root, env, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  return new Promise((resolve, reject) => {
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const match = pattern.exec(output);
      if (match) resolve({ child, match });
    };
    child.stdout?.on("data", read);
    child.stderr?.on("data", read);
    child.on("exit", (code) =>
      reject(new Error(`${command} exited (${code}) before it was ready:\n${output}`)),
    );
  });
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.on("exit", () => resolve());
    child.kill("SIGTERM");
  });
}

const work = fs.mkdtempSync(path.join(os.tmpdir(), "haven-lighthouse-"));
const running: ChildProcess[] = [];
let failed = false;
try {
  const haven = await startAndWaitFor(
    process.execPath,
    ["--import", "tsx", path.join(root, "src", "main.ts"), "start"],
    childEnv({ PORT: "0", HAVEN_DATA_DIR: path.join(work, "data"), LOG_LEVEL: "info", HAVEN_DEMO: "1" }),
    /Haven is ready at (http:\/\/\S+?)\/? /,
  );
  running.push(haven.child);
  const baseUrl = haven.match[1] ?? "";
  // Chromium on a port Lighthouse can reach; its own profile, so no one's browser state colours the scores.
  const chromium = await startAndWaitFor(
    chromiumPath,
    [...chromiumArgs, "--remote-debugging-port=0", `--user-data-dir=${path.join(work, "profile")}`],
    process.env,
    /DevTools listening on ws:\/\/[^:]+:(\d+)\//,
  );
  running.push(chromium.child);
  const port = Number(chromium.match[1]);

  console.log(`Lighthouse ${lighthouseVersion()} (mobile) on ${baseUrl}, Chromium at ${chromiumPath}`);
  console.log(["page".padEnd(44), ...categories.map((name) => name.padStart(15))].join(""));
  for (const page of pages) {
    const result = await lighthouse(`${baseUrl}${page}`, {
      port,
      output: "json",
      logLevel: "error",
      onlyCategories: [...categories],
    });
    if (!result) throw new Error(`Lighthouse returned nothing for ${page}`);
    const { lhr } = result;
    const scores = categories.map((name) => Math.round((lhr.categories[name]?.score ?? 0) * 100));
    console.log([page.padEnd(44), ...scores.map((score) => String(score).padStart(15))].join(""));
    if (scores.some((score) => score < 100)) {
      failed = true;
      // What cost the points, so the cause can be found without opening a report.
      for (const name of categories) {
        const category = lhr.categories[name];
        if (!category || (category.score ?? 0) >= 1) continue;
        for (const ref of category.auditRefs) {
          const audit = lhr.audits[ref.id];
          if (ref.weight > 0 && audit && audit.score !== null && audit.score < 1) {
            const why = audit.explanation ? `: ${audit.explanation}` : "";
            console.log(`    ${name}: ${audit.id} (score ${audit.score}) ${audit.title}${why}`);
          }
        }
      }
    }
  }
} finally {
  for (const child of running.reverse()) await stop(child);
  fs.rmSync(work, { recursive: true, force: true });
}
if (failed) {
  console.log("Some scores are below 100.");
  process.exitCode = 1;
}

function lighthouseVersion(): string {
  const manifest = path.join(root, "node_modules", "lighthouse", "package.json");
  return (JSON.parse(fs.readFileSync(manifest, "utf8")) as { version: string }).version;
}
