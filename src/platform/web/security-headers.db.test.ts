import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { publicHtmlPaths } from "../../../test/support/public-pages.ts";
import { createTestApp, type TestApp } from "../../../test/support/test-app.ts";

const exactPolicy =
  "default-src 'none';connect-src 'self';script-src 'self';style-src 'self';img-src 'self' data:;font-src 'self';form-action 'self';frame-ancestors 'none';base-uri 'none'";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

/** Every <script> element that is not a JSON-LD data block (which never executes). */
function executableScripts(html: string): string[] {
  return [...html.matchAll(/<script\b[^>]*>/gi)]
    .map((m) => m[0])
    .filter((tag) => !/type="application\/ld\+json"/.test(tag));
}

describe("security headers and markup", () => {
  it("sends the full CSP, written out exactly, on every page", async () => {
    for (const url of [...(await publicHtmlPaths(t.handle.db)), "/feed.xml", "/robots.txt"]) {
      const response = await t.app.inject({ url });
      expect(response.headers["content-security-policy"], url).toBe(exactPolicy);
      expect(response.headers["referrer-policy"], url).toBe("strict-origin-when-cross-origin");
      expect(response.headers["x-content-type-options"], url).toBe("nosniff");
      // frame-ancestors alone decides framing; no X-Frame-Options to contradict it.
      expect(response.headers["x-frame-options"], url).toBeUndefined();
    }
  });

  it("has no style attribute, no on* handler and no inline script in any page", async () => {
    for (const url of await publicHtmlPaths(t.handle.db)) {
      const html = (await t.app.inject({ url })).body;
      expect(html, url).not.toMatch(/\sstyle\s*=/i);
      expect(html, url).not.toMatch(/<[^>]+\son[a-z]+\s*=/i);
      expect(html, url).not.toMatch(/<style[\s>]/i);
      for (const tag of executableScripts(html)) expect(tag, url).toMatch(/\ssrc="\/assets\//);
    }
  });

  it("keeps JSON-LD from closing its own element", async () => {
    const html = (await t.app.inject({ url: "/articles/the-three-cycles" })).body;
    const block = /<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(html)?.[1] ?? "";
    expect(block).not.toContain("<");
    expect(JSON.parse(block)["@type"]).toBe("BlogPosting");
  });

  it("sends no HSTS while the public URL is plain http", async () => {
    const response = await t.app.inject({ url: "/" });
    expect(response.headers["strict-transport-security"]).toBeUndefined();
  });
});

describe("with an https public URL", () => {
  let https: TestApp;
  beforeAll(async () => {
    https = await createTestApp({ env: { HAVEN_PUBLIC_URL: "https://haven.example.org" } });
  });
  afterAll(() => https.close());

  it("sends HSTS and writes canonical URLs from HAVEN_PUBLIC_URL", async () => {
    const response = await https.app.inject({ url: "/articles/the-three-cycles" });
    expect(response.headers["strict-transport-security"]).toBe("max-age=63072000; includeSubDomains");
    expect(response.body).toContain(
      '<link rel="canonical" href="https://haven.example.org/articles/the-three-cycles"/>',
    );
  });
});
