// The article page under load against two references measured in the same run: a bare Fastify server
// sending the same bytes and headers (the ceiling for our stack) and nginx serving them (the physical
// one). Rounds alternate between the servers, so a noisy neighbour on the shared cores touches all three;
// the figures are medians over the rounds, and the ratios are what to read.
import os from "node:os";
import { type CapturedPage, capturePage, serverPid, startBareFastify, startNginx } from "./bench-servers.ts";
import { type LoadResult, load, loadGeneratorName, median, wrkPath } from "./load-generator.ts";
import { treeCpuMs } from "./process-cpu.ts";

export type ArticleOptions = { connections: number; seconds: number; rounds: number; warmUpSeconds: number };

export function articleOptions(env: NodeJS.ProcessEnv): ArticleOptions {
  return {
    connections: Number(env.BENCH_CONNECTIONS ?? 32),
    seconds: Number(env.BENCH_ARTICLE_SECONDS ?? 5),
    rounds: Number(env.BENCH_ROUNDS ?? 5),
    warmUpSeconds: 2,
  };
}

/** One server's rounds: what the client saw, and the server's own CPU time per request (µs) in each. */
type Server = { name: string; url: string; results: LoadResult[]; cpuUs: number[] };

const summary = (results: LoadResult[]) => ({
  rps: median(results.map((r) => r.rps)),
  p50: median(results.map((r) => r.p50)),
  p99: median(results.map((r) => r.p99)),
  errors: results.reduce((sum, r) => sum + r.errors, 0),
});

function ratioLine(haven: Server, reference: Server, goal: string): string {
  const perRound = haven.results.map((r, i) => r.rps / (reference.results[i]?.rps ?? Number.NaN));
  const low = Math.min(...perRound).toFixed(2);
  const high = Math.max(...perRound).toFixed(2);
  const ratio = summary(haven.results).rps / summary(reference.results).rps;
  return `Haven / ${reference.name}: ${ratio.toFixed(2)} of its requests/s (rounds ${low}–${high}; ${goal})`;
}

/** Headers each server writes its own way (nginx its own ETag and Server), left out of the comparison. */
const ownWay = new Set(["etag", "last-modified", "accept-ranges", "server"]);

/** A reference that sent other bytes or other headers would not be a reference: say so, loudly. */
async function sameAnswer(server: Server, page: CapturedPage): Promise<string | undefined> {
  const url = new URL(server.url);
  const got = await capturePage(url.origin, url.pathname);
  const names = (headers: Record<string, string>) =>
    Object.entries(headers)
      .filter(([name]) => !ownWay.has(name))
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([name, value]) => `${name}: ${value}`);
  const differ = names(got.headers).join("\n") !== names(page.headers).join("\n");
  if (got.body.equals(page.body) && !differ) return undefined;
  return `WARNING: ${server.name} does not send the same ${differ ? "headers" : "bytes"} as Haven:\n${names(got.headers).join("\n")}`;
}

/** Measures Haven's page against the references; returns the lines to print. */
export async function benchmarkArticle(
  havenBase: string,
  page: CapturedPage,
  work: string,
  options: ArticleOptions,
): Promise<string[]> {
  const lines: string[] = [];
  if (!wrkPath)
    lines.push(
      "WARNING: autocannon is used (wrk is not installed: apt-get install wrk; or BENCH_CLIENT=autocannon), and its figure is capped by the client " +
        "(a Node process on the same cores, near 25,000 requests/s here), so every ratio against nginx is flattered.",
    );
  const servers: Server[] = [
    { name: "Haven", url: `${havenBase}${page.path}`, results: [], cpuUs: [] },
    { name: "bare Fastify", url: await startBareFastify(work, page), results: [], cpuUs: [] },
  ];
  const nginxUrl = await startNginx(work, page);
  if (nginxUrl) servers.push({ name: "nginx", url: nginxUrl, results: [], cpuUs: [] });
  else lines.push("nginx: not installed (apt-get install nginx-light): no physical reference in this run");

  for (const server of servers.slice(1)) {
    const problem = await sameAnswer(server, page);
    if (problem) lines.push(problem);
  }
  for (const server of servers) await load(server.url, options.connections, options.warmUpSeconds);
  for (let round = 0; round < options.rounds; round++) {
    // Each round starts with the next server, so none is always first after a pause.
    for (let i = 0; i < servers.length; i++) {
      const server = servers[(round + i) % servers.length] as Server;
      const pid = serverPid(server.url);
      const cpuBefore = pid ? treeCpuMs(pid) : Number.NaN;
      const result = await load(server.url, options.connections, options.seconds);
      server.results.push(result);
      const cpuMs = pid ? treeCpuMs(pid) - cpuBefore : Number.NaN;
      server.cpuUs.push((cpuMs * 1000) / (result.rps * options.seconds));
    }
  }

  lines.unshift(
    `Article page ${page.path}: ${loadGeneratorName()}${wrkPath ? " -t1" : ""}, ${options.connections} connections, ` +
      `${options.rounds} alternating rounds of ${options.seconds} s (medians), plain HTML (${page.body.length} bytes, ` +
      `${Object.keys(page.headers).length} headers, the same from every server)`,
  );
  for (const server of servers) {
    const s = summary(server.results);
    lines.push(
      `  ${server.name.padEnd(12)} ${s.rps.toFixed(0).padStart(7)} req/s  p50 ${s.p50.toFixed(2)} ms  p99 ${s.p99.toFixed(2)} ms  errors ${s.errors}` +
        `  server CPU ${median(server.cpuUs).toFixed(1)} µs a request`,
    );
  }
  const [haven, bare, nginx] = servers as [Server, Server, Server | undefined];
  lines.push(ratioLine(haven, bare, "goal ≥ 0.70"));
  if (nginx) lines.push(ratioLine(haven, nginx, "goal ≥ 0.20"));
  // The same comparison by the CPU each request costs the server: requests/s on a free core, which the
  // neighbours' load moves least (bench/process-cpu.ts).
  lines.push(
    `By server CPU a request: Haven does ${(median(bare.cpuUs) / median(haven.cpuUs)).toFixed(2)} of bare Fastify's requests a CPU-second` +
      (nginx ? `, ${(median(nginx.cpuUs) / median(haven.cpuUs)).toFixed(2)} of nginx's` : "") +
      `; load average ${os
        .loadavg()
        .map((n) => n.toFixed(2))
        .join(" ")}`,
  );
  return lines;
}
