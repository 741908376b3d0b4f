import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { submitForm } from "../../../../test/support/forms.ts";
import { deliveredMail } from "../../../../test/support/outbox.ts";
import { addTherapist, signInTherapist, type TestTherapist } from "../../../../test/support/people.ts";
import { createTestApp, type TestApp } from "../../../../test/support/test-app.ts";
import { auditLog } from "../../../platform/audit/audit.schema.ts";
import { clients } from "../../accounts/clients/client.schema.ts";
import { bookConsultation } from "../book-consultation.ts";
import { bookingSettings } from "../booking-settings.schema.ts";
import { computeSlots } from "../compute-slots.ts";
import { loadAvailability } from "../therapist-availability.ts";
import { weeklyHours } from "../weekly-hours.schema.ts";

let t: TestApp;
let tess: TestTherapist;
let tessCookie: string;
let umaCookie: string;
let offered: number[];
let next = 0;

async function book(kind: "individual" | "couple" | "unsure", name: string, email: string) {
  const outcome = await bookConsultation(t.handle.db, t.keys, {
    therapistId: tess.id,
    start: offered[next++ * 3] as number,
    kind,
    meeting: "video",
    visitorTimeZone: "Europe/London",
    submissionId: randomUUID(),
    visitor: { name, email, phone: "", contactBy: ["email"], leaveMessage: true, note: "" },
  });
  if (!outcome.ok) throw new Error(`not booked: ${outcome.reason}`);
  return outcome.bookingId;
}

beforeAll(async () => {
  t = await createTestApp();
  tess = await addTherapist(t, "Tess Teak", "tess@example.org");
  const uma = await addTherapist(t, "Uma Umber", "uma@example.org");
  tessCookie = await signInTherapist(t, tess);
  umaCookie = await signInTherapist(t, uma);
  await t.handle.db.insert(weeklyHours).values(
    [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({
      therapistId: tess.id,
      weekday,
      startMinute: 8 * 60,
      endMinute: 20 * 60,
    })),
  );
  await t.handle.db.insert(bookingSettings).values({ therapistId: tess.id, minimumNoticeMinutes: 0 });
  const now = Date.now();
  const window = { from: now + 2 * 86_400_000, to: now + 20 * 86_400_000 };
  const availability = await loadAvailability(t.handle.db, tess.id, window);
  offered = computeSlots({ ...(availability as NonNullable<typeof availability>), now, ...window }).map(
    (s) => s.start,
  );
});
afterAll(() => t.close());

describe("a consultation becomes an invitation", () => {
  it("shows the visitor's details for checking, then invites a couple in one step", async () => {
    const id = await book("couple", "Dana Dale", "dana@example.org");
    const list = await t.app.inject({ url: "/practice/consultations", headers: { cookie: tessCookie } });
    expect(list.body).toContain(`/practice/consultations/${id}/invite`);

    const page = await t.app.inject({
      url: `/practice/consultations/${id}/invite`,
      headers: { cookie: tessCookie },
    });
    expect(page.statusCode).toBe(200);
    expect(page.headers["cache-control"]).toContain("no-store");
    expect(page.body).toContain("Please check them with the person before sending");
    expect(page.body).toContain('value="Dana Dale"');
    expect(page.body).toContain('value="dana@example.org"');
    expect(page.body).toMatch(/value="couple" checked/);
    const audit = await t.handle.db.select().from(auditLog);
    expect(
      audit.some((a) => a.action === "consultation.invite-opened" && a.subject === `booking:${id}`),
    ).toBe(true);

    const sent = await submitForm(t.app, {
      page: `/practice/consultations/${id}/invite`,
      action: "/practice/invite",
      cookie: tessCookie,
      fields: {
        kind: "couple",
        firstName: "Dana Dale",
        firstEmail: "dana@example.org",
        secondName: "Eli Dale",
        secondEmail: "eli@example.org",
      },
    });
    expect(sent.statusCode).toBe(303);
    expect(sent.headers.location).toBe("/practice?notice=invited-2");
    const rows = await t.handle.db.select().from(clients);
    expect(rows).toHaveLength(2);
    expect(rows[0]?.coupleId).toBe(rows[1]?.coupleId);
    const mail = await deliveredMail(t);
    expect(mail.find((m) => m.to.includes("eli@example.org"))?.subject).toBe(
      "A message from Haven demo practice",
    );
  });

  it("leaves the choice to the therapist when the visitor was not sure, and keeps input on a mistake", async () => {
    const id = await book("unsure", "Fay Fir", "fay@example.org");
    const page = await t.app.inject({
      url: `/practice/consultations/${id}/invite`,
      headers: { cookie: tessCookie },
    });
    expect(page.body).not.toMatch(/value="(individual|couple)" checked/);
    const before = (await t.handle.db.select().from(clients)).length;
    const sent = await submitForm(t.app, {
      page: `/practice/consultations/${id}/invite`,
      action: "/practice/invite",
      cookie: tessCookie,
      fields: { kind: "", firstName: "Fay Fir", firstEmail: "fay@example", secondName: "", secondEmail: "" },
    });
    expect(sent.statusCode).toBe(400);
    expect(sent.body).toContain("Please choose one person or a couple");
    expect(sent.body).toContain('value="fay@example"');
    expect((await t.handle.db.select().from(clients)).length).toBe(before);
  });

  it("answers another therapist's consultation, or a made-up id, as not found", async () => {
    const id = await book("individual", "Gus Gale", "gus@example.org");
    const other = await t.app.inject({
      url: `/practice/consultations/${id}/invite`,
      headers: { cookie: umaCookie },
    });
    expect(other.statusCode).toBe(404);
    expect(other.body).not.toContain("Gus Gale");
    const junk = await t.app.inject({
      url: "/practice/consultations/nope/invite",
      headers: { cookie: tessCookie },
    });
    expect(junk.statusCode).toBe(404);
  });
});
