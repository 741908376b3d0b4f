import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { submitForm, withoutFormTokens } from "../../../../test/support/forms.ts";
import {
  addClients,
  addTherapist,
  signInTherapist,
  type TestClient,
} from "../../../../test/support/people.ts";
import { seedConsultation } from "../../../../test/support/seed-consultation.ts";
import { createTestApp, type TestApp } from "../../../../test/support/test-app.ts";
import { auditLog } from "../../../platform/audit/audit.schema.ts";
import { lookupHash } from "../../../platform/security/lookup-hash.ts";
import { clients } from "../../accounts/clients/client.schema.ts";
import { addNotification } from "../../notifications/notify-therapist.ts";
import { therapySessions } from "../../sessions/session.schema.ts";
import { writeEntry } from "../../workspace/entries.ts";

// The couple's story on one page (issue 14, item 2): what each partner shared, flags by kind, sessions;
// never a private entry, never the words.

let t: TestApp;
let tessId: string;
let umaId: string;
let tessCookie: string;
let umaCookie: string;
let ana: TestClient;
let ben: TestClient;

beforeAll(async () => {
  t = await createTestApp();
  const tess = await addTherapist(t, "Tess Teak", "tess@example.org");
  const uma = await addTherapist(t, "Uma Umber", "uma@example.org");
  tessId = tess.id;
  umaId = uma.id;
  [ana, ben] = (await addClients(t, tess.id, [
    { name: "Ana Ash", email: "ana@example.org" },
    { name: "Ben Birch", email: "ben@example.org" },
  ])) as [TestClient, TestClient];
  tessCookie = await signInTherapist(t, tess);
  umaCookie = await signInTherapist(t, uma);
  const db = t.handle.db;
  await writeEntry(db, t.keys, {
    clientId: ana.id,
    body: "Only for me: the night of the party",
    sharing: "nobody",
  });
  await writeEntry(db, t.keys, {
    clientId: ana.id,
    body: "For Tess: I felt left alone",
    sharing: "therapist",
  });
  await addNotification(db, {
    therapistId: tess.id,
    kind: "crisis-words",
    clientId: ben.id,
    dedupeKey: "b-1",
  });
  const startsAt = new Date("2026-03-02T15:00:00Z");
  await db.insert(therapySessions).values({
    therapistId: tess.id,
    coupleId: ana.coupleId,
    startsAt,
    endsAt: new Date(startsAt.getTime() + 50 * 60_000),
    seriesId: randomUUID(),
  });
});
afterAll(() => t.close());

const timeline = (id: string, cookie = tessCookie) =>
  t.app.inject({ url: `/practice/clients/${id}/timeline`, headers: { cookie } });

describe("the therapist's timeline of a couple", () => {
  it("shows from either partner's record what each shared, the flags by kind and the sessions, never a private entry", async () => {
    const page = await timeline(ben.id);
    expect(page.statusCode).toBe(200);
    const body = page.body;
    // Ana's one shared note, with a link to where its words are; her private one is not there at all.
    expect(body.match(/Shared a note with you/g)).toHaveLength(1);
    expect(body).toContain(`/practice/clients/${ana.id}#shared`);
    expect(body).not.toContain("the night of the party");
    expect(body).not.toContain("I felt left alone");
    // Ben's flag by its kind only; the joint session; both names.
    expect(body).toContain("Crisis words in something written");
    expect(body).toContain("Together");
    expect(body).toContain("2 Mar 2026");
    expect(body).toContain("Ana Ash");
    expect(body).toContain("Ben Birch");
    expect((await timeline(ana.id)).body.match(/Shared a note with you/g)).toHaveLength(1);
  });

  it("audits each view once", async () => {
    const before = await t.handle.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, "client.timeline.viewed"));
    await timeline(ana.id);
    const after = await t.handle.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, "client.timeline.viewed"));
    expect(after.length - before.length).toBe(1);
    expect(after.at(-1)?.subject).toBe(`client:${ana.id}`);
  });

  it("answers another therapist's client, a made-up id and a malformed one with the same 404", async () => {
    const other = await timeline(ana.id, umaCookie);
    const madeUp = await timeline(randomUUID(), umaCookie);
    const malformed = await timeline("not-an-id", umaCookie);
    expect([other.statusCode, madeUp.statusCode, malformed.statusCode]).toEqual([404, 404, 404]);
    expect(withoutFormTokens(other.body)).toBe(withoutFormTokens(madeUp.body));
    expect(other.body).not.toContain("Ana Ash");
  });
});

describe("the consultation a client came from", () => {
  const inviteFrom = async (bookingId: string, email: string, consultation = bookingId) => {
    const response = await submitForm(t.app, {
      page: `/practice/consultations/${bookingId}/invite`,
      action: "/practice/invite",
      cookie: tessCookie,
      fields: { kind: "individual", firstName: "Vic Vale", firstEmail: email, consultation },
    });
    expect(response.statusCode).toBe(303);
    const [row] = await t.handle.db
      .select()
      .from(clients)
      .where(eq(clients.emailLookup, lookupOf(email)));
    return row as typeof clients.$inferSelect;
  };
  const lookupOf = (email: string) => lookupHash(t.keys, email);

  it("begins the timeline of a client invited from it", async () => {
    const startsAt = new Date("2026-02-20T10:00:00Z");
    const bookingId = await seedConsultation(t.handle.db, t.keys, {
      therapistId: tessId,
      startsAt,
      visitor: { name: "Vic Vale", email: "vic@example.org" },
    });
    const page = await t.app.inject({
      url: `/practice/consultations/${bookingId}/invite`,
      headers: { cookie: tessCookie },
    });
    expect(page.body).toContain(`name="consultation" value="${bookingId}"`);

    const vic = await inviteFrom(bookingId, "vic@example.org");
    expect(vic.consultationId).toBe(bookingId);
    const timeline = await t.app.inject({
      url: `/practice/clients/${vic.id}/timeline`,
      headers: { cookie: tessCookie },
    });
    expect(timeline.body).toContain("Free consultation, on their own");
    expect(timeline.body).toContain(`datetime="${startsAt.toISOString()}"`);
  });

  it("links nothing when the hidden field names another therapist's consultation, and still invites", async () => {
    const theirs = await seedConsultation(t.handle.db, t.keys, {
      therapistId: umaId,
      startsAt: new Date("2026-02-21T10:00:00Z"),
      visitor: { name: "Wyn Wren" },
    });
    const mine = await seedConsultation(t.handle.db, t.keys, {
      therapistId: tessId,
      startsAt: new Date("2026-02-22T10:00:00Z"),
      visitor: { name: "Wyn Wren", email: "wyn@example.org" },
    });
    const wyn = await inviteFrom(mine, "wyn@example.org", theirs);
    expect(wyn.status).toBe("invited");
    expect(wyn.consultationId).toBeNull();
    const timeline = await t.app.inject({
      url: `/practice/clients/${wyn.id}/timeline`,
      headers: { cookie: tessCookie },
    });
    expect(timeline.body).not.toContain("Free consultation");
  });
});
