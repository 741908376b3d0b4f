import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cookieFrom, formTokenIn, freshAddress, submitForm } from "../../../../test/support/forms.ts";
import { addTherapist, signInTherapist, testPassword } from "../../../../test/support/people.ts";
import { createTestApp, type TestApp } from "../../../../test/support/test-app.ts";
import { auditLog } from "../../../platform/audit/audit.schema.ts";
import { issueSetupLink } from "../setup-link.ts";
import { therapists } from "../therapist.schema.ts";
import { totpCodeAt } from "./totp.ts";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const keyOnPage = (html: string) =>
  (/<code class="secret-key">([^<]+)<\/code>/.exec(html)?.[1] ?? "").replace(/\s/g, "");

async function passwordStep(email: string, password = testPassword, address = freshAddress()) {
  const response = await submitForm(t.app, { page: "/sign-in", fields: { email, password }, address });
  const ticket = /name="ticket" value="([^"]+)"/.exec(response.body)?.[1] ?? "";
  return { response, ticket, address };
}

async function codeStep(step: Awaited<ReturnType<typeof passwordStep>>, code: string, ticket = step.ticket) {
  return t.app.inject({
    method: "POST",
    url: "/sign-in/code",
    remoteAddress: step.address,
    headers: { "sec-fetch-site": "same-origin" },
    payload: { _form: formTokenIn(step.response.body, "/sign-in/code"), ticket, code },
  });
}

describe("setting up the second step", () => {
  it("sends a new owner to set it up, lets them reach nothing else first, and shows recovery codes once", async () => {
    const setup = (await issueSetupLink(t.handle.db)) as string;
    const created = await submitForm(t.app, {
      page: setup,
      fields: { displayName: "Ann Ash", email: "ann@example.org", password: testPassword },
    });
    expect(created.headers.location).toBe("/account/two-step");
    const cookie = cookieFrom(created, "haven-session");

    const blocked = await t.app.inject({ url: "/practice", headers: { cookie } });
    expect(blocked.headers.location).toBe("/account/two-step");

    const page = await t.app.inject({ url: "/account/two-step", headers: { cookie } });
    expect(page.statusCode).toBe(200);
    expect(page.headers["cache-control"]).toBe("no-store");
    expect(page.body).toMatch(/<img class="qr-code" src="data:image\/svg\+xml;base64,/);
    const key = keyOnPage(page.body);
    expect(key).toMatch(/^[A-Z2-7]{32}$/);
    // Opening the page wrote nothing: the secret travels sealed in the form.
    const [before] = await t.handle.db
      .select()
      .from(therapists)
      .where(eq(therapists.email, "ann@example.org"));
    expect(before?.totpSecretEncrypted).toBeNull();

    const wrong = await submitForm(t.app, {
      page: "/account/two-step",
      cookie,
      fields: { pending: /name="pending" value="([^"]+)"/.exec(page.body)?.[1] ?? "", code: "000000" },
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.body).toContain("That code didn't work");
    const keptKey = keyOnPage(wrong.body);
    const pending = /name="pending" value="([^"]+)"/.exec(wrong.body)?.[1] ?? "";

    const right = await t.app.inject({
      method: "POST",
      url: "/account/two-step",
      headers: { cookie, "sec-fetch-site": "same-origin" },
      payload: {
        _form: formTokenIn(wrong.body, "/account/two-step"),
        pending,
        code: totpCodeAt(keptKey, new Date()),
      },
    });
    expect(right.statusCode).toBe(200);
    expect(right.headers["cache-control"]).toBe("no-store");
    const codes = [...right.body.matchAll(/<code>([2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4})<\/code>/g)];
    expect(codes).toHaveLength(10);
    // The session is renewed at enrolment: the password-only cookie is over, the new one opens everything.
    expect((await t.app.inject({ url: "/practice", headers: { cookie } })).statusCode).toBe(303);
    const renewed = cookieFrom(right, "haven-session");
    expect((await t.app.inject({ url: "/practice", headers: { cookie: renewed } })).statusCode).toBe(200);

    const [after] = await t.handle.db
      .select()
      .from(therapists)
      .where(eq(therapists.email, "ann@example.org"));
    expect(after?.totpSecretEncrypted).toMatch(/^v1\./);
    expect(after?.totpSecretEncrypted).not.toContain(keptKey);
  });

  it("refuses a sealed secret made for another therapist", async () => {
    const bo = await addTherapist(t, "Bo Birch", "bo@example.org");
    const cy = await addTherapist(t, "Cy Cedar", "cy@example.org");
    const boCookie = await signInTherapist(t, bo);
    const cyCookie = await signInTherapist(t, cy);
    const boPage = await t.app.inject({ url: "/account/two-step", headers: { cookie: boCookie } });
    const stolen = /name="pending" value="([^"]+)"/.exec(boPage.body)?.[1] ?? "";
    const response = await submitForm(t.app, {
      page: "/account/two-step",
      cookie: cyCookie,
      fields: { pending: stolen, code: totpCodeAt(keyOnPage(boPage.body), new Date()) },
    });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain("no longer valid");
  });
});

describe("a sign-in from before the second step", () => {
  it("opens nothing once the second step is on, and cannot move it to another phone", async () => {
    const { createTherapist } = await import("../create-therapist.ts");
    await createTherapist(
      t.handle.db,
      { displayName: "Ida Ivy", email: "ida@example.org", password: testPassword },
      { actor: "test", timeZone: "Europe/London" },
    );
    const signIn = () =>
      submitForm(t.app, { page: "/sign-in", fields: { email: "ida@example.org", password: testPassword } });
    const laptop = cookieFrom(await signIn(), "haven-session");
    const phone = cookieFrom(await signIn(), "haven-session");
    const page = await t.app.inject({ url: "/account/two-step", headers: { cookie: laptop } });
    const enrolled = await submitForm(t.app, {
      page: "/account/two-step",
      cookie: laptop,
      fields: {
        pending: /name="pending" value="([^"]+)"/.exec(page.body)?.[1] ?? "",
        code: totpCodeAt(keyOnPage(page.body), new Date()),
      },
    });
    expect(enrolled.statusCode).toBe(200);
    // The phone's password-only sign-in was ended, and could not have opened the practice anyway.
    expect((await t.app.inject({ url: "/practice", headers: { cookie: phone } })).headers.location).toBe(
      "/sign-in",
    );
    const takeover = await t.app.inject({ url: "/account/two-step", headers: { cookie: phone } });
    expect(takeover.statusCode).toBe(303);
  });
});

describe("signing in with the second step", () => {
  it("asks for the code after the password, and sets no cookie until it is right", async () => {
    const dee = await addTherapist(t, "Dee Dogwood", "dee@example.org");
    const step = await passwordStep(dee.email);
    expect(step.response.statusCode).toBe(200);
    expect(step.response.body).toContain("Enter the 6-digit code");
    expect(step.response.cookies).toEqual([]);

    const wrong = await codeStep(step, "123456");
    expect(wrong.statusCode).toBe(401);
    expect(wrong.body).toMatch(/id="field-code-error">That code didn't work/);
    expect(wrong.cookies).toEqual([]);

    const code = totpCodeAt(dee.secret, new Date());
    const right = await codeStep(step, code);
    expect(right.statusCode).toBe(303);
    expect(right.headers.location).toBe("/practice");
    const cookie = cookieFrom(right, "haven-session");
    expect((await t.app.inject({ url: "/practice", headers: { cookie } })).statusCode).toBe(200);

    // The same code seen over a shoulder does not work a second time.
    const again = await codeStep(await passwordStep(dee.email), code);
    expect(again.statusCode).toBe(401);
  });

  it("accepts each recovery code once", async () => {
    const eve = await addTherapist(t, "Eve Elm", "eve@example.org");
    const recovery = (eve.recoveryCodes[0] as string).toLowerCase();
    const first = await codeStep(await passwordStep(eve.email), recovery);
    expect(first.statusCode).toBe(303);
    const second = await codeStep(await passwordStep(eve.email), recovery);
    expect(second.statusCode).toBe(401);
    const [entry] = await t.handle.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.subject, `therapist:${eve.id}`))
      .orderBy(auditLog.at);
    expect(entry).toBeDefined();
  });

  it("starts again when the ticket is forged or missing", async () => {
    const fay = await addTherapist(t, "Fay Fir", "fay@example.org");
    const step = await passwordStep(fay.email);
    const forged = await codeStep(
      step,
      totpCodeAt(fay.secret, new Date()),
      step.ticket.replace(
        /^[^.]+/,
        fay.id.replace(/.$/, (c) => (c === "0" ? "1" : "0")),
      ),
    );
    expect(forged.statusCode).toBe(400);
    expect(forged.body).toContain("That took a little too long");
    expect(forged.cookies).toEqual([]);
  });

  it("holds the account after repeated wrong codes, even when the password is given again in between", async () => {
    const gus = await addTherapist(t, "Gus Gum", "gus@example.org");
    const earlier = await passwordStep(gus.email);
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++)
      statuses.push((await codeStep(await passwordStep(gus.email), "000000")).statusCode);
    expect(statuses).toEqual([401, 401, 401]);
    // The password alone does not clear the count: it is now held too.
    expect((await passwordStep(gus.email)).response.statusCode).toBe(429);
    const held = await codeStep(earlier, totpCodeAt(gus.secret, new Date()));
    expect(held.statusCode).toBe(429);
    expect(held.body).toContain("Please wait");
    expect(held.cookies).toEqual([]);
  });

  it("holds a made-up address after failures just as a real one, so neither can be told apart", async () => {
    const attempts = async (email: string) => {
      const statuses: number[] = [];
      for (let i = 0; i < 4; i++)
        statuses.push((await passwordStep(email, "not the password at all")).response.statusCode);
      return statuses;
    };
    await addTherapist(t, "Jo Juniper", "jo@example.org");
    expect(await attempts("jo@example.org")).toEqual([401, 401, 401, 429]);
    expect(await attempts("nobody-here@example.org")).toEqual([401, 401, 401, 429]);
  });

  it("keeps a therapist without a second step out of everything but setting one up", async () => {
    const step = await submitForm(t.app, {
      page: "/sign-in",
      fields: { email: "ann@example.org", password: testPassword },
    });
    expect(step.statusCode).toBe(200); // Ann enrolled above, so she gets the code step
    const { createTherapist } = await import("../create-therapist.ts");
    await createTherapist(
      t.handle.db,
      { displayName: "Hal Hazel", email: "hal@example.org", password: testPassword },
      { actor: "test", timeZone: "Europe/London" },
    );
    const hal = await submitForm(t.app, {
      page: "/sign-in",
      fields: { email: "hal@example.org", password: testPassword },
    });
    expect(hal.headers.location).toBe("/account/two-step");
    const cookie = cookieFrom(hal, "haven-session");
    for (const url of ["/practice", "/practice/invite"]) {
      expect((await t.app.inject({ url, headers: { cookie } })).headers.location).toBe("/account/two-step");
    }
  });
});
