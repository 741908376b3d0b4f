import { brotliDecompressSync } from "node:zlib";
import Fastify from "fastify";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { publicHtmlPaths } from "../../../test/support/public-pages.ts";
import { createTestApp, type TestApp } from "../../../test/support/test-app.ts";
import type { AppContext } from "../../app-context.ts";
import { HeldPages } from "../../platform/web/held-pages.ts";
import { PageCache } from "../../platform/web/page-cache.ts";
import { demoPractice } from "../practice-settings/demo-practice.ts";
import { practiceSettingsSchema } from "../practice-settings/practice-settings.types.ts";
import type { SiteContext } from "../practice-settings/site-context.ts";
import { registerSiteRoutes } from "./site-routes.tsx";

let t: TestApp;

/** The page's footer, where the crisis note is. */
const footerOf = (html: string) => html.slice(html.indexOf('<footer class="site-footer">'));
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe("public site routes", () => {
  it.each([
    ["/", 200],
    ["/articles", 200],
    ["/articles?tag=cycles", 200],
    ["/articles/the-three-cycles", 200],
    ["/book", 200],
    ["/book?kind=individual", 200],
    ["/help-now", 200],
    ["/privacy", 200],
    ["/accessibility", 200],
    ["/sign-in", 200],
    ["/feed.xml", 200],
    ["/sitemap.xml", 200],
    ["/robots.txt", 200],
    ["/articles/no-such-article", 404],
    ["/articles?tag=no-such-tag", 404],
    ["/articles/BAD%20slug", 404],
    ["/nowhere", 404],
  ])("GET %s answers %i", async (url, status) => {
    const response = await t.app.inject({ url });
    expect(response.statusCode).toBe(status);
  });

  it("lets browsers cache public pages briefly, and never caches the sign-in or error pages", async () => {
    expect((await t.app.inject({ url: "/articles" })).headers["cache-control"]).toBe(
      "public, max-age=300, stale-while-revalidate=86400",
    );
    expect((await t.app.inject({ url: "/sign-in" })).headers["cache-control"]).toBe("no-store");
    expect((await t.app.inject({ url: "/nowhere" })).headers["cache-control"]).toBe("no-store");
  });

  it("answers a matching If-None-Match with 304 and no body", async () => {
    const first = await t.app.inject({ url: "/articles/the-three-cycles" });
    const etag = first.headers.etag as string;
    expect(etag).toMatch(/^"/);
    const second = await t.app.inject({
      url: "/articles/the-three-cycles",
      headers: { "if-none-match": etag },
    });
    expect(second.statusCode).toBe(304);
    expect(second.body).toBe("");
    const stale = await t.app.inject({
      url: "/articles/the-three-cycles",
      headers: { "if-none-match": '"old"' },
    });
    expect(stale.statusCode).toBe(200);
  });

  it("serves pages pre-compressed with brotli when the browser accepts it", async () => {
    const plain = await t.app.inject({ url: "/" });
    const br = await t.app.inject({ url: "/", headers: { "accept-encoding": "gzip, br" } });
    expect(br.headers["content-encoding"]).toBe("br");
    expect(br.headers.vary).toContain("accept-encoding");
    expect(brotliDecompressSync(br.rawPayload).toString()).toBe(plain.body);
  });

  it("shows the crisis note and a help-now link in the footer of every page", async () => {
    for (const url of await publicHtmlPaths(t.handle.db)) {
      const body = (await t.app.inject({ url })).body;
      expect(body, url).toContain("is not a crisis service and nobody watches it in real time");
      expect(body, url).toContain('href="/help-now"');
    }
  });

  it("names the country of the footer's emergency number: the practice's own, except on help-now for another country", async () => {
    for (const url of await publicHtmlPaths(t.handle.db)) {
      const footer = footerOf((await t.app.inject({ url })).body);
      if (url.startsWith("/help-now?country=US")) {
        expect(footer, url).toContain(
          "If you are in danger now, call 911 (United States) — elsewhere, your local emergency number.",
        );
      } else {
        expect(footer, url).toContain(
          "If you are in danger now, call 999 (United Kingdom) — elsewhere, your local emergency number.",
        );
      }
    }
  });

  it("shows the demo banner on every page while demo data exists", async () => {
    for (const url of await publicHtmlPaths(t.handle.db)) {
      expect((await t.app.inject({ url })).body, url).toContain('class="demo-banner"');
    }
  });

  it("offers four ways in on the home page, each to its articles and to the consultation", async () => {
    const body = (await t.app.inject({ url: "/" })).body;
    for (const text of ["I was hurt", "I caused the hurt", "We both feel it", "An old wound from my past"]) {
      expect(body).toContain(text);
    }
    for (const tag of ["when-you-were-hurt", "when-you-caused-hurt", "when-you-both-feel-it", "old-wounds"]) {
      expect(body).toContain(`href="/articles?tag=${tag}"`);
    }
    expect(body).toContain('href="/book?kind=couple"');
    expect(body).toContain('href="/book?kind=individual"');
  });

  it("lists help lines for the practice's country first, and for another country when chosen", async () => {
    const uk = (await t.app.inject({ url: "/help-now" })).body;
    expect(uk).toContain("116 123");
    expect(uk).toContain("0808 802 4040");
    expect(uk).toMatch(/<option value="GB" selected>United Kingdom<\/option><option value="AU"/);
    expect(uk).toContain("Number last checked 1 November 2026");
    const us = (await t.app.inject({ url: "/help-now?country=US" })).body;
    expect(us).toContain('href="tel:988"');
    expect(us).toContain("1-800-799-7233");
    expect(us).not.toContain("116 123");
  });

  it("falls back to the practice's country for an unknown country code", async () => {
    const body = (await t.app.inject({ url: "/help-now?country=ZZ" })).body;
    expect(body).toContain("116 123");
  });

  it.each([
    ["zz", "?country=zz"],
    ["a script", `?country=${encodeURIComponent("<script>alert(1)</script>")}`],
    ["500 characters", `?country=${"A".repeat(500)}`],
    ["an array", "?country=AU&country=US"],
    ["an empty value", "?country="],
    ["a nested value", "?country[x]=AU"],
    ["a code that is not a country", "?country=EU"],
  ])("shows the practice's country and the picker for %s, never an error", async (_name, query) => {
    const response = await t.app.inject({ url: `/help-now${query}` });
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('<h2 id="country-heading">United Kingdom</h2>');
    expect(response.body).toContain('<option value="GB" selected>United Kingdom</option>');
    expect(response.body).toContain('<select id="country" name="country">');
    expect(response.body).not.toContain("<script>alert");
    expect(footerOf(response.body)).toContain("call 999 (United Kingdom)");
  });

  it("follows the chosen country in the footer of help-now, and reads a lower-case code", async () => {
    const au = (await t.app.inject({ url: "/help-now?country=au" })).body;
    expect(au).toContain('<h2 id="country-heading">Australia</h2>');
    expect(au).toContain("13 11 14");
    expect(au).toContain('data-help-now="AU"');
    expect(footerOf(au)).toContain(
      "If you are in danger now, call 000 (Australia) — elsewhere, your local emergency number.",
    );
    expect(footerOf(au)).not.toContain("999");
  });

  it("gives the emergency number of a country the practice lists no lines for, and says so plainly", async () => {
    const response = await t.app.inject({ url: "/help-now?country=ES" });
    expect(response.statusCode).toBe(200);
    const body = response.body;
    expect(body).toContain('<h2 id="country-heading">Spain</h2>');
    expect(body).toContain("Haven demo practice has not listed help lines for Spain.");
    expect(body).toContain('href="tel:112"');
    expect(body).toContain('<option value="ES" selected>Spain</option>');
    expect(body).not.toContain("116 123"); // no other country's lines passed off as Spain's
    expect(footerOf(body)).toContain("call 112 (Spain)");
    const nz = (await t.app.inject({ url: "/help-now?country=NZ" })).body;
    expect(nz).toContain('href="tel:111"');
    expect(footerOf(nz)).toContain("call 111 (New Zealand)");
  });

  it("says plainly when it does not know a country's emergency number", async () => {
    const response = await t.app.inject({ url: "/help-now?country=BR" });
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('<h2 id="country-heading">Brazil</h2>');
    expect(response.body).toContain("has not listed help lines for Brazil");
    expect(response.body).toContain("We don't have the emergency number for Brazil");
    expect(response.body).toContain('<option value="BR" selected>Brazil</option>');
    expect(footerOf(response.body)).toContain("If you are in danger now, call your local emergency number.");
  });

  it("tailors the booking page to a kind given in the URL and ignores a made-up one", async () => {
    expect((await t.app.inject({ url: "/book?kind=couple" })).body).toContain("Choose a time");
    const odd = await t.app.inject({ url: "/book?kind=<script>" });
    expect(odd.statusCode).toBe(200);
    expect(odd.body).toContain("Who is the consultation for?");
    expect(odd.body).not.toContain("<script>");
  });

  it("never rate-limits public GETs", async () => {
    const statuses = new Set<number>();
    for (let i = 0; i < 150; i++) {
      const response = await t.app.inject({ url: "/articles" });
      statuses.add(response.statusCode);
      // A limited route would announce its budget in these headers on every answer.
      expect(Object.keys(response.headers).filter((h) => h.startsWith("x-ratelimit"))).toEqual([]);
    }
    expect([...statuses]).toEqual([200]);
  });

  it("serves hashed assets for a year and refuses unknown ones", async () => {
    const home = (await t.app.inject({ url: "/" })).body;
    const css = /href="(\/assets\/site\.[0-9a-f]{10}\.css)"/.exec(home)?.[1];
    expect(css).toBeDefined();
    const response = await t.app.inject({ url: css as string });
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toBe("text/css; charset=utf-8");
    expect(response.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
    expect((await t.app.inject({ url: "/assets/site.0000000000.css" })).statusCode).toBe(404);
  });

  it("answers a method no page accepts with the friendly page, never a stack trace", async () => {
    const response = await t.app.inject({ method: "POST", url: "/", payload: "x".repeat(70_000) });
    expect(response.statusCode).toBe(404);
    expect(response.body).toContain("We couldn't find that page");
    expect(response.headers["content-type"]).toBe("text/html; charset=utf-8");
  });

  it("answers a malformed URL and an overlong address with a calm page, not JSON", async () => {
    const malformed = await t.app.inject({ url: "/%" });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.headers["content-type"]).toBe("text/html; charset=utf-8");
    expect(malformed.headers["content-security-policy"]).toContain("default-src 'none'");
    const long = await t.app.inject({ url: `/articles/${"a".repeat(300)}` });
    expect(long.headers["content-type"]).toBe("text/html; charset=utf-8");
    expect([400, 404]).toContain(long.statusCode);
  });
});

describe("the help-now page cache", () => {
  it("caches only the pages of known countries, whatever the address holds", async () => {
    const cache = new PageCache();
    const app = Fastify();
    const practice = practiceSettingsSchema.parse(demoPractice);
    const site: SiteContext = {
      practice,
      assets: { url: (name) => `/assets/${name}`, byFileName: () => undefined },
      demo: false,
      absoluteUrl: (pathname) => `https://haven.test${pathname}`,
    };
    // Only what the site's routes read.
    const heldPages = new HeldPages(cache, {}, pino({ level: "silent" }));
    const ctx = {
      db: t.handle.db,
      site,
      cache,
      heldPages,
      pages: { privacy: "", accessibility: "" },
    } as AppContext;
    registerSiteRoutes(app, ctx);
    try {
      for (let i = 0; i < 30; i++) {
        const response = await app.inject({ url: `/help-now?country=${"Q".repeat(i)}&n=${i}` });
        expect(response.statusCode).toBe(200);
      }
      expect(cache.size).toBe(1); // all of them were the practice's own page
      expect(cache.has("/help-now?country=GB")).toBe(true);
      // Countries with no known emergency number are answered, but not kept.
      for (const code of ["BR", "JP", "ZA", "AR", "KE"]) {
        expect((await app.inject({ url: `/help-now?country=${code}` })).statusCode).toBe(200);
      }
      expect(cache.size).toBe(1);
      await app.inject({ url: "/help-now?country=AU" });
      await app.inject({ url: "/help-now?country=FR" });
      expect(cache.has("/help-now?country=AU")).toBe(true);
      expect(cache.has("/help-now?country=FR")).toBe(true);
      expect(cache.size).toBe(3);
    } finally {
      await app.close();
    }
  });
});
