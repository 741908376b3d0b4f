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
import { therapistNotifications } from "../../notifications/notification.schema.ts";
import { measureAssignments } from "./measure-assignment.schema.ts";
import { itemField } from "./read-measure-answers.ts";

// The weekly check-in's question about thoughts of suicide, self-harm or harming someone (DOMAIN.md §4,
// issue 13 item 4): a "yes" shows help at once and tells the therapist without content; the answer is
// never part of the score, never shown back to the client, never in their export, never to the partner.
let t: TestApp;
let ada: TestClient;
let ben: TestClient;
let tessCookie: string;

const question = "have you had thoughts of ending your life";
const get = (url: string, cookie: string) => t.app.inject({ url, headers: { cookie } });
const record = (client: TestClient) => `/practice/clients/${client.id}`;
const crisisShown = /<div id="crisis-panel" class="crisis-panel" role="status">/;

async function ask(client: TestClient): Promise<string> {
  const before = new Set((await t.handle.db.select().from(measureAssignments)).map((row) => row.id));
  const response = await submitForm(t.app, {
    page: record(client),
    action: `${record(client)}/measures`,
    cookie: tessCookie,
    fields: { instrument: "connection-check-in" },
  });
  expect(response.statusCode).toBe(303);
  const [row] = (await t.handle.db.select().from(measureAssignments)).filter((r) => !before.has(r.id));
  if (!row) throw new Error("no check-in was asked for");
  return row.id;
}
const answers = (safety: string) => ({
  [itemField("cci-01")]: "2",
  [itemField("cci-02")]: "2",
  [itemField("cci-03")]: "2",
  [itemField("cci-04")]: "2",
  [itemField("cci-05")]: safety,
});
const send = (client: TestClient, id: string, fields: Record<string, string>) =>
  submitForm(t.app, { page: `/my/measures/${id}`, cookie: client.cookie, fields });
const kindsFor = async (client: TestClient) =>
  (await t.handle.db.select().from(therapistNotifications))
    .filter((row) => row.clientId === client.id)
    .map((row) => row.kind);

beforeAll(async () => {
  t = await createTestApp();
  const tess = await addTherapist(t, "Tess Teak", "tess@example.org");
  [ada, ben] = (await addClients(t, tess.id, [
    { name: "Ada Ash", email: "ada@example.org" },
    { name: "Ben Beech", email: "ben@example.org" },
  ])) as [TestClient, TestClient];
  tessCookie = await signInTherapist(t, tess);
});
afterAll(() => t.close());

describe("the check-in's safety question", () => {
  it("is asked, yes or no, and must be answered or skipped like every question", async () => {
    const id = await ask(ada);
    const form = (await get(`/my/measures/${id}`, ada.cookie)).body;
    expect(form).toContain(question);
    expect(form).toMatch(/name="item-cci-05" value="1"\/><label[^>]*>Yes</);
    const { [itemField("cci-05")]: _left, ...withoutIt } = answers("0");
    const missing = await send(ada, id, withoutIt);
    expect(missing.statusCode).toBe(400);
    expect(await kindsFor(ada)).toEqual([]);
  });

  it("answered no: the usual thanks and score, and an ordinary notice", async () => {
    const id = await ask(ben);
    const sent = await send(ben, id, answers("0"));
    expect(sent.statusCode).toBe(303);
    expect(await kindsFor(ben)).toEqual(["measure-answered"]);
  });

  it("answered yes: help at once, the therapist told without content, the score unchanged", async () => {
    const [id] = (await t.handle.db.select().from(measureAssignments))
      .filter((row) => row.clientId === ada.id)
      .map((row) => row.id);
    const sent = await send(ada, id as string, answers("1"));
    expect(sent.statusCode).toBe(200);
    expect(sent.body).toMatch(crisisShown);
    expect(sent.body).toContain("<strong>2.00</strong>"); // the mean of the four connection questions
    expect(await kindsFor(ada)).toEqual(["safety-answer"]);

    // Never shown back: the answered page later has no help panel open and no trace of the question.
    const later = (await get(`/my/measures/${id}`, ada.cookie)).body;
    expect(later).not.toMatch(crisisShown);
    expect(later).not.toContain(question);
    const exported = (await get("/my/data.json", ada.cookie)).body;
    expect(exported).toContain("I could reach them");
    expect(exported).not.toContain(question);
    expect(exported).not.toContain("cci-05");

    // The therapist's record says which question was answered yes.
    const view = (await get(record(ada), tessCookie)).body;
    expect(view).toContain(question);
    expect((await get("/practice", tessCookie)).body).toContain(
      "answered yes to the check-in's question about thoughts of suicide",
    );
    const [row] = await t.handle.db
      .select()
      .from(measureAssignments)
      .where(eq(measureAssignments.id, id as string));
    expect(row?.answersEncrypted).not.toContain("cci-05");
  });
});
