// The servers the page benchmark loads, each in its own process on a free loopback port: Haven (as `npm
// start` runs it) on a fresh embedded database with the demo practice, a bare Fastify server, and nginx (one
// worker, a temporary configuration and prefix), all stopped by stopServers().
import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { childEnv } from "../test/support/child-env.ts";

const root = path.resolve(import.meta.dirname, "..");
const tsx = path.join(root, "node_modules", ".bin", "tsx");
const children: ChildProcess[] = [];
/** The process serving each base URL, so a benchmark can read its CPU time (bench/process-cpu.ts). */
const pids = new Map<string, number>();

/** The pid of the process started for `url` (its origin), if this module started it. */
export function serverPid(url: string): number | undefined {
  return pids.get(new URL(url).origin);
}

function started(child: ChildProcess, origin: string): void {
  children.push(child);
  if (child.pid) pids.set(origin, child.pid);
}

/** A page as a client without Accept-Encoding gets it (what wrk asks for): status, headers and bytes. */
export type CapturedPage = { path: string; headers: Record<string, string>; body: Buffer };

/** Headers about this one answer or connection, which every server writes for itself. */
const perAnswer = new Set(["date", "connection", "keep-alive", "content-length", "transfer-encoding"]);

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer().listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject()));
    });
  });
}

export async function waitFor(url: string): Promise<void> {
  for (let i = 0; i < 300; i++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${url} never answered`);
}

/** GET without Accept-Encoding (fetch would ask for gzip and decompress): the bytes wrk receives. */
export async function capturePage(base: string, pagePath: string): Promise<CapturedPage> {
  const response = await fetch(`${base}${pagePath}`, { headers: { "accept-encoding": "identity" } });
  if (!response.ok) throw new Error(`${pagePath} answered ${response.status}`);
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    if (!perAnswer.has(name)) headers[name] = value;
  });
  if (headers["content-encoding"]) throw new Error(`${pagePath} came compressed without being asked`);
  return { path: pagePath, headers, body: Buffer.from(await response.arrayBuffer()) };
}

export async function startHaven(dataDir: string): Promise<string> {
  const port = await freePort();
  const env = childEnv({ PORT: String(port), HAVEN_DATA_DIR: dataDir, HAVEN_DEMO: "1", LOG_LEVEL: "warn" });
  const base = `http://127.0.0.1:${port}`;
  // As `npm start` runs it: the built server (record 069).
  const launcher = path.join(root, "scripts", "start.mjs");
  started(spawn(process.execPath, [launcher, "start"], { env, cwd: root, stdio: "inherit" }), base);
  await waitFor(`${base}/`);
  return base;
}

/** A bare Fastify process sending the captured bytes and headers. */
export async function startBareFastify(work: string, page: CapturedPage): Promise<string> {
  const port = await freePort();
  const file = path.join(work, "bare-page.json");
  fs.writeFileSync(
    file,
    JSON.stringify({ ...page, body: undefined, bodyBase64: page.body.toString("base64") }),
  );
  const script = path.join(root, "bench", "bare-fastify.ts");
  started(
    spawn(tsx, [script, String(port), file], { env: childEnv({}), stdio: "inherit" }),
    `http://127.0.0.1:${port}`,
  );
  const url = `http://127.0.0.1:${port}${page.path}`;
  await waitFor(url);
  return url;
}

const nginxQuote = (value: string) => `"${value.replace(/["\\$]/g, (c) => `\\${c}`)}"`;

/** nginx serving the captured bytes as a static file with the same headers, if it is installed. */
export async function startNginx(work: string, page: CapturedPage): Promise<string | undefined> {
  const nginx = ["/usr/sbin/nginx", "/usr/bin/nginx"].find((p) => fs.existsSync(p));
  if (!nginx) return undefined;
  const port = await freePort();
  // nginx workers run as an unprivileged user: the folder must be readable by them.
  fs.chmodSync(work, 0o755);
  fs.mkdirSync(path.join(work, "www"), { recursive: true, mode: 0o755 });
  fs.writeFileSync(path.join(work, "www", "page.html"), page.body);
  // nginx writes its own Content-Type, ETag and Last-Modified; every other header is added as Haven sent it.
  const added = Object.entries(page.headers)
    .filter(([name]) => !["content-type", "etag", "last-modified"].includes(name))
    .map(([name, value]) => `add_header ${name} ${nginxQuote(value)} always;`)
    .join("\n    ");
  const conf = path.join(work, "nginx.conf");
  fs.writeFileSync(
    conf,
    `worker_processes 1; daemon off; pid ${work}/nginx.pid; error_log ${work}/nginx-error.log;
events { worker_connections 1024; }
http { access_log off; client_body_temp_path ${work}/tmp; proxy_temp_path ${work}/tmp;
  fastcgi_temp_path ${work}/tmp; uwsgi_temp_path ${work}/tmp; scgi_temp_path ${work}/tmp;
  server { listen 127.0.0.1:${port}; root ${work}/www;
    location = ${page.path} { types { } default_type ${nginxQuote(page.headers["content-type"] ?? "text/html")};
    ${added}
    try_files /page.html =404; } } }
`,
  );
  started(spawn(nginx, ["-c", conf, "-p", work], { stdio: "inherit" }), `http://127.0.0.1:${port}`);
  const url = `http://127.0.0.1:${port}${page.path}`;
  await waitFor(url);
  return url;
}

export async function stopServers(): Promise<void> {
  for (const child of children) child.kill("SIGTERM");
  await new Promise((r) => setTimeout(r, 500));
}
