import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formTokenIn, freshAddress } from "../../../test/support/forms.ts";
import { addClients, addTherapist, signInTherapist, type TestClient } from "../../../test/support/people.ts";
import { createTestApp, type TestApp } from "../../../test/support/test-app.ts";

// Issue 16, item 4: a person signed in finds their own places in the header, and signs out from any of
// their pages; public pages, cached and the same for everyone, never carry anyone's header.

let t: TestApp;
let ottoCookie: string;
let tessCookie: string;
let bea: TestClient;

const headerOf = (body: string) =>
  body.slice(body.indexOf('<header class="site-header"'), body.indexOf("</header>"));
const get = (url: string, cookie?: string) =>
  t.app.inject({ url, ...(cookie ? { headers: { cookie } } : {}) });
const links = (header: string) => [...header.matchAll(/<a\b[^>]*\bhref="([^"]+)"/g)].map((match) => match[1]);

beforeAll(async () => {
  t = await createTestApp();
  const otto = await addTherapist(t, "Otto Oak", "otto@example.org"); // the first owns the practice
  const tess = await addTherapist(t, "Tess Teak", "tess@example.org");
  [bea] = (await addClients(t, tess.id, [{ name: "Bea Birch", email: "bea@example.org" }])) as [TestClient];
  ottoCookie = await signInTherapist(t, otto);
  tessCookie = await signInTherapist(t, tess);
});
afterAll(() => t.close());

describe("the header of someone signed in", () => {
  it("gives a therapist their day, clients and consultations; the owner also articles and settings", async () => {
    const owner = headerOf((await get("/practice", ottoCookie)).body);
    expect(links(owner)).toEqual([
      "/",
      "/practice",
      "/practice/clients",
      "/practice/consultations",
      "/practice/articles",
      "/practice/settings",
      "/help-now",
    ]);
    expect(owner).toContain('<form method="post" action="/sign-out"');
    expect(owner).not.toContain("/sign-in");

    const therapist = headerOf((await get("/practice/clients", tessCookie)).body);
    expect(links(therapist)).toEqual([
      "/",
      "/practice",
      "/practice/clients",
      "/practice/consultations",
      "/help-now",
    ]);
  });

  it("gives a client their space and help, and signing out works from it", async () => {
    const page = (await get("/my", bea.cookie)).body;
    const header = headerOf(page);
    expect(links(header)).toEqual(["/", "/my", "/help-now"]);
    expect(header).not.toContain("/practice");
    const signOut = await t.app.inject({
      method: "POST",
      url: "/sign-out",
      remoteAddress: freshAddress(),
      headers: { cookie: bea.cookie, "sec-fetch-site": "same-origin" },
      payload: { _form: formTokenIn(header, "/sign-out") },
    });
    expect(signOut.statusCode).toBe(303);
    expect((await get("/my", bea.cookie)).headers.location).toBe("/sign-in");
  });

  it("never reaches a public page, even one first rendered for someone signed in", async () => {
    for (const url of ["/", "/articles", "/help-now", "/book"]) {
      const signedIn = headerOf((await get(url, tessCookie)).body);
      const nobody = headerOf((await get(url)).body);
      expect(signedIn, url).toBe(nobody);
      expect(signedIn, url).toContain('href="/sign-in"');
      expect(signedIn, url).not.toContain("/sign-out");
    }
  });
});
