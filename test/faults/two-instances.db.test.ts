import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addTherapist, signInTherapist } from "../support/people.ts";
import type { TestApp } from "../support/test-app.ts";
import { createTwoInstances } from "../support/two-instances.ts";

// What a load balancer does to a signed-in therapist: any request may reach either instance.
// (A confirmation email and a reminder going out once with two instances are shown in
// platform/mail/email-delivery.db.test.ts and booking/reminders/reminders.db.test.ts.)
let first: TestApp;
let second: TestApp;
let instances: Awaited<ReturnType<typeof createTwoInstances>>;

beforeAll(async () => {
  instances = await createTwoInstances();
  ({ first, second } = instances);
});
afterAll(() => instances?.close());

describe("two instances on one database", () => {
  it("keep a session made on one working on the other, and a sign-out on either ends it on both", async () => {
    const therapist = await addTherapist(first, "Noor Haddad", "noor@example.org");
    const cookie = await signInTherapist(first, therapist);
    for (const on of [first, second]) {
      const home = await on.app.inject({ url: "/practice", headers: { cookie } });
      expect(home.statusCode).toBe(200);
      expect(home.body).toContain("Noor Haddad");
    }
    const signOutPage = await second.app.inject({ url: "/account/sign-ins", headers: { cookie } });
    const token = /action="\/sign-out"[\s\S]*?name="_form" value="([^"]+)"/.exec(signOutPage.body)?.[1];
    expect(token).toBeDefined();
    const out = await second.app.inject({
      method: "POST",
      url: "/sign-out",
      headers: { cookie, "sec-fetch-site": "same-origin" },
      payload: { _form: token as string },
    });
    expect(out.statusCode).toBe(303);
    for (const on of [first, second]) {
      const home = await on.app.inject({ url: "/practice", headers: { cookie } });
      expect(home.statusCode).toBe(303);
      expect(home.headers.location).toMatch(/^\/sign-in/);
    }
  });
});
