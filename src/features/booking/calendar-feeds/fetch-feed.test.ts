import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer, type IncomingHttpHeaders, type Server, type ServerResponse } from "node:http";
import { createServer as createTlsServer, type Server as HttpsServer } from "node:https";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { type FetchFeedOptions, fetchFeed, pinnedLookup } from "./fetch-feed.ts";
import { calendarFeedMessages as messages } from "./messages.ts";

// A real HTTP server on 127.0.0.1. Loopback is exactly what the guard refuses, so these tests pass the
// test-only override that lets 127.0.0.1 (and nothing else) through; the last tests show that without it
// Haven never even connects.

const CALENDAR = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n";
const seen: Array<{ path: string; headers: IncomingHttpHeaders }> = [];
const held: ServerResponse[] = [];
let server: Server;
let base: string;
let port: number;
let connections = 0;

const routes: Record<string, (res: ServerResponse) => void> = {
  "/feed.ics": (res) => res.writeHead(200, { "content-type": "text/calendar" }).end(CALENDAR),
  "/gzip.ics": (res) => res.writeHead(200, { "content-encoding": "gzip" }).end(gzipSync(CALENDAR)),
  "/bomb.ics": (res) =>
    res.writeHead(200, { "content-encoding": "gzip" }).end(gzipSync(Buffer.alloc(8 << 20))),
  "/brotli.ics": (res) => res.writeHead(200, { "content-encoding": "br" }).end("x"),
  "/big.ics": (res) => res.writeHead(200, { "content-length": "2000" }).end("x".repeat(2000)),
  "/big-chunked.ics": (res) => {
    res.writeHead(200);
    for (let i = 0; i < 10; i++) res.write("y".repeat(500));
    res.end();
  },
  "/missing": (res) => res.writeHead(404).end("no"),
  "/broken": (res) => res.writeHead(500).end("oops"),
  "/slow": (res) => held.push(res), // never answers
  "/drip": (res) => {
    res.writeHead(200);
    res.write("BEGIN:VCALENDAR\r\n"); // and never finishes
    held.push(res);
  },
  "/to-feed": (res) => res.writeHead(302, { location: "/feed.ics" }).end(),
  "/to-private": (res) => res.writeHead(302, { location: "http://10.0.0.1/feed.ics" }).end(),
  "/to-ftp": (res) => res.writeHead(301, { location: "ftp://127.0.0.1/feed.ics" }).end(),
  "/to-nowhere": (res) => res.writeHead(307).end(),
  "/to-garbage": (res) => res.writeHead(302, { location: "http://[nonsense/" }).end(),
  "/loop": (res) => res.writeHead(302, { location: "/loop" }).end(),
  "/to-named-host": (res) =>
    res.writeHead(308, { location: `http://calendar.example:${port}/feed.ics` }).end(),
};

const loopbackForTests: FetchFeedOptions = { testOnlyAllowAddress: (address) => address === "127.0.0.1" };

beforeAll(async () => {
  server = createServer((req, res) => {
    seen.push({ path: req.url ?? "", headers: req.headers });
    (routes[req.url ?? ""] ?? ((r: ServerResponse) => r.writeHead(404).end()))(res);
  });
  server.on("connection", () => {
    connections += 1;
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
  base = `http://127.0.0.1:${port}`;
});

afterAll(async () => {
  for (const res of held) res.destroy();
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const requestsTo = (path: string) => seen.filter((request) => request.path === path).length;

describe("fetching a feed", () => {
  it("returns the calendar's text, asking plainly and sending no cookies", async () => {
    expect(await fetchFeed(`${base}/feed.ics`, loopbackForTests)).toEqual({ ok: true, text: CALENDAR });
    const request = seen.findLast((r) => r.path === "/feed.ics");
    expect(request?.headers["user-agent"]).toBe("Haven calendar import");
    expect(request?.headers.cookie).toBeUndefined();
    expect(request?.headers.authorization).toBeUndefined();
  });

  it("reads a gzip-compressed answer", async () => {
    expect(await fetchFeed(`${base}/gzip.ics`, loopbackForTests)).toEqual({ ok: true, text: CALENDAR });
  });

  it("refuses an encoding it did not ask for", async () => {
    expect(await fetchFeed(`${base}/brotli.ics`, loopbackForTests)).toEqual({
      ok: false,
      error: messages.unknownEncoding,
    });
  });

  it.each([
    ["/missing", "The calendar address answered 404 Not found."],
    ["/broken", "The calendar address answered 500 Internal server error."],
  ])("explains the status of %s", async (path, error) => {
    expect(await fetchFeed(`${base}${path}`, loopbackForTests)).toEqual({ ok: false, error });
  });

  it("reports that nobody answered when the port is closed", async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const closedPort = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    expect(await fetchFeed(`http://127.0.0.1:${closedPort}/`, loopbackForTests)).toEqual({
      ok: false,
      error: messages.couldNotConnect,
    });
  });
});

describe("limits", () => {
  it.each(["/slow", "/drip"])("gives up on %s after the timeout", async (path) => {
    const started = Date.now();
    const result = await fetchFeed(`${base}${path}`, { ...loopbackForTests, timeoutMs: 300 });
    expect(result).toEqual({ ok: false, error: messages.tooSlow });
    expect(Date.now() - started).toBeLessThan(3_000);
  });

  it.each(["/big.ics", "/big-chunked.ics"])("refuses %s, larger than the size limit", async (path) => {
    expect(await fetchFeed(`${base}${path}`, { ...loopbackForTests, maxBytes: 1000 })).toEqual({
      ok: false,
      error: "The calendar is too large for Haven to import (more than 1 KB).",
    });
  });

  it("counts the size after decompression, so a small zip bomb is refused", async () => {
    expect(await fetchFeed(`${base}/bomb.ics`, { ...loopbackForTests, maxBytes: 1 << 20 })).toEqual({
      ok: false,
      error: "The calendar is too large for Haven to import (more than 1 MB).",
    });
  });

  it("has a 5 MB limit and a 15-second timeout by default", async () => {
    const { fetchFeedDefaults } = await import("./fetch-feed.ts");
    expect(fetchFeedDefaults).toEqual({ timeoutMs: 15_000, maxBytes: 5 * 1024 * 1024, maxRedirects: 3 });
  });
});

describe("redirects", () => {
  it("follows a redirect to an allowed address", async () => {
    expect(await fetchFeed(`${base}/to-feed`, loopbackForTests)).toEqual({ ok: true, text: CALENDAR });
  });

  it("checks every redirect's target with the guard", async () => {
    expect(await fetchFeed(`${base}/to-private`, loopbackForTests)).toEqual({
      ok: false,
      error: messages.privateNetwork,
    });
    expect(await fetchFeed(`${base}/to-ftp`, loopbackForTests)).toEqual({
      ok: false,
      error: messages.unsupportedScheme,
    });
    expect(await fetchFeed(`${base}/to-nowhere`, loopbackForTests)).toEqual({
      ok: false,
      error: messages.redirectWithoutTarget,
    });
    expect(await fetchFeed(`${base}/to-garbage`, loopbackForTests)).toEqual({
      ok: false,
      error: messages.badRedirect,
    });
  });

  it("follows at most three", async () => {
    const before = requestsTo("/loop");
    expect(await fetchFeed(`${base}/loop`, loopbackForTests)).toEqual({
      ok: false,
      error: messages.tooManyRedirects,
    });
    expect(requestsTo("/loop") - before).toBe(4); // the first request and three redirects
  });

  it("resolves each name once and connects to that address, keeping the name in the Host header", async () => {
    // calendar.example exists in no DNS: reaching the server proves the connection used the vetted address.
    const resolve = vi.fn(async (host: string) => (host === "calendar.example" ? ["127.0.0.1"] : []));
    expect(await fetchFeed(`${base}/to-named-host`, { ...loopbackForTests, resolve })).toEqual({
      ok: true,
      text: CALENDAR,
    });
    expect(resolve.mock.calls).toEqual([["calendar.example"]]);
    expect(seen.at(-1)?.headers.host).toBe(`calendar.example:${port}`);
  });
});

describe("without the test-only override", () => {
  it("refuses the loopback address before any connection is made", async () => {
    const before = connections;
    expect(await fetchFeed(`${base}/feed.ics`)).toEqual({ ok: false, error: messages.privateNetwork });
    expect(await fetchFeed(`http://localhost:${port}/feed.ics`)).toEqual({
      ok: false,
      error: messages.privateNetwork,
    });
    expect(connections).toBe(before); // not even a TCP connection was opened
  });
});

describe("pinnedLookup", () => {
  const ask = (addresses: string[], options: { all?: boolean; family?: number }) =>
    new Promise<unknown[]>((resolve) =>
      pinnedLookup(addresses)("anything.example", options, (...args) => resolve(args)),
    );
  const both = ["203.0.113.5", "2001:db8::5"];

  it("answers only with the approved addresses, whatever name it is asked about", async () => {
    expect(await ask(both, { all: true })).toEqual([
      null,
      [
        { address: "203.0.113.5", family: 4 },
        { address: "2001:db8::5", family: 6 },
      ],
    ]);
    expect(await ask(both, { family: 6 })).toEqual([null, "2001:db8::5", 6]);
    expect((await ask(["203.0.113.5"], { family: 6 }))[0]).toMatchObject({ code: "ENOTFOUND" });
  });
});

// HTTPS: a throwaway self-signed certificate (made with openssl when it is installed) shows that TLS is
// offered the original host name (SNI) although the connection goes to the vetted address, and that an
// untrusted certificate is refused with a plain explanation.
const hasOpenssl = (() => {
  try {
    execFileSync("openssl", ["version"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
})();

describe.skipIf(!hasOpenssl)("https", () => {
  let tlsServer: HttpsServer;
  let tlsPort: number;
  let directory: string;
  const serverNames: string[] = [];

  beforeAll(async () => {
    directory = mkdtempSync(join(tmpdir(), "haven-feed-tls-"));
    const key = join(directory, "key.pem");
    const cert = join(directory, "cert.pem");
    const subject = ["-subj", "/CN=calendar.example", "-days", "1", "-nodes", "-keyout", key, "-out", cert];
    execFileSync(
      "openssl",
      ["req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", ...subject],
      {
        stdio: "ignore",
      },
    );
    tlsServer = createTlsServer(
      {
        key: readFileSync(key),
        cert: readFileSync(cert),
        // Called with the name the client asked for in its hello, before any certificate is checked.
        SNICallback: (name, done) => {
          serverNames.push(name);
          done(null, undefined);
        },
      },
      (_req, res) => res.end(CALENDAR),
    );
    tlsServer.on("tlsClientError", () => {}); // the client hangs up on the untrusted certificate
    await new Promise<void>((resolve) => tlsServer.listen(0, "127.0.0.1", resolve));
    tlsPort = (tlsServer.address() as AddressInfo).port;
  });

  afterAll(async () => {
    tlsServer.closeAllConnections();
    await new Promise((resolve) => tlsServer.close(resolve));
    rmSync(directory, { recursive: true, force: true });
  });

  it("offers the original host name for TLS, and refuses a certificate it cannot verify", async () => {
    const resolve = async () => ["127.0.0.1"];
    const result = await fetchFeed(`https://calendar.example:${tlsPort}/cal.ics`, {
      ...loopbackForTests,
      resolve,
    });
    expect(result).toEqual({ ok: false, error: messages.certificateProblem });
    expect(serverNames).toEqual(["calendar.example"]);
  });
});
