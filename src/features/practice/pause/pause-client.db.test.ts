import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { submitForm, withoutFormTokens } from "../../../../test/support/forms.ts";
import {
  addClients,
  addTherapist,
  signInTherapist,
  type TestClient,
} from "../../../../test/support/people.ts";
import { createTestApp, type TestApp } from "../../../../test/support/test-app.ts";
import { auditLog } from "../../../platform/audit/audit.schema.ts";
import { clients } from "../../accounts/clients/client.schema.ts";
import { therapistNotifications } from "../../notifications/notification.schema.ts";
import { workspaceEntries } from "../../workspace/entry.schema.ts";

// Pausing a client (issue 14, item 2; record 058): they still sign in and read, write nothing new, and
// safety is never paused.

let t: TestApp;
let tessCookie: string;
let umaCookie: string;
let dee: TestClient;

beforeAll(async () => {
  t = await createTestApp();
  const tess = await addTherapist(t, "Tess Teak", "tess@example.org");
  const uma = await addTherapist(t, "Uma Umber", "uma@example.org");
  [dee] = (await addClients(t, tess.id, [{ name: "Dee Dogwood", email: "dee@example.org" }])) as [TestClient];
  tessCookie = await signInTherapist(t, tess);
  umaCookie = await signInTherapist(t, uma);
});
afterAll(() => t.close());

const pausePage = (id = dee.id) => `/practice/clients/${id}/pause`;
const statusOf = async () =>
  (await t.handle.db.select().from(clients).where(eq(clients.id, dee.id)))[0]?.status;
const entriesOf = async () =>
  (await t.handle.db.select().from(workspaceEntries).where(eq(workspaceEntries.clientId, dee.id))).length;
const write = (body: string) =>
  submitForm(t.app, { page: "/my/entries", cookie: dee.cookie, fields: { body, sharing: "nobody" } });

describe("pausing a client", () => {
  it("asks for the tick beside the box and changes nothing without it; others get the same 404", async () => {
    const refused = await submitForm(t.app, { page: pausePage(), cookie: tessCookie, fields: {} });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain("Please tick the box to confirm the pause.");
    expect(refused.body).toContain('aria-invalid="true"');
    expect(await statusOf()).toBe("active");
    const other = await t.app.inject({ url: pausePage(), headers: { cookie: umaCookie } });
    const madeUp = await t.app.inject({ url: pausePage(randomUUID()), headers: { cookie: umaCookie } });
    const malformed = await t.app.inject({ url: pausePage("nope"), headers: { cookie: tessCookie } });
    expect([other.statusCode, madeUp.statusCode, malformed.statusCode]).toEqual([404, 404, 404]);
    expect(withoutFormTokens(other.body)).toBe(withoutFormTokens(madeUp.body));
  });

  it("lets a paused client read but not write, still alerts on crisis words, and resumes (audited)", async () => {
    const paused = await submitForm(t.app, {
      page: pausePage(),
      cookie: tessCookie,
      fields: { confirm: "yes" },
    });
    expect(paused.statusCode).toBe(303);
    expect(await statusOf()).toBe("paused");
    const record = await t.app.inject({
      url: `/practice/clients/${dee.id}`,
      headers: { cookie: tessCookie },
    });
    expect(record.body).toContain("Account paused.");
    const list = await t.app.inject({
      url: "/practice/clients?status=paused",
      headers: { cookie: tessCookie },
    });
    expect(list.body).toContain("Dee Dogwood");
    const asked = await submitForm(t.app, {
      page: `/practice/clients/${dee.id}`,
      action: `/practice/clients/${dee.id}/measures`,
      cookie: tessCookie,
      fields: { instrument: "csi-4", often: "once", weekday: "1" },
    });
    expect(asked.statusCode).toBe(400);
    expect(asked.body).toContain("work is paused, so they cannot be asked for a questionnaire");

    expect((await t.app.inject({ url: "/my/entries", headers: { cookie: dee.cookie } })).statusCode).toBe(
      200,
    );
    const note = await write("A quiet evening");
    expect(note.statusCode).toBe(403);
    expect(note.body).toContain("Your space is paused");
    expect(await entriesOf()).toBe(0);
    // Safety is never paused: the therapist is alerted and help now is on the answer.
    const crisis = await write("I want to kill myself");
    expect(crisis.statusCode).toBe(403);
    expect(crisis.body).toMatch(/<div id="crisis-panel" class="crisis-panel" role="status">/);
    const alerts = await t.handle.db
      .select()
      .from(therapistNotifications)
      .where(
        and(eq(therapistNotifications.clientId, dee.id), eq(therapistNotifications.kind, "crisis-words")),
      );
    expect(alerts).toHaveLength(1);
    expect(await entriesOf()).toBe(0);

    const resumed = await submitForm(t.app, {
      page: pausePage(),
      action: `${pausePage().replace("/pause", "")}/resume`,
      cookie: tessCookie,
      fields: {},
    });
    expect(resumed.statusCode).toBe(303);
    expect(await statusOf()).toBe("active");
    expect((await write("A quiet evening")).statusCode).toBe(303);
    expect(await entriesOf()).toBe(1);
    const actions = (
      await t.handle.db
        .select()
        .from(auditLog)
        .where(eq(auditLog.subject, `client:${dee.id}`))
    ).map((row) => row.action);
    expect(actions).toEqual(expect.arrayContaining(["client.paused", "client.resumed"]));
  });
});
