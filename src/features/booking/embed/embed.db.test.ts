import { eq } from "drizzle-orm";
import type { LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formTokenIn, freshAddress } from "../../../../test/support/forms.ts";
import { publicHtmlPaths } from "../../../../test/support/public-pages.ts";
import { createTestApp, type TestApp } from "../../../../test/support/test-app.ts";
import { ConfigError, loadConfig } from "../../../config.ts";
import {
  keepReflection,
  readReflection,
  reflectionCookie,
} from "../../assessments/self-check/self-check-handoff.ts";
import { bookings } from "../booking.schema.ts";

const policy = (frameAncestors: string) =>
  `default-src 'none';connect-src 'self';script-src 'self';style-src 'self';img-src 'self' data:;font-src 'self';form-action 'self';frame-ancestors ${frameAncestors};base-uri 'none'`;
const framed = policy("https://www.example-practice.org https://example-practice.org");
const unframed = policy("'none'");
const zone = "Australia/Sydney";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({
    // A trailing slash and a repeat are tidied away; each origin appears once.
    env: {
      HAVEN_EMBED_ORIGINS:
        " https://www.example-practice.org/, https://example-practice.org,https://www.example-practice.org",
    },
  });
});
afterAll(() => t.close());

/** Every answer Haven gave in these tests: none may set a cookie. */
const answers: { url: string; response: LightMyRequestResponse }[] = [];

/** A GET as the framed page makes it: never a Cookie header (a cross-site frame's cookies are blocked). */
async function get(url: string) {
  const response = await t.app.inject({ url, remoteAddress: freshAddress() });
  answers.push({ url, response });
  return response;
}

/** A form POST from inside the frame: the frame's document is Haven's, so the browser says same-origin. */
async function post(url: string, payload: Record<string, string>, headers: Record<string, string> = {}) {
  const response = await t.app.inject({
    method: "POST",
    url,
    remoteAddress: freshAddress(),
    headers: { origin: t.config.publicUrl.origin, "sec-fetch-site": "same-origin", ...headers },
    payload,
  });
  answers.push({ url: `POST ${url}`, response });
  return response;
}

const unescapeHref = (href: string) => href.replace(/&amp;/g, "&");

/** The embedded times page's links to the details step, from the first week that has any. */
async function embeddedDetailsLinks(): Promise<string[]> {
  const links = (html: string) =>
    [...html.matchAll(/href="(\/embed\/book\/details\?[^"]+)"/g)].map((m) => unescapeHref(m[1] as string));
  const first = await get(`/embed/book?kind=couple&zone=${encodeURIComponent(zone)}`);
  if (links(first.body).length > 0) return links(first.body);
  const next = /href="(\/embed\/book\?[^"]*week=\d+)"[^>]*>Go to the next available time/.exec(
    first.body,
  )?.[1];
  if (!next) throw new Error("no times offered");
  return links((await get(unescapeHref(next))).body);
}

/** The details form's fields as the page rendered them, filled in for one person. */
function filledForm(html: string, action: string, name: string, email: string) {
  const hidden = (field: string) => new RegExp(`name="${field}" value="([^"]+)"`).exec(html)?.[1] ?? "";
  return {
    _form: formTokenIn(html, action),
    kind: hidden("kind"),
    zone: hidden("zone"),
    start: hidden("start"),
    submissionId: hidden("submissionId"),
    website: "",
    name,
    email,
    phone: "",
    contactBy: "email",
    leaveMessage: "no",
    meeting: "video",
    note: "",
    adult: "yes",
    privacy: "yes",
  };
}

/** Links that stay in the frame must stay in the embedded flow; any other opens a new tab. */
function expectFramedMarkup(html: string, url: string) {
  expect(html, url).toContain('<body class="embedded">');
  expect(html, url).toContain('<p class="embed-practice">Haven demo practice</p>');
  expect(html, url).toMatch(/<a href="\/book[^"]*" target="_blank" rel="noopener">Open in a new tab<\/a>/);
  // The safety line every page carries (hazard HAZ-009), its link opening outside the frame.
  expect(html, url).toContain("is not a crisis service and nobody watches it in real time.");
  expect(html, url).toContain('<a href="/help-now" target="_blank" rel="noopener">Find help now');
  expect(html, url).not.toContain('class="site-header"');
  expect(html, url).not.toContain('class="site-footer"');
  expect(html, url).not.toContain('aria-label="Main"');
  expect(html, url).not.toMatch(/\sstyle\s*=|<style[\s>]|<[^>]+\son[a-z]+\s*=/i);
  for (const [tag, href] of html.matchAll(/<a\b[^>]*\bhref="([^"]*)"[^>]*>/g)) {
    const staysInFlow = /^(\/embed\/book|#|mailto:|tel:)/.test(href as string);
    if (!staysInFlow) expect(tag, url).toMatch(/target="_blank" rel="noopener"/);
  }
  for (const [, action] of html.matchAll(/<form\b[^>]*\baction="([^"]*)"/g))
    expect(action, url).toMatch(/^\/embed\/book/);
  for (const [script] of html.matchAll(/<script\b[^>]*>/gi)) expect(script, url).toMatch(/\ssrc="\/assets\//);
}

describe("the embedded booking page, framed by HAVEN_EMBED_ORIGINS", () => {
  let confirmation = "";

  it("books from start to confirmation with no cookie sent or set, in the embed's own layout", async () => {
    const start = await get("/embed/book");
    expect(start.statusCode).toBe(200);
    expect(start.body).toContain('<form class="form" method="get" action="/embed/book">');
    const [detailsHref] = await embeddedDetailsLinks();
    const details = await get(detailsHref as string);
    expect(details.statusCode).toBe(200);
    expect(details.body).toMatch(
      /<a href="\/book\/details\?kind=couple&amp;zone=Australia%2FSydney&amp;start=\d+" target="_blank" rel="noopener">Open in a new tab/,
    );
    const form = filledForm(details.body, "/embed/book", "Ada Ash", "ada@example.org");
    const booked = await post("/embed/book", form);
    expect(booked.statusCode).toBe(303);
    expect(booked.headers.location).toMatch(/^\/embed\/book\/manage\/[0-9a-f-]{36}\.[\w-]+\?notice=booked$/);
    confirmation = booked.headers.location as string;

    const page = await get(confirmation);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain("Your consultation is booked");
    const token = /\/manage\/([^?]+)/.exec(confirmation)?.[1];
    // Calendar, moving and cancelling happen on the full page, opened in a new tab; no form in the frame.
    expect(page.body).toContain(
      `<a href="/book/manage/${token}" class="button" target="_blank" rel="noopener">Open this page in a new tab`,
    );
    expect(page.body).not.toContain("<form");

    const stored = await t.handle.db
      .select()
      .from(bookings)
      .where(eq(bookings.submissionId, form.submissionId));
    expect(stored).toHaveLength(1);
    expect(stored[0]?.status).toBe("confirmed");
  });

  it("answers a time just taken with the nearest free times, everything typed kept, still in the frame", async () => {
    const links = await embeddedDetailsLinks();
    const href = links[links.length - 1] as string;
    const mine = await get(href);
    const theirs = await get(href.replace("/embed/book", "/book"));
    const first = await post("/book", filledForm(theirs.body, "/book", "Bo Beech", "bo@example.org"));
    expect(first.statusCode).toBe(303);
    const taken = await post(
      "/embed/book",
      filledForm(mine.body, "/embed/book", "Cy Cedar", "cy@example.org"),
    );
    expect(taken.statusCode).toBe(409);
    expect(taken.body).toContain("someone booked that time a moment ago");
    expect(taken.body).toContain('value="Cy Cedar"');
    expect(taken.body).toContain("Choose one of the nearest free times");
    expect(taken.headers["content-security-policy"]).toBe(framed);
    expectFramedMarkup(taken.body, "409");
  });

  it("keeps CSRF protection: a post made by another site, the framing one included, is refused", async () => {
    const [href] = await embeddedDetailsLinks();
    const details = await get(href as string);
    const form = filledForm(details.body, "/embed/book", "Di Dogwood", "di@example.org");
    const crossSite = await post("/embed/book", form, { "sec-fetch-site": "cross-site" });
    expect(crossSite.statusCode).toBe(403);
    const fromPractice = await t.app.inject({
      method: "POST",
      url: "/embed/book",
      remoteAddress: freshAddress(),
      headers: { origin: "https://www.example-practice.org" },
      payload: form,
    });
    expect(fromPractice.statusCode).toBe(403);
    const stored = await t.handle.db
      .select()
      .from(bookings)
      .where(eq(bookings.submissionId, form.submissionId));
    expect(stored).toEqual([]);
  });

  it("limits posts from one address as the site does, and says so inside the frame", async () => {
    const remoteAddress = freshAddress();
    const attempt = () =>
      t.app.inject({ method: "POST", url: "/embed/book", remoteAddress, payload: { kind: "nonsense" } });
    for (let i = 0; i < 10; i++) expect((await attempt()).statusCode).toBe(303);
    const limited = await attempt();
    expect(limited.statusCode).toBe(429);
    expect(limited.headers["content-security-policy"]).toBe(framed);
    expect(limited.body).toContain("Please wait a moment");
    expectFramedMarkup(limited.body, "429");
  });

  it("never reads or clears the site's self-check hand-off cookie", async () => {
    const id = await keepReflection(t.handle.db, t.keys, {
      safetyFirst: false,
      hurtPartner: false,
      recommended: "couple",
      lines: [],
    });
    const cookie = `${reflectionCookie}=${id}`;
    const [href] = await embeddedDetailsLinks();
    const onSite = await t.app.inject({
      url: (href as string).replace("/embed/book", "/book"),
      headers: { cookie },
    });
    expect(onSite.body).toContain("Your self-check reflection will be shared");
    const framedPage = await t.app.inject({ url: href as string, headers: { cookie } });
    expect(framedPage.body).not.toContain("self-check reflection");
    expect(framedPage.headers["set-cookie"]).toBeUndefined();
    expect(await readReflection(t.handle.db, t.keys, id)).toBeDefined();
  });

  it("answers a changed confirmation link in the frame, with a way back to booking", async () => {
    const unusable = await get("/embed/book/manage/not-a-real-link");
    expect(unusable.statusCode).toBe(404);
    expect(unusable.body).toContain("This link doesn't work");
    expect(unusable.body).toContain('<a href="/embed/book">Book a consultation</a>');
  });

  it("lets only the configured origins frame the embed pages, written out exactly", async () => {
    expect(answers.length).toBeGreaterThan(8);
    for (const { url, response } of answers) {
      expect(response.headers["set-cookie"], url).toBeUndefined();
      const embedded = url.replace(/^POST /, "").startsWith("/embed/");
      expect(response.headers["content-security-policy"], url).toBe(embedded ? framed : unframed);
      // frame-ancestors alone decides framing, on every page (X-Frame-Options would contradict it).
      expect(response.headers["x-frame-options"], url).toBeUndefined();
      if (embedded && response.statusCode !== 303) expectFramedMarkup(response.body, url);
    }
  });

  it("keeps frame-ancestors 'none' on every other page", async () => {
    const token = /\/manage\/([^?]+)/.exec(confirmation)?.[1];
    const others = [...(await publicHtmlPaths(t.handle.db)), `/book/manage/${token}`, "/embed/no-such-page"];
    for (const url of others) {
      const response = await t.app.inject({ url });
      expect(response.headers["content-security-policy"], url).toBe(unframed);
      expect(response.headers["x-frame-options"], url).toBeUndefined();
    }
  });
});

describe("without HAVEN_EMBED_ORIGINS", () => {
  let bare: TestApp;
  beforeAll(async () => {
    bare = await createTestApp();
  });
  afterAll(() => bare.close());

  it("still renders the embed page (to preview it) but lets no site frame it", async () => {
    const response = await bare.app.inject({ url: "/embed/book" });
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('<body class="embedded">');
    expect(response.headers["content-security-policy"]).toBe(unframed);
    expect(response.headers["x-frame-options"]).toBeUndefined();
  });
});

describe("HAVEN_EMBED_ORIGINS at start", () => {
  const problems = (value: string) => {
    try {
      loadConfig({ HAVEN_EMBED_ORIGINS: value });
    } catch (error) {
      if (error instanceof ConfigError) return error.problems;
      throw error;
    }
    return [];
  };

  it("refuses anything but an origin, naming the entry", () => {
    expect(problems("https://www.example-practice.org, https://*.example.org")).toEqual([
      'HAVEN_EMBED_ORIGINS: "https://*.example.org" is not an origin such as https://www.example-practice.org (no path, wildcard or quotes)',
    ]);
    expect(problems("https://example.org/book")[0]).toMatch(
      /^HAVEN_EMBED_ORIGINS: "https:\/\/example.org\/book"/,
    );
    expect(problems("'self'")[0]).toMatch(/^HAVEN_EMBED_ORIGINS: "'self'"/);
    expect(problems("https://a;b.org")[0]).toMatch(/^HAVEN_EMBED_ORIGINS: "https:\/\/a;b.org"/);
    expect(problems("http://www.example-practice.org")[0]).toMatch(/plain http on a public host/);
  });

  it("accepts origins and treats an empty value as none", () => {
    expect(loadConfig({ HAVEN_EMBED_ORIGINS: "" }).embedOrigins).toEqual([]);
    expect(loadConfig({}).embedOrigins).toEqual([]);
    expect(loadConfig({ HAVEN_EMBED_ORIGINS: "http://localhost:8080" }).embedOrigins).toEqual([
      "http://localhost:8080",
    ]);
  });
});
