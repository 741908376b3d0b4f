import http from "node:http";
import type { AddressInfo } from "node:net";
import Fastify from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { capturingLogger } from "../../../test/support/log-capture.ts";
import { createTestApp, type TestApp } from "../../../test/support/test-app.ts";

// A held page is answered before Fastify (record 073). These tests ask a listening Haven for the same
// page twice: once with no cookie (answered from the held page) and once with a cookie that means
// nothing to Haven (answered by the route, through every hook). The two answers must be the same.

type Answer = { status: number; headers: Record<string, string>; body: Buffer };

const logs = capturingLogger();
let t: TestApp;
let port: number;
beforeAll(async () => {
  t = await createTestApp({ logger: logs.logger, env: { HAVEN_PUBLIC_URL: "https://haven.example.org" } });
  await t.app.listen({ port: 0, host: "127.0.0.1" });
  port = (t.app.server.address() as AddressInfo).port;
});
afterAll(() => t.close());

function ask(path: string, headers: Record<string, string> = {}, method = "GET"): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const request = http.request({ host: "127.0.0.1", port, path, method, headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () => {
        const kept: Record<string, string> = {};
        for (const [name, value] of Object.entries(response.headers)) {
          // The date is the only header that may differ between two answers a moment apart.
          if (name !== "date" && value !== undefined) kept[name] = String(value);
        }
        resolve({ status: response.statusCode ?? 0, headers: kept, body: Buffer.concat(chunks) });
      });
    });
    request.on("error", reject);
    request.end();
  });
}

/** Request-log lines written since `logs.clear()`, as objects. */
const lines = () =>
  logs
    .text()
    .split("\n")
    .filter((line) => line.includes('"msg":"request"'))
    .map((line) => JSON.parse(line) as { reqId: string; route: string; status: number; method: string });

/** Asks once with no cookie and once through the route, and says which way each was answered. */
async function bothWays(path: string, headers: Record<string, string> = {}, method = "GET") {
  logs.clear();
  const held = await ask(path, headers, method);
  const routed = await ask(path, { ...headers, cookie: "unrelated=1" }, method);
  const [heldLine, routedLine] = lines();
  return { held, routed, heldLine, routedLine };
}

const pages = ["/articles/the-three-cycles", "/", "/privacy", "/accessibility"];

describe("held public pages, answered before Fastify", () => {
  beforeAll(async () => {
    // The first request for each page renders it and holds it.
    for (const page of pages) expect((await ask(page)).status).toBe(200);
  });

  it.each(pages)("%s: the same status, headers and bytes as the route's, in each encoding", async (page) => {
    for (const encoding of ["br", "gzip", "", "gzip, deflate, br"]) {
      const { held, routed, heldLine, routedLine } = await bothWays(page, { "accept-encoding": encoding });
      expect(heldLine?.reqId).toMatch(/^held-/);
      expect(routedLine?.reqId).not.toMatch(/^held-/);
      expect(held.status).toBe(200);
      expect(held.headers).toEqual(routed.headers);
      expect(held.body.equals(routed.body)).toBe(true);
    }
  });

  it("carries every security header and the page's caching headers", async () => {
    const { held } = await bothWays("/articles/the-three-cycles", { "accept-encoding": "br" });
    expect(held.headers).toMatchObject({
      "content-type": "text/html; charset=utf-8",
      "content-encoding": "br",
      "cache-control": "public, max-age=300, stale-while-revalidate=86400",
      vary: "accept-encoding",
      "strict-transport-security": "max-age=63072000; includeSubDomains",
      "x-content-type-options": "nosniff",
      "cross-origin-opener-policy": "same-origin",
    });
    expect(held.headers["content-security-policy"]).toContain("frame-ancestors 'none'");
    expect(held.headers.etag).toMatch(/^"/);
  });

  it("answers a HEAD with the GET's headers and no body, and a browser that has the page with 304", async () => {
    const head = await bothWays("/articles/the-three-cycles", { "accept-encoding": "gzip" }, "HEAD");
    expect(head.heldLine?.reqId).toMatch(/^held-/);
    expect(head.held.headers).toEqual(head.routed.headers);
    expect(head.held.body.length).toBe(0);
    expect(Number(head.held.headers["content-length"])).toBeGreaterThan(0);

    const etag = head.held.headers.etag as string;
    for (const ifNoneMatch of [etag, `W/${etag}`, `"other", ${etag}`]) {
      const fresh = await bothWays("/articles/the-three-cycles", { "if-none-match": ifNoneMatch });
      expect(fresh.heldLine?.reqId).toMatch(/^held-/);
      expect(fresh.held.status).toBe(304);
      expect(fresh.held.headers).toEqual(fresh.routed.headers);
      expect(fresh.held.body.length).toBe(0);
    }
    const changed = await bothWays("/articles/the-three-cycles", { "if-none-match": '"other"' });
    expect(changed.held.status).toBe(200);
  });

  it("writes the route's request-log line, with the pattern and never the address", async () => {
    const { heldLine, routedLine } = await bothWays("/articles/the-three-cycles");
    expect(heldLine).toMatchObject({ method: "GET", route: "/articles/:slug", status: 200 });
    expect(routedLine).toMatchObject({ method: "GET", route: "/articles/:slug", status: 200 });
    expect(logs.text()).not.toContain("the-three-cycles");
  });

  it.each([
    ["with a query", "/articles/the-three-cycles?ref=mail", "GET"],
    ["with a slash at the end", "/articles/the-three-cycles/", "GET"],
    ["in capitals", "/Articles/the-three-cycles", "GET"],
    ["not an article", "/articles/no-such-article", "GET"],
    ["a post", "/articles/the-three-cycles", "POST"],
    ["a page not held", "/articles", "GET"],
  ])("leaves an address %s to Fastify", async (_case, path, method) => {
    logs.clear();
    await ask(path, {}, method);
    const [line] = lines();
    expect(line?.reqId).toMatch(/^req-/);
  });

  it("leaves a request with any cookie to Fastify, so a signed-in visitor's session is seen", async () => {
    logs.clear();
    await ask("/articles/the-three-cycles", { cookie: "haven-session=whatever" });
    expect(lines()[0]?.reqId).toMatch(/^req-/);
  });

  it("skips only hooks that do nothing for such a request: a new one must be weighed here (record 073)", () => {
    // The hooks every held address's route runs, as Fastify lists them. A hook added to every route shows
    // here: decide whether a held answer needs what it does (and add that to HeldPages), then list it.
    const routes = t.app.printRoutes({ includeHooks: true, commonPrefix: false });
    const home = routes.slice(routes.indexOf("/ (GET)"), routes.indexOf("/ (HEAD)"));
    expect(
      home
        .trim()
        .split("\n")
        .slice(1)
        .map((line) => line.replace(/^[\s│]*/, "")),
    ).toEqual([
      '• (onRequest) ["copySecurityHeaders()","fastifyCookieHandler()","readSessionCookie()"]',
      '• (preHandler) ["enforceRouteAccess()","checkCrisisWords()","refusePausedClientPosts()"]',
      '• (onSend) ["fastifyCookieOnSendHandler()"]',
      '• (onResponse) ["writeRequestLine()"]',
    ]);
  });

  it("listens as Fastify's own server would: its keep-alive and request timeouts", async () => {
    const plain = Fastify();
    try {
      expect(t.app.server.keepAliveTimeout).toBe(plain.server.keepAliveTimeout);
      expect(t.app.server.requestTimeout).toBe(plain.server.requestTimeout);
      expect(t.app.server.timeout).toBe(plain.server.timeout);
      expect(t.app.server.maxRequestsPerSocket).toBe(plain.server.maxRequestsPerSocket);
    } finally {
      await plain.close();
    }
  });
});
