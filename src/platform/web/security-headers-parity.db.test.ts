import type { LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formTokenIn, freshAddress } from "../../../test/support/forms.ts";
import { addClients, addTherapist, type TestClient } from "../../../test/support/people.ts";
import { createTestApp, type TestApp } from "../../../test/support/test-app.ts";
import { sessionCookieName } from "./session-cookie.ts";

// Every header of each kind of answer, as they were while helmet built them on every request (recorded
// before record 046 changed how they are made): the change must not add, drop or alter one.
// Only what differs from one answer to the next (a date, a length, a cookie's value) is left out.
const changing = new Set(["date", "content-length", "etag", "last-modified", "x-ratelimit-reset"]);

function headersOf(response: LightMyRequestResponse): Record<string, string> {
  const kept: Record<string, string> = {};
  for (const [name, value] of Object.entries(response.headers).sort(([a], [b]) => a.localeCompare(b))) {
    if (changing.has(name) || value === undefined) continue;
    const values = Array.isArray(value) ? value : [String(value)];
    // A cookie's attributes matter; its value is new every time.
    kept[name] = (name === "set-cookie" ? values.map((v) => v.replace(/=[^;]*/, "=…")) : values).join("\n");
  }
  return kept;
}

const policy = (frameAncestors: string) =>
  `default-src 'none';connect-src 'self';script-src 'self';style-src 'self';img-src 'self' data:;font-src 'self';form-action 'self';frame-ancestors ${frameAncestors};base-uri 'none'`;

/** What every answer through a route carries (helmet's defaults with Haven's options until record 046). */
const common = {
  connection: "keep-alive",
  "cross-origin-opener-policy": "same-origin",
  "cross-origin-resource-policy": "same-origin",
  "origin-agent-cluster": "?1",
  "referrer-policy": "strict-origin-when-cross-origin",
  "strict-transport-security": "max-age=63072000; includeSubDomains",
  "x-content-type-options": "nosniff",
  "x-dns-prefetch-control": "off",
  "x-download-options": "noopen",
  "x-permitted-cross-domain-policies": "none",
  "x-xss-protection": "0",
};

const html = "text/html; charset=utf-8";
const unframed = { ...common, "content-security-policy": policy("'none'") };
const framed = { ...common, "content-security-policy": policy("https://www.example-practice.org") };
const cachedPage = {
  ...unframed,
  "cache-control": "public, max-age=300, stale-while-revalidate=86400",
  "content-type": html,
  vary: "accept-encoding",
};
const privatePage = { ...unframed, "cache-control": "no-store", "content-type": html };
const limited = { "x-ratelimit-limit": "10", "x-ratelimit-remaining": "9" };

let t: TestApp;
let client: TestClient;
let clientCookie: string;
beforeAll(async () => {
  t = await createTestApp({
    env: {
      HAVEN_PUBLIC_URL: "https://haven.example.org",
      HAVEN_EMBED_ORIGINS: "https://www.example-practice.org",
    },
  });
  const therapist = await addTherapist(t, "Hal Hazel", "hal@example.org");
  [client] = (await addClients(t, therapist.id, [{ name: "Ivy Ivory", email: "ivy@example.org" }])) as [
    TestClient,
  ];
  clientCookie = client.cookie.replace(/^haven-session=/, `${sessionCookieName(true)}=`);
});
afterAll(() => t.close());

const get = (url: string, headers: Record<string, string> = {}) =>
  t.app.inject({ url, headers, remoteAddress: freshAddress() });

describe("security headers, the same as before record 046", () => {
  it("on a cached public page, fresh and when the browser has it (304)", async () => {
    const page = await get("/articles/the-three-cycles", { "accept-encoding": "br" });
    expect(headersOf(page)).toEqual({ ...cachedPage, "content-encoding": "br" });
    // Now sent from the cache before any parsing (record 068): the same headers and the same bytes.
    const held = await get("/articles/the-three-cycles", { "accept-encoding": "br" });
    expect(headersOf(held)).toEqual({ ...cachedPage, "content-encoding": "br" });
    expect(held.rawPayload.equals(page.rawPayload)).toBe(true);
    const again = await get("/articles/the-three-cycles", { "if-none-match": String(page.headers.etag) });
    expect(again.statusCode).toBe(304);
    expect(headersOf(again)).toEqual(cachedPage);
  });

  it("on the home page and an asset", async () => {
    const home = await get("/");
    expect(headersOf(home)).toEqual(cachedPage);
    const css = /href="(\/assets\/site\.[0-9a-f]+\.css)"/.exec(home.body)?.[1] ?? "";
    expect(headersOf(await get(css))).toEqual({
      ...cachedPage,
      "cache-control": "public, max-age=31536000, immutable",
      "content-type": "text/css; charset=utf-8",
    });
  });

  it("on an embed page, a body too large for it, and the 404 under /embed (not an embed route: not framed)", async () => {
    const embed = await get("/embed/book?kind=couple");
    expect(embed.statusCode).toBe(200);
    expect(headersOf(embed)).toEqual({ ...framed, "cache-control": "no-store", "content-type": html });
    const tooLarge = await t.app.inject({
      method: "POST",
      url: "/embed/book/details",
      remoteAddress: freshAddress(),
      headers: { "content-type": "application/x-www-form-urlencoded" },
      payload: `note=${"a".repeat(70 * 1024)}`,
    });
    expect(tooLarge.statusCode).toBe(413);
    // Refused before the embed's route is known (Fastify's 413): the site's error page, as today.
    expect(headersOf(tooLarge)).toEqual({ ...privatePage, connection: "close" });
    const missing = await get("/embed/book/no-such-step");
    expect(missing.statusCode).toBe(404);
    expect(headersOf(missing)).toEqual(privatePage);
  });

  it("on a 404, and on a URL refused before any route (400: only the CSP, set by the error page)", async () => {
    const missing = await get("/no-such-page");
    expect(missing.statusCode).toBe(404);
    expect(headersOf(missing)).toEqual(privatePage);
    const malformed = await get("/%");
    expect(malformed.statusCode).toBe(400);
    expect(headersOf(malformed)).toEqual({
      connection: "keep-alive",
      "cache-control": "no-store",
      "content-security-policy": policy("'none'"),
      "content-type": html,
    });
  });

  it("on a client's page, signed in and not", async () => {
    const signedIn = await get("/my/entries", { cookie: clientCookie });
    expect(signedIn.statusCode).toBe(200);
    expect(headersOf(signedIn)).toEqual(privatePage);
    const signedOut = await get("/my/entries");
    expect(signedOut.statusCode).toBe(303);
    expect(headersOf(signedOut)).toEqual({ ...unframed, location: "/sign-in" });
  });

  it("on the answers to POSTs: a client's form sent back, and an anonymous one without its token", async () => {
    const address = freshAddress();
    const cookie = clientCookie;
    const page = await t.app.inject({ url: "/my/entries", headers: { cookie }, remoteAddress: address });
    const invalid = await t.app.inject({
      method: "POST",
      url: "/my/entries",
      remoteAddress: address,
      headers: { cookie, "sec-fetch-site": "same-origin" },
      payload: { _form: formTokenIn(page.body, "/my/entries") },
    });
    expect(invalid.statusCode).toBe(400);
    expect(headersOf(invalid)).toEqual({ ...privatePage, ...limited });
    const anonymous = await t.app.inject({
      method: "POST",
      url: "/sign-in",
      remoteAddress: freshAddress(),
      headers: { "sec-fetch-site": "same-origin" },
      payload: { email: "someone@example.org", password: "not this one" },
    });
    expect(anonymous.statusCode).toBe(403);
    expect(headersOf(anonymous)).toEqual({ ...privatePage, ...limited });
  });
});
