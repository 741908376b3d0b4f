import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cookieFrom, formTokenIn, freshAddress, submitForm } from "../../../test/support/forms.ts";
import { createTestApp, type TestApp } from "../../../test/support/test-app.ts";
import { createTherapist } from "./create-therapist.ts";
import { issueSetupLink } from "./setup-link.ts";

const password = "the kettle sings at dawn";
let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

async function signIn(email = "cal@example.org", pass = password, cookie?: string) {
  return submitForm(t.app, {
    page: "/sign-in",
    fields: { email, password: pass },
    ...(cookie ? { cookie } : {}),
  });
}

describe("first run", () => {
  it("offers a one-time setup link that a GET never uses up, and that creates the owner", async () => {
    const path = (await issueSetupLink(t.handle.db)) as string;
    expect(path).toMatch(/^\/setup\/[\w-]{20,}$/);
    expect((await t.app.inject({ url: path })).statusCode).toBe(200);
    const page = await t.app.inject({ url: path });
    expect(page.statusCode).toBe(200); // opening it twice (a mail scanner, a preview) changes nothing
    expect(page.headers["cache-control"]).toBe("no-store");

    const bad = await submitForm(t.app, {
      page: path,
      fields: { displayName: "Ann Ash", email: "ann@", password: "short" },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain("That email address looks incomplete");
    expect(bad.body).toContain('value="Ann Ash"');
    expect(bad.body).toContain('aria-invalid="true"');

    const good = await submitForm(t.app, {
      page: path,
      fields: { displayName: "Ann Ash", email: "ann@example.org", password },
    });
    expect(good.statusCode).toBe(303);
    expect(good.headers.location).toBe("/account/two-step");
    expect((await t.app.inject({ url: path })).statusCode).toBe(404);
    expect(await issueSetupLink(t.handle.db)).toBeUndefined();
  });

  it("refuses a made-up setup link", async () => {
    const response = await t.app.inject({ url: "/setup/not-a-real-token-at-all-000" });
    expect(response.statusCode).toBe(404);
    expect(response.body).toContain("already been used or has expired");
  });
});

describe("therapist sign-in", () => {
  beforeAll(async () => {
    await createTherapist(
      t.handle.db,
      { displayName: "Cal Cedar", email: "cal@example.org", password },
      { actor: "test", timeZone: "Europe/London" },
    );
  });

  it("shows the form, never cached", async () => {
    const response = await t.app.inject({ url: "/sign-in" });
    expect(response.headers["cache-control"]).toBe("no-store");
    expect(response.body).toContain('name="_form"');
    expect(response.body).toContain('autocomplete="current-password"');
  });

  it("shows the form again with the email kept when the form token is missing", async () => {
    const response = await t.app.inject({
      method: "POST",
      url: "/sign-in",
      remoteAddress: freshAddress(),
      payload: { email: "ann@example.org", password },
    });
    expect(response.statusCode).toBe(403);
    expect(response.body).toContain("This form had been open a long time");
    expect(response.body).toContain('value="ann@example.org"');
    expect(response.cookies).toEqual([]);
  });

  it("refuses a post from another site even with a token", async () => {
    const page = await t.app.inject({ url: "/sign-in" });
    const response = await t.app.inject({
      method: "POST",
      url: "/sign-in",
      remoteAddress: freshAddress(),
      headers: { "sec-fetch-site": "cross-site" },
      payload: { _form: formTokenIn(page.body, "/sign-in"), email: "ann@example.org", password },
    });
    expect(response.statusCode).toBe(403);
  });

  it("puts a message beside a field that is wrong, keeping what was typed", async () => {
    const response = await signIn("ann at example", "");
    expect(response.statusCode).toBe(400);
    expect(response.body).toMatch(/id="field-email-error">That email address looks incomplete/);
    expect(response.body).toMatch(/id="field-password-error">Please enter your password/);
    expect(response.body).toContain('value="ann at example"');
  });

  it("answers an unknown email exactly as a wrong password", async () => {
    const unknown = await signIn("nobody@example.org", password);
    const wrong = await signIn("cal@example.org", "not the right one");
    expect(unknown.statusCode).toBe(401);
    expect(wrong.statusCode).toBe(401);
    const strip = (html: string) =>
      html.replace(/name="_form" value="[^"]+"/g, "").replace(/value="[^"]*@example.org"/, "");
    expect(strip(unknown.body)).toBe(strip(wrong.body));
  });

  it("signs in with an HttpOnly, SameSite cookie and shows the person's own sign-ins", async () => {
    const response = await signIn();
    expect(response.statusCode).toBe(303);
    const setCookie = String(response.headers["set-cookie"]);
    expect(setCookie).toMatch(/^haven-session=/);
    expect(setCookie).toContain("HttpOnly");
    expect(setCookie).toContain("SameSite=Lax");
    const page = await t.app.inject({
      url: "/account/sign-ins",
      headers: { cookie: cookieFrom(response, "haven-session") },
    });
    expect(page.statusCode).toBe(200);
    expect(page.headers["cache-control"]).toBe("no-store");
    expect(page.body).toContain("This device");
  });

  it("sends a visitor without a session to the sign-in page", async () => {
    const response = await t.app.inject({ url: "/account/sign-ins" });
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe("/sign-in");
  });

  it("changes the session token at every sign-in", async () => {
    const first = cookieFrom(await signIn(), "haven-session");
    // Signing in again from the same browser (its old cookie sent along with the form).
    const page = await t.app.inject({ url: "/sign-in" });
    const second = await t.app.inject({
      method: "POST",
      url: "/sign-in",
      remoteAddress: freshAddress(),
      headers: { cookie: first, "sec-fetch-site": "same-origin" },
      payload: { _form: formTokenIn(page.body, "/sign-in"), email: "cal@example.org", password },
    });
    expect(cookieFrom(second, "haven-session")).not.toBe(first);
    expect((await t.app.inject({ url: "/account/sign-ins", headers: { cookie: first } })).statusCode).toBe(
      303,
    );
  });

  it("ends another sign-in from the list, then every sign-in", async () => {
    // A therapist of this test's own, signed in on exactly two devices.
    await createTherapist(
      t.handle.db,
      { displayName: "Dee Dogwood", email: "dee@example.org", password },
      { actor: "test", timeZone: "Europe/London" },
    );
    const phone = cookieFrom(await signIn("dee@example.org"), "haven-session");
    const laptop = cookieFrom(await signIn("dee@example.org"), "haven-session");
    const list = await t.app.inject({ url: "/account/sign-ins", headers: { cookie: laptop } });
    const ref = /name="ref" value="([^"]+)"/.exec(list.body)?.[1] as string;
    const ended = await submitForm(t.app, {
      page: "/account/sign-ins",
      action: "/account/sign-ins/end",
      cookie: laptop,
      fields: { ref },
    });
    expect(ended.headers.location).toBe("/account/sign-ins?notice=ended");
    const statuses = await Promise.all(
      [phone, laptop].map(
        async (cookie) => (await t.app.inject({ url: "/account/sign-ins", headers: { cookie } })).statusCode,
      ),
    );
    expect(statuses).toEqual([303, 200]); // the phone was ended, the laptop goes on
    const survivor = laptop;
    const all = await submitForm(t.app, {
      page: "/account/sign-ins",
      action: "/account/sign-ins/end-all",
      cookie: survivor,
      fields: {},
    });
    expect(all.body).toContain("Every sign-in has been ended");
    expect((await t.app.inject({ url: "/account/sign-ins", headers: { cookie: survivor } })).statusCode).toBe(
      303,
    );
  });

  it("signs out with the button, and the old cookie stops working", async () => {
    const cookie = cookieFrom(await signIn(), "haven-session");
    const out = await submitForm(t.app, {
      page: "/account/sign-ins",
      action: "/sign-out",
      cookie,
      fields: {},
    });
    expect(out.statusCode).toBe(303);
    expect((await t.app.inject({ url: "/account/sign-ins", headers: { cookie } })).statusCode).toBe(303);
  });

  it("counts every attempt from one address, refused ones too, and answers with the friendly page", async () => {
    const address = freshAddress();
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) {
      const response = await t.app.inject({
        method: "POST",
        url: "/sign-in",
        remoteAddress: address,
        payload: {},
      });
      statuses.push(response.statusCode);
      if (response.statusCode === 429) expect(response.body).toContain("Please wait a moment");
    }
    expect(statuses.slice(0, 10).every((s) => s === 403)).toBe(true);
    expect(statuses[10]).toBe(429);
  });
});

describe("with an https public URL", () => {
  let https: TestApp;
  beforeAll(async () => {
    https = await createTestApp({ env: { HAVEN_PUBLIC_URL: "https://haven.example.org" } });
    await createTherapist(
      https.handle.db,
      { displayName: "Ann", email: "ann@example.org", password },
      { actor: "test", timeZone: "Europe/London" },
    );
  });
  afterAll(() => https.close());

  it("uses a __Host- cookie marked Secure", async () => {
    const response = await submitForm(https.app, {
      page: "/sign-in",
      fields: { email: "ann@example.org", password },
    });
    const setCookie = String(response.headers["set-cookie"]);
    expect(setCookie).toMatch(/^__Host-haven-session=/);
    expect(setCookie).toContain("Secure");
    expect(setCookie).toContain("Path=/");
    expect(setCookie).not.toContain("Domain=");
  });
});
