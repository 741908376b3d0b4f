import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cookieFrom, formTokenIn, freshAddress, submitForm } from "../../../../test/support/forms.ts";
import { linkMailedTo } from "../../../../test/support/outbox.ts";
import { addClients, addTherapist, type TestClient } from "../../../../test/support/people.ts";
import { createTestApp, type TestApp } from "../../../../test/support/test-app.ts";
import { auditLog } from "../../../platform/audit/audit.schema.ts";
import { totpCodeAt } from "../second-factor/totp.ts";

let t: TestApp;
let bea: TestClient;

beforeAll(async () => {
  t = await createTestApp();
  const tess = await addTherapist(t, "Tess Teak", "tess@example.org");
  [bea] = (await addClients(t, tess.id, [{ name: "Bea Birch", email: "bea@example.org" }])) as [TestClient];
});
afterAll(() => t.close());

const keyOnPage = (html: string) =>
  (/<code class="secret-key">([^<]+)<\/code>/.exec(html)?.[1] ?? "").replace(/\s/g, "");

describe("a client's optional second step", () => {
  let key = "";

  it("is offered in the client's space and set up like a therapist's", async () => {
    const space = await t.app.inject({ url: "/my", headers: { cookie: bea.cookie } });
    expect(space.body).toContain('href="/my/two-step"');
    const page = await t.app.inject({ url: "/my/two-step", headers: { cookie: bea.cookie } });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain("even if someone else can read your email");
    key = keyOnPage(page.body);
    const done = await submitForm(t.app, {
      page: "/my/two-step",
      cookie: bea.cookie,
      fields: {
        pending: /name="pending" value="([^"]+)"/.exec(page.body)?.[1] ?? "",
        // This moment's code: one from the step before could be two steps old by the time it is checked.
        code: totpCodeAt(key, new Date()),
      },
    });
    expect(done.statusCode).toBe(200);
    expect([...done.body.matchAll(/<code>[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4}<\/code>/g)]).toHaveLength(10);
    expect(done.body).toContain('href="/my"');
    const data = await t.app.inject({
      url: "/my/data.json",
      headers: { cookie: cookieFrom(done, "haven-session") },
    });
    expect(data.body).toContain('"recoveryCodesLeft": 10');
  });

  it("then asks for the code after the emailed link, and signs in only with it", async () => {
    await submitForm(t.app, {
      page: "/sign-in",
      action: "/sign-in/link",
      fields: { email: "bea@example.org" },
    });
    const link = await linkMailedTo(t, "bea@example.org", "/sign-in/link");
    const step = await submitForm(t.app, { page: link, fields: {} });
    expect(step.statusCode).toBe(200);
    expect(step.body).toContain("Enter the 6-digit code");
    expect(step.cookies).toEqual([]);
    const ticket = /name="ticket" value="([^"]+)"/.exec(step.body)?.[1] ?? "";
    const post = (code: string) =>
      t.app.inject({
        method: "POST",
        url: "/sign-in/client-code",
        remoteAddress: freshAddress(),
        headers: { "sec-fetch-site": "same-origin" },
        payload: { _form: formTokenIn(step.body, "/sign-in/client-code"), ticket, code },
      });
    const wrong = await post("000000");
    expect(wrong.statusCode).toBe(401);
    expect(wrong.cookies).toEqual([]);
    const signIns = () => t.handle.db.select().from(auditLog).where(eq(auditLog.action, "client.sign-in"));
    const before = (await signIns()).length;
    // The next step's code (a phone a little fast): this moment's was used to set the app up.
    const right = await post(totpCodeAt(key, new Date(Date.now() + 30_000)));
    expect(right.statusCode).toBe(303);
    expect(right.headers.location).toBe("/my");
    const cookie = cookieFrom(right, "haven-session");
    expect((await t.app.inject({ url: "/my", headers: { cookie } })).statusCode).toBe(200);
    expect((await signIns()).length).toBe(before + 1);
  });

  it("does not let a client's ticket stand in for a therapist's", async () => {
    await submitForm(t.app, {
      page: "/sign-in",
      action: "/sign-in/link",
      fields: { email: "bea@example.org" },
    });
    const link = await linkMailedTo(t, "bea@example.org", "/sign-in/link");
    const step = await submitForm(t.app, { page: link, fields: {} });
    const ticket = /name="ticket" value="([^"]+)"/.exec(step.body)?.[1] ?? "";
    const swapped = await t.app.inject({
      method: "POST",
      url: "/sign-in/code",
      remoteAddress: freshAddress(),
      headers: { "sec-fetch-site": "same-origin" },
      payload: {
        _form: formTokenIn(step.body, "/sign-in/client-code"),
        ticket,
        code: totpCodeAt(key, new Date()),
      },
    });
    expect(swapped.statusCode).toBe(400);
    expect(swapped.cookies).toEqual([]);
  });
});
