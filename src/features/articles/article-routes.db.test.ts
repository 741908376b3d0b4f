import { XMLParser, XMLValidator } from "fast-xml-parser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../test/support/test-app.ts";
import { listArticles } from "./article-queries.ts";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const xml = new XMLParser({
  ignoreAttributes: false,
  isArray: (name) => ["entry", "url", "link", "category"].includes(name),
});

describe("article pages", () => {
  it("show title, summary, author, date, reading time, hero with alt text and credit", async () => {
    const html = (await t.app.inject({ url: "/articles/the-three-cycles" })).body;
    expect(html).toContain('<h1 id="article-title">The three cycles that keep a hurt alive</h1>');
    expect(html).toContain("By Demo Therapist, Haven demo practice");
    expect(html).toContain('<time datetime="2026-09-22">22 September 2026</time>');
    expect(html).toMatch(/\d+ min read/);
    expect(html).toMatch(/<img src="\/assets\/the-three-cycles\.[0-9a-f]{10}\.svg" alt="A looping path/);
    expect(html).toContain("<figcaption>Illustration made for Haven</figcaption>");
  });

  it("link references by DOI, offer related articles (never itself), previous/next and the booking box", async () => {
    const html = (await t.app.inject({ url: "/articles/the-three-cycles" })).body;
    expect(html).toContain('href="https://doi.org/10.1111/j.1752-0606.2001.tb01152.x"');
    const related = /<section class="related[\s\S]*?<\/section>/.exec(html)?.[0] ?? "";
    expect(related).toContain("/articles/");
    expect(related).not.toContain('href="/articles/the-three-cycles"');
    expect(html).toContain('rel="prev"');
    expect(html).toContain('rel="next"');
    expect(html).toContain('class="booking-cta"');
    expect(html).toContain('class="pull-quote"');
    expect(html).toMatch(/<h2 id="[a-z0-9-]+">[^<]+ <a class="heading-anchor"/);
  });

  it("carry OpenGraph, Twitter and JSON-LD metadata", async () => {
    const html = (await t.app.inject({ url: "/articles/the-three-cycles" })).body;
    expect(html).toContain('<meta property="og:type" content="article"/>');
    expect(html).toContain(
      '<meta property="og:url" content="http://localhost:3000/articles/the-three-cycles"/>',
    );
    expect(html).toMatch(
      /<meta property="og:image" content="http:\/\/localhost:3000\/assets\/the-three-cycles\./,
    );
    expect(html).toContain('<meta name="twitter:card" content="summary_large_image"/>');
    expect(html).toContain('"@type":"BlogPosting"');
  });

  it("filter the list by tag", async () => {
    const html = (await t.app.inject({ url: "/articles?tag=old-wounds" })).body;
    expect(html).toContain("/articles/when-the-injury-lives-in-your-history");
    expect(html).not.toContain('href="/articles/the-three-cycles"');
    expect(html).toMatch(/<a href="\/articles\?tag=old-wounds" aria-current="page">/);
  });
});

describe("feeds", () => {
  it("the Atom feed parses as XML and lists every article with absolute links", async () => {
    const response = await t.app.inject({ url: "/feed.xml" });
    expect(response.headers["content-type"]).toBe("application/atom+xml; charset=utf-8");
    expect(XMLValidator.validate(response.body)).toBe(true);
    const feed = xml.parse(response.body).feed;
    const slugs = (await listArticles(t.handle.db)).map((a) => a.slug);
    expect(feed.entry).toHaveLength(slugs.length);
    for (const slug of slugs) {
      expect(feed.entry.map((e: { id: string }) => e.id)).toContain(`http://localhost:3000/articles/${slug}`);
    }
  });

  it("the sitemap parses as XML and lists every article and public page", async () => {
    const response = await t.app.inject({ url: "/sitemap.xml" });
    expect(XMLValidator.validate(response.body)).toBe(true);
    const locs = xml.parse(response.body).urlset.url.map((u: { loc: string }) => u.loc);
    for (const article of await listArticles(t.handle.db)) {
      expect(locs).toContain(`http://localhost:3000/articles/${article.slug}`);
    }
    expect(locs).toContain("http://localhost:3000/help-now");
  });

  it("an address that is no slug is not found, also once pages are held (record 068's early path)", async () => {
    expect((await t.app.inject({ url: "/articles/the-three-cycles" })).statusCode).toBe(200);
    for (const slug of ["The-Three-Cycles", "the%20three", "x".repeat(101)]) {
      expect((await t.app.inject({ url: `/articles/${slug}` })).statusCode).toBe(404);
    }
  });

  it("robots.txt points at the sitemap", async () => {
    expect((await t.app.inject({ url: "/robots.txt" })).body).toContain(
      "Sitemap: http://localhost:3000/sitemap.xml",
    );
  });
});
