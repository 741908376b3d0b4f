import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { submitForm } from "../../../test/support/forms.ts";
import type { TestClient } from "../../../test/support/people.ts";
import { daysAhead, instantOf, sessionsPractice } from "../../../test/support/sessions-practice.ts";
import { createTestApp, type TestApp } from "../../../test/support/test-app.ts";
import { consultationsFeed, replaceSubscription } from "../booking/subscription/calendar-subscription.ts";

let t: TestApp;
let tessId: string;
let tessCookie: string;
let bea: TestClient;
let cal: TestClient;
let dee: TestClient;
const together = daysAhead(2);
const alone = daysAhead(3);

beforeAll(async () => {
  t = await createTestApp();
  const practice = await sessionsPractice(t);
  ({ tessCookie, bea, cal, dee } = practice);
  tessId = practice.tess.id;
  const book = async (clientId: string, fields: Record<string, string>) => {
    const done = await submitForm(t.app, {
      page: `/practice/clients/${clientId}/sessions`,
      cookie: tessCookie,
      fields: { duration: "50", weeks: "1", ...fields },
    });
    if (done.statusCode !== 303) throw new Error(`booking answered ${done.statusCode}`);
  };
  await book(bea.id, { forWhom: "couple", date: together, time: "10:00", weeks: "2" });
  await book(bea.id, { forWhom: "alone", date: alone, time: "12:00" });
});
afterAll(() => t.close());

const mySpace = (client: TestClient) => t.app.inject({ url: "/my", headers: { cookie: client.cookie } });

describe("who sees a session", () => {
  it("shows both partners their joint sessions, and a session alone only to its one client", async () => {
    const beaSees = (await mySpace(bea)).body;
    const calSees = (await mySpace(cal)).body;
    expect(beaSees).toContain("Your upcoming appointments");
    expect(beaSees.match(/at 10:00 \(London time, \w+\) \(with your partner\)/g)).toHaveLength(2);
    expect(calSees.match(/at 10:00 \(London time, \w+\) \(with your partner\)/g)).toHaveLength(2);
    expect(beaSees).toContain("at 12:00");
    // Cal must not learn that Bea booked a session alone: not its time, nor that there is one.
    expect(calSees).not.toContain("at 12:00");
    expect(calSees.match(/<li>[^<]*London time/g)).toHaveLength(2);
    expect(beaSees).toContain("keeps their own records");
  });

  it("shows someone with no sessions a calm empty state", async () => {
    const deeSees = (await mySpace(dee)).body;
    expect(deeSees).toContain("No appointments are booked yet.");
  });

  it("puts every session in the therapist's subscription feed under the neutral title", async () => {
    await replaceSubscription(t.handle.db, t.keys, tessId);
    const feed = await consultationsFeed(t.handle.db, t.keys, {
      therapistId: tessId,
      now: new Date(),
      practiceName: "Haven demo practice",
      publicHost: "haven.test",
      consultationsUrl: "https://haven.test/practice/consultations",
    });
    expect(feed.match(/BEGIN:VEVENT/g)).toHaveLength(3);
    expect(feed).toContain(
      `DTSTART:${new Date(instantOf(alone, "12:00")).toISOString().replace(/[-:]|\.\d{3}/g, "")}`,
    );
    expect(feed.match(/SUMMARY:Appointment with Haven demo practice\r\n/g)).toHaveLength(3);
    expect(feed).not.toMatch(/\b(Bea|Cal|couples?|B\.B)\b/i);
  });
});
