import type { AddressInfo } from "node:net";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { HeldPages } from "./held-pages.ts";
import { PageCache } from "./page-cache.ts";

// The held pages in front of a stand-in for Fastify that answers "routed": which of the two answers shows
// when a page is held, when the cache lets it go, and once the server is closing.
const cache = new PageCache();
const held = new HeldPages(cache, { "x-content-type-options": "nosniff" }, pino({ level: "silent" }));
held.add({ route: "/articles/:slug", matches: (url) => /^\/articles\/[a-z-]+$/.test(url) });
const server = held.serverFactory(
  (_request, response) => {
    response.writeHead(200, { "content-type": "text/plain" });
    response.end("routed");
  },
  { keepAliveTimeout: 5_000, requestTimeout: 10_000, connectionTimeout: 0 },
);
let base: string;
beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

const text = async (path: string, init: RequestInit = {}) => (await fetch(`${base}${path}`, init)).text();

describe("HeldPages", () => {
  it("makes the server Fastify would: its timeouts kept", () => {
    expect(server.keepAliveTimeout).toBe(5_000);
    expect(server.requestTimeout).toBe(10_000);
  });

  it("answers only while the page is held, from the cache as it is at that moment", async () => {
    expect(await text("/articles/one")).toBe("routed");
    await cache.get("/articles/one", async () => "<p>one</p>");
    expect(await text("/articles/one")).toBe("<p>one</p>");
    expect(held.answered).toBe(1);
    // Another address of the route whose page is not held, and one that is not the route's at all.
    expect(await text("/articles/two")).toBe("routed");
    await cache.get("/elsewhere", async () => "<p>elsewhere</p>");
    expect(await text("/elsewhere")).toBe("routed");
    // A change that empties the cache (a setting, an article published) sends the next request to the route.
    cache.clear();
    expect(await text("/articles/one")).toBe("routed");
  });

  it("leaves a request with a cookie, or any method but GET and HEAD, to the route", async () => {
    await cache.get("/articles/one", async () => "<p>one</p>");
    expect(await text("/articles/one", { headers: { cookie: "a=b" } })).toBe("routed");
    expect(await text("/articles/one", { method: "POST", body: "x" })).toBe("routed");
    expect(await text("/articles/one")).toBe("<p>one</p>");
  });

  it("leaves everything to the route once the server begins to close", async () => {
    held.close();
    expect(await text("/articles/one")).toBe("routed");
  });
});
