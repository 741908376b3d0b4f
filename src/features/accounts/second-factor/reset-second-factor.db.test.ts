import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { submitForm } from "../../../../test/support/forms.ts";
import { addTherapist, signInTherapist, type TestTherapist } from "../../../../test/support/people.ts";
import { createTestApp, type TestApp } from "../../../../test/support/test-app.ts";
import { auditLog } from "../../../platform/audit/audit.schema.ts";
import { therapists } from "../therapist.schema.ts";
import { recoveryCodes } from "./recovery-code.schema.ts";
import { resetSecondFactorCommand } from "./reset-second-factor-command.ts";

// Account recovery for therapists (issue 14, item 6): the owner resets another therapist's second step
// on the web; the command line does it for the owner, with Haven stopped. Both audited.

let t: TestApp;
let otto: TestTherapist;
let uma: TestTherapist;
let ottoCookie: string;
let umaCookie: string;

beforeAll(async () => {
  t = await createTestApp();
  otto = await addTherapist(t, "Otto Oak", "otto@example.org");
  uma = await addTherapist(t, "Uma Umber", "uma@example.org");
  ottoCookie = await signInTherapist(t, otto);
  umaCookie = await signInTherapist(t, uma);
});
afterAll(() => t.close());

const rowOf = async (id: string) =>
  (await t.handle.db.select().from(therapists).where(eq(therapists.id, id)))[0];
const codesOf = (id: string) =>
  t.handle.db
    .select()
    .from(recoveryCodes)
    .where(and(eq(recoveryCodes.accountKind, "therapist"), eq(recoveryCodes.accountId, id)));
const reset = (target: TestTherapist) =>
  submitForm(t.app, {
    page: "/practice/therapists",
    action: `/practice/therapists/${target.id}/second-step/reset`,
    cookie: ottoCookie,
    fields: {},
  });

describe("the owner resets another therapist's second step", () => {
  it("clears the authenticator and recovery codes, ends their sign-ins, and is audited", async () => {
    expect((await codesOf(uma.id)).length).toBeGreaterThan(0);
    const done = await reset(uma);
    expect(done.statusCode).toBe(303);
    expect(done.headers.location).toBe("/practice/therapists?notice=second-step-reset");
    const row = await rowOf(uma.id);
    expect(row?.totpEnabledAt).toBeNull();
    expect(row?.totpSecretEncrypted).toBeNull();
    expect(await codesOf(uma.id)).toEqual([]);
    // Signed out everywhere: the old session opens nothing.
    const home = await t.app.inject({ url: "/practice", headers: { cookie: umaCookie } });
    expect(home.statusCode).toBe(303);
    const [entry] = await t.handle.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, "therapist.second-factor-reset"));
    expect(entry?.actor).toBe(`therapist:${otto.id}`);
    expect(entry?.subject).toBe(`therapist:${uma.id}`);
    // The owner's page no longer offers a reset for someone with no second step.
    const page = (
      await t.app.inject({ url: done.headers.location as string, headers: { cookie: ottoCookie } })
    ).body;
    expect(page).toContain("Their second step is reset");
    expect(page).not.toContain(`/practice/therapists/${uma.id}/second-step/reset`);
  });

  it("sends them to set up a new second step at their next sign-in", async () => {
    const step = await submitForm(t.app, {
      page: "/sign-in",
      fields: { email: uma.email, password: uma.password },
    });
    expect(step.statusCode).toBe(303);
    expect(step.headers.location).toMatch(/two-step|second-step|enrol/);
  });

  it("does not reset the owner's own from the web, nor an address that is no therapist", async () => {
    const before = await rowOf(otto.id);
    const own = await t.app.inject({
      method: "POST",
      url: `/practice/therapists/${otto.id}/second-step/reset`,
      headers: { cookie: ottoCookie, "sec-fetch-site": "same-origin" },
      payload: {},
    });
    expect([303, 403]).toContain(own.statusCode);
    expect((await rowOf(otto.id))?.totpEnabledAt).toEqual(before?.totpEnabledAt);
    const notAnId = await t.app.inject({
      method: "POST",
      url: "/practice/therapists/not-an-id/second-step/reset",
      headers: { cookie: ottoCookie, "sec-fetch-site": "same-origin" },
      payload: {},
    });
    expect(notAnId.statusCode).toBeLessThan(500);
  });
});

describe("the command line resets the owner's second step", () => {
  it("resets by email, audited as the command line; an unknown address changes nothing", async () => {
    const unknown = await resetSecondFactorCommand(t.handle.db, ["nobody@example.org"]);
    expect(unknown.code).toBe(1);
    expect(unknown.message).toContain("No therapist signs in as nobody@example.org");
    expect((await resetSecondFactorCommand(t.handle.db, [])).code).toBe(2);
    expect((await rowOf(otto.id))?.totpEnabledAt).not.toBeNull();

    const done = await resetSecondFactorCommand(t.handle.db, ["OTTO@example.org "]);
    expect(done.code).toBe(0);
    expect((await rowOf(otto.id))?.totpEnabledAt).toBeNull();
    expect(await codesOf(otto.id)).toEqual([]);
    const entries = await t.handle.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "therapist.second-factor-reset"), eq(auditLog.actor, "cli")));
    expect(entries.map((e) => e.subject)).toEqual([`therapist:${otto.id}`]);
  });
});
