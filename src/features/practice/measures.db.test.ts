import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addTherapist, signInTherapist } from "../../../test/support/people.ts";
import { createTestApp, type TestApp } from "../../../test/support/test-app.ts";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe("the measures page", () => {
  it("lists each measure and whether it can be used, for therapists only", async () => {
    const tess = await addTherapist(t, "Tess Teak", "tess@example.org");
    const cookie = await signInTherapist(t, tess);
    const page = await t.app.inject({ url: "/practice/measures", headers: { cookie } });
    expect(page.statusCode).toBe(200);
    expect(page.headers["cache-control"]).toBe("no-store");
    // The demo loads the placeholder pack: published measures are usable only as placeholders.
    expect(page.body).toContain("Ready — placeholder wording, not for real use");
    expect(page.body).toContain("Haven's own reflection, not a validated test");
    expect((await t.app.inject({ url: "/practice/measures" })).headers.location).toBe("/sign-in");
  });
});
