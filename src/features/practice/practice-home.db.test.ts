import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formTokenIn, freshAddress, submitForm } from "../../../test/support/forms.ts";
import {
  addClients,
  addTherapist,
  signInTherapist,
  type TestClient,
  type TestTherapist,
} from "../../../test/support/people.ts";
import { seedConsultation } from "../../../test/support/seed-consultation.ts";
import { createTestApp, type TestApp } from "../../../test/support/test-app.ts";
import { auditLog } from "../../platform/audit/audit.schema.ts";
import { lookupHash } from "../../platform/security/lookup-hash.ts";
import { clients } from "../accounts/clients/client.schema.ts";
import { sealClientField } from "../accounts/clients/client-crypto.ts";
import { therapists } from "../accounts/therapist.schema.ts";
import { measureAssignments } from "../assessments/measures/measure-assignment.schema.ts";
import { therapistNotifications } from "../notifications/notification.schema.ts";

// The day at a glance (issue 14, item 1): safety alerts first, then the week's consultations, requests,
// lapsed invitations, questionnaires waiting; and a named cover who sees an away colleague's alerts.

let t: TestApp;
let otto: TestTherapist;
let tess: TestTherapist;
let uma: TestTherapist;
let bea: TestClient;
let ottoCookie: string;
let tessCookie: string;
let umaCookie: string;
const day = 24 * 60 * 60 * 1000;

const get = (url: string, cookie: string) => t.app.inject({ url, headers: { cookie } });
const notify = (therapistId: string, kind: "crisis-words" | "shared-with-therapist", minutesAgo: number) =>
  t.handle.db
    .insert(therapistNotifications)
    .values({ therapistId, clientId: bea.id, kind, createdAt: new Date(Date.now() - minutesAgo * 60_000) })
    .returning()
    .then((rows) => rows[0]?.id as string);

async function invitedClient(name: string, daysAgo: number): Promise<string> {
  const id = randomUUID();
  await t.handle.db.insert(clients).values({
    id,
    therapistId: tess.id,
    status: "invited",
    nameEncrypted: sealClientField(t.keys, id, "name_encrypted", name),
    emailEncrypted: sealClientField(t.keys, id, "email_encrypted", `${id}@example.org`),
    emailLookup: lookupHash(t.keys, `${id}@example.org`),
    createdAt: new Date(Date.now() - daysAgo * day),
  });
  return id;
}

beforeAll(async () => {
  t = await createTestApp();
  otto = await addTherapist(t, "Otto Oak", "otto@example.org"); // the first owns the practice
  tess = await addTherapist(t, "Tess Teak", "tess@example.org");
  uma = await addTherapist(t, "Uma Umber", "uma@example.org");
  [bea] = (await addClients(t, tess.id, [{ name: "Bea Birch", email: "bea@example.org" }])) as [TestClient];
  ottoCookie = await signInTherapist(t, otto);
  tessCookie = await signInTherapist(t, tess);
  umaCookie = await signInTherapist(t, uma);
});
afterAll(() => t.close());

describe("the practice home", () => {
  it("lists a safety alert above everything else, even above newer notices", async () => {
    await notify(tess.id, "crisis-words", 60);
    await notify(tess.id, "shared-with-therapist", 5);
    await seedConsultation(t.handle.db, t.keys, {
      therapistId: tess.id,
      startsAt: new Date(Date.now() + 2 * day),
      visitor: { name: "Vic Vale", note: "my partner reads my texts", leaveMessage: false },
    });
    await invitedClient("Ida Ivy", 8);
    await t.handle.db.insert(measureAssignments).values({
      clientId: bea.id,
      therapistId: tess.id,
      instrumentId: "ecr-r",
      assignedAt: new Date(Date.now() - 9 * day),
    });

    const home = await get("/practice", tessCookie);
    expect(home.statusCode).toBe(200);
    expect(home.headers["cache-control"]).toBe("no-store");
    const body = home.body;
    const alert = body.indexOf("Bea Birch wrote words that may mean they are in danger");
    expect(alert).toBeGreaterThan(-1);
    const later = [
      'id="needs-you"',
      "Bea Birch shared something with you",
      'id="consultations-this-week"',
      'id="stale-invitations"',
      'id="measures-due"',
      'id="your-clients"',
    ].map((marker) => [marker, body.indexOf(marker)] as const);
    for (const [marker, at] of later) {
      expect(at, marker).toBeGreaterThan(alert);
    }
    expect(body.indexOf('id="safety-alerts"')).toBeLessThan(alert);
  });

  it("shows the week's consultations with what each visitor chose to share, never the note itself (audited)", async () => {
    const body = (await get("/practice", tessCookie)).body;
    const section = body.slice(
      body.indexOf('id="consultations-this-week"'),
      body.indexOf('id="stale-invitations"'),
    );
    expect(section).toContain("Vic Vale");
    expect(section).toContain("Shared a note.");
    expect(section).toContain("Asked for no messages to be left.");
    expect(body).not.toContain("reads my texts");
    const audited = await t.handle.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "consultations.glanced"), eq(auditLog.actor, `therapist:${tess.id}`)));
    expect(audited.length).toBeGreaterThan(0);
    // Another therapist's home shows none of Tess's week.
    expect((await get("/practice", umaCookie)).body).not.toContain("Vic Vale");
  });

  it("lists invitations not accepted after seven days, and questionnaires overdue", async () => {
    await invitedClient("Jo Juniper", 2);
    const body = (await get("/practice", tessCookie)).body;
    const invitations = body.slice(body.indexOf('id="stale-invitations"'), body.indexOf('id="measures-due"'));
    expect(invitations).toContain("Ida Ivy");
    expect(invitations).not.toContain("Jo Juniper");
    const measures = body.slice(body.indexOf('id="measures-due"'), body.indexOf('id="your-clients"'));
    expect(measures).toContain("Bea Birch: 1 questionnaire waiting");
    expect(measures).toContain("overdue");
  });

  it("counts the caseload without naming anyone who needs nothing today", async () => {
    await addClients(t, tess.id, [
      { name: "Cal Cedar", email: "cal@example.org" },
      { name: "Dee Cedar", email: "dee@example.org" },
    ]);
    const body = (await get("/practice", tessCookie)).body;
    const caseload = body.slice(body.indexOf('id="your-clients"'));
    // Bea, Ida and Jo alone (Ida and Jo still invited, so open), Cal and Dee together.
    expect(caseload).toContain("You see 1 couple and 3 people on their own.");
    expect(caseload).toContain('href="/practice/clients"');
    expect(body).not.toContain("Cal Cedar");
    // The list itself, with their names, is one link away.
    expect((await get("/practice/clients", tessCookie)).body).toContain("Cal Cedar");
  });
});

describe("a cover for a therapist who is away", () => {
  const cover = (therapist: TestTherapist, value: string) =>
    submitForm(t.app, {
      page: "/practice/therapists",
      action: `/practice/therapists/${therapist.id}/cover`,
      cookie: ottoCookie,
      fields: { cover: value },
    });

  it("refuses a cover who is the therapist themselves or nobody known, with the message beside the choice", async () => {
    const self = await cover(tess, tess.id);
    expect(self.statusCode).toBe(400);
    expect(self.body).toContain("a therapist cannot cover their own alerts");
    expect(self.body).toContain('aria-invalid="true"');
    const nonsense = await cover(tess, "not-a-therapist");
    expect(nonsense.statusCode).toBe(400);
    expect(nonsense.body).toContain("Please choose one of the practice's therapists");
    const [row] = await t.handle.db.select().from(therapists).where(eq(therapists.id, tess.id));
    expect(row?.coverTherapistId).toBeNull();
    // Only the owner names a cover.
    const byTess = await t.app.inject({
      method: "POST",
      url: `/practice/therapists/${tess.id}/cover`,
      remoteAddress: freshAddress(),
      headers: { cookie: tessCookie, "sec-fetch-site": "same-origin" },
      payload: { _form: formTokenIn((await get("/practice", tessCookie)).body), cover: uma.id },
    });
    expect(byTess.statusCode).toBe(404);
    const [after] = await t.handle.db.select().from(therapists).where(eq(therapists.id, tess.id));
    expect(after?.coverTherapistId).toBeNull();
  });

  it("shows the away therapist's safety alerts to the cover, who can mark them seen (audited)", async () => {
    expect((await get("/practice", umaCookie)).body).not.toContain("Bea Birch");
    const saved = await cover(tess, uma.id);
    expect(saved.statusCode).toBe(303);
    expect((await get("/practice/therapists", ottoCookie)).body).toContain("away, covered by Uma Umber");

    const home = (await get("/practice", umaCookie)).body;
    expect(home).toContain("Bea Birch wrote words that may mean they are in danger");
    expect(home).toContain("You are covering while Tess Teak is away");
    // Only the safety alerts: not what else needs Tess, nor her caseload.
    expect(home).not.toContain("Bea Birch shared something with you");
    expect(home).not.toContain(`/practice/clients/${bea.id}`);

    const [alert] = await t.handle.db
      .select()
      .from(therapistNotifications)
      .where(
        and(eq(therapistNotifications.therapistId, tess.id), eq(therapistNotifications.kind, "crisis-words")),
      );
    const [shared] = await t.handle.db
      .select()
      .from(therapistNotifications)
      .where(
        and(
          eq(therapistNotifications.therapistId, tess.id),
          eq(therapistNotifications.kind, "shared-with-therapist"),
        ),
      );
    // The cover cannot clear anything but a safety alert.
    const notHers = await t.app.inject({
      method: "POST",
      url: `/practice/notifications/${shared?.id}/seen`,
      remoteAddress: freshAddress(),
      headers: { cookie: umaCookie, "sec-fetch-site": "same-origin" },
      payload: { _form: formTokenIn(home, "/practice/notifications/email") },
    });
    expect(notHers.statusCode).toBe(303);
    const seen = await submitForm(t.app, {
      page: "/practice",
      action: `/practice/notifications/${alert?.id}/seen`,
      cookie: umaCookie,
      fields: {},
    });
    expect(seen.headers.location).toBe("/practice#safety-alerts");
    const after = await t.handle.db
      .select()
      .from(therapistNotifications)
      .where(eq(therapistNotifications.therapistId, tess.id));
    expect(after.find((n) => n.id === alert?.id)?.seenBy).toBe(uma.id);
    expect(after.find((n) => n.id === shared?.id)?.seenAt).toBeNull();
    const audited = await t.handle.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "notification.seen"), eq(auditLog.actor, `therapist:${uma.id}`)));
    expect(audited).toHaveLength(1);
    expect(audited[0]?.detail).toMatchObject({ kind: "crisis-words", coverFor: tess.id });
    expect((await get("/practice", tessCookie)).body).not.toContain("Bea Birch wrote words");

    // Back from leave: the cover sees nothing of Tess's any more.
    expect((await cover(tess, "")).statusCode).toBe(303);
    await notify(tess.id, "crisis-words", 1);
    expect((await get("/practice", umaCookie)).body).not.toContain("Bea Birch");
    const changes = await t.handle.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.subject, `therapist:${tess.id}`));
    expect(changes.map((row) => row.action)).toEqual(
      expect.arrayContaining(["therapist.away-with-cover", "therapist.back"]),
    );
  });
});
