import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { submitForm } from "../../../../test/support/forms.ts";
import {
  addClients,
  addTherapist,
  signInTherapist,
  type TestClient,
} from "../../../../test/support/people.ts";
import { createTestApp, type TestApp } from "../../../../test/support/test-app.ts";
import { auditLog } from "../../../platform/audit/audit.schema.ts";
import { clients } from "../../accounts/clients/client.schema.ts";

// Closing a client (issue 14, item 2): sign-in stops at once, the records stay until the retention date.

let t: TestApp;
let tessCookie: string;
let umaCookie: string;
let dee: TestClient;

beforeAll(async () => {
  t = await createTestApp();
  await addTherapist(t, "Otto Oak", "otto@example.org");
  const tess = await addTherapist(t, "Tess Teak", "tess@example.org");
  const uma = await addTherapist(t, "Uma Umber", "uma@example.org");
  [dee] = (await addClients(t, tess.id, [{ name: "Dee Dogwood", email: "dee@example.org" }])) as [TestClient];
  tessCookie = await signInTherapist(t, tess);
  umaCookie = await signInTherapist(t, uma);
});
afterAll(() => t.close());

const closePage = () => `/practice/clients/${dee.id}/close`;
const close = (fields: Record<string, string>, cookie = tessCookie) =>
  submitForm(t.app, { page: closePage(), cookie, fields });
const rowOf = async () => (await t.handle.db.select().from(clients).where(eq(clients.id, dee.id)))[0];

describe("closing a client's account", () => {
  it("asks for the tick beside the box, and changes nothing without it", async () => {
    const page = await t.app.inject({ url: closePage(), headers: { cookie: tessCookie } });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain("Nothing is deleted today");
    const refused = await close({});
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain("Please tick the box to confirm");
    expect(refused.body).toContain('aria-invalid="true"');
    expect((await rowOf())?.status).toBe("active");
    // Another therapist's client is no client at all.
    expect((await t.app.inject({ url: closePage(), headers: { cookie: umaCookie } })).statusCode).toBe(404);
  });

  it("stops sign-in at once and keeps the records until the retention date (audited)", async () => {
    expect((await t.app.inject({ url: "/my", headers: { cookie: dee.cookie } })).statusCode).toBe(200);
    const done = await close({ confirm: "yes" });
    expect(done.statusCode).toBe(303);
    expect(done.headers.location).toBe(`/practice/clients/${dee.id}`);
    const row = await rowOf();
    expect(row?.status).toBe("closed");
    const years = (row?.retainedUntil?.getUTCFullYear() ?? 0) - new Date().getUTCFullYear();
    expect(years).toBe(7);
    expect(row?.erasureRequestedAt).toBeNull();
    expect((await t.app.inject({ url: "/my", headers: { cookie: dee.cookie } })).statusCode).toBe(303);
    const [entry] = await t.handle.db.select().from(auditLog).where(eq(auditLog.action, "client.closed"));
    expect(entry?.subject).toBe(`client:${dee.id}`);
    const list = (
      await t.app.inject({ url: "/practice/clients?status=closed", headers: { cookie: tessCookie } })
    ).body;
    expect(list).toContain("Dee Dogwood");
    const again = await t.app.inject({ url: closePage(), headers: { cookie: tessCookie } });
    expect(again.body).toContain("already closed");
  });
});
