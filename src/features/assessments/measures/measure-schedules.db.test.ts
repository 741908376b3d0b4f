import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formTokenIn, freshAddress, submitForm } from "../../../../test/support/forms.ts";
import {
  addClients,
  addTherapist,
  signInTherapist,
  type TestClient,
} from "../../../../test/support/people.ts";
import { createTestApp, type TestApp } from "../../../../test/support/test-app.ts";
import { auditLog } from "../../../platform/audit/audit.schema.ts";
import { practiceMessages } from "../../practice/messages.ts";
import { loadInstrumentDefinitions } from "../instruments/definitions/index.ts";
import { measureAssignments } from "./measure-assignment.schema.ts";
import { measureSchedules } from "./measure-schedule.schema.ts";
import { askScheduledMeasures } from "./measure-schedules.ts";
import { therapistMeasureMessages as m } from "./messages.ts";
import { itemField } from "./read-measure-answers.ts";
import { latestWeekdayStart } from "./schedule-due.ts";

// Weekly questionnaires (issue 13, item 4): the therapist asks once or every week on a chosen day; each
// week's asking appears in the client's space when its day comes round, never two waiting at once.
let t: TestApp;
let ada: TestClient;
let cy: TestClient;
let tessCookie: string;
let umaCookie: string;

const rules = () => ({ instruments: loadInstrumentDefinitions(), pack: undefined, demo: true });
const zone = "Europe/London";
const get = (url: string, cookie: string) => t.app.inject({ url, headers: { cookie } });
const record = (client: TestClient) => `/practice/clients/${client.id}`;
const schedule = (client: TestClient, fields: Record<string, string>) =>
  submitForm(t.app, {
    page: record(client),
    action: `${record(client)}/measures`,
    cookie: tessCookie,
    fields,
  });
const askingsOf = async (client: TestClient) =>
  (await t.handle.db.select().from(measureAssignments)).filter((row) => row.clientId === client.id);
const answerCheckIn = (client: TestClient, id: string) =>
  submitForm(t.app, {
    page: `/my/measures/${id}`,
    cookie: client.cookie,
    fields: Object.fromEntries(
      ["cci-01", "cci-02", "cci-03", "cci-04", "cci-05"].map((item) => [
        itemField(item),
        item === "cci-05" ? "0" : "3",
      ]),
    ),
  });
const days = (n: number) => n * 86_400_000;

beforeAll(async () => {
  t = await createTestApp();
  const tess = await addTherapist(t, "Tess Teak", "tess@example.org");
  const uma = await addTherapist(t, "Uma Umber", "uma@example.org");
  [ada, cy] = (await addClients(t, tess.id, [
    { name: "Ada Ash", email: "ada@example.org" },
    { name: "Cy Cedar", email: "cy@example.org" },
  ])) as [TestClient, TestClient];
  tessCookie = await signInTherapist(t, tess);
  umaCookie = await signInTherapist(t, uma);
});
afterAll(() => t.close());

describe("a weekly questionnaire", () => {
  it("refuses a day that is not one, beside the field, keeping the choice and storing nothing", async () => {
    const response = await schedule(ada, {
      instrument: "connection-check-in",
      often: "weekly",
      weekday: "9",
    });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain(m.weekdayMissing);
    expect(response.body).toMatch(/value="weekly" checked/);
    expect(await t.handle.db.select().from(measureSchedules)).toHaveLength(0);
  });

  it("asks at once, shows the schedule on the record, and is audited", async () => {
    const response = await schedule(ada, {
      instrument: "connection-check-in",
      often: "weekly",
      weekday: "1",
    });
    expect(response.statusCode).toBe(303);
    const askings = await askingsOf(ada);
    expect(askings).toHaveLength(1);
    expect(askings[0]?.scheduleId).not.toBeNull();
    expect((await get("/my/measures", ada.cookie)).body).toContain("Waiting for you");
    expect((await get("/my", ada.cookie)).body).toContain("(one waiting for you)");
    const view = (await get(record(ada), tessCookie)).body;
    expect(view).toContain(m.scheduledHeading);
    expect(view).toContain("Connection check-in: every Monday, since");
    const audits = await t.handle.db.select().from(auditLog).where(eq(auditLog.action, "measure.scheduled"));
    expect(audits).toHaveLength(1);
  });

  it("is set once per questionnaire: a second is refused beside the choice", async () => {
    const again = await schedule(ada, { instrument: "connection-check-in", often: "weekly", weekday: "3" });
    expect(again.statusCode).toBe(400);
    expect(again.body).toContain(practiceMessages.assignRefused("Connection check-in", "already-scheduled"));
    expect(await t.handle.db.select().from(measureSchedules)).toHaveLength(1);
  });

  it("asks again when the day comes round, never twice a week and never two waiting", async () => {
    const [first] = await askingsOf(ada);
    const now = Date.now();
    // Unanswered, a week on: last week's is still the one to answer.
    await askScheduledMeasures(t.handle.db, rules(), ada.id, zone, new Date(now + days(8)));
    expect(await askingsOf(ada)).toHaveLength(1);
    expect((await answerCheckIn(ada, first?.id as string)).statusCode).toBe(303);
    // Answered: the next asking waits for the next Monday, then comes once that week.
    const nextMonday = latestWeekdayStart(1, new Date(now + days(8)), zone).getTime();
    await askScheduledMeasures(t.handle.db, rules(), ada.id, zone, new Date(nextMonday - 60_000));
    expect(await askingsOf(ada)).toHaveLength(1);
    await askScheduledMeasures(t.handle.db, rules(), ada.id, zone, new Date(nextMonday + 60_000));
    await askScheduledMeasures(t.handle.db, rules(), ada.id, zone, new Date(nextMonday + 120_000));
    expect(await askingsOf(ada)).toHaveLength(2);
    await askScheduledMeasures(t.handle.db, rules(), ada.id, zone, new Date(nextMonday + days(6)));
    expect(await askingsOf(ada)).toHaveLength(2);
  });

  it("stops from the record; nothing more is asked and the answers stay", async () => {
    const [running] = await t.handle.db.select().from(measureSchedules);
    const stopUrl = `${record(ada)}/schedules/${running?.id}/stop`;
    const page = (await get(record(ada), tessCookie)).body;
    const post = (cookie: string, url = stopUrl) =>
      t.app.inject({
        method: "POST",
        url,
        remoteAddress: freshAddress(),
        headers: { cookie, "sec-fetch-site": "same-origin" },
        payload: { _form: formTokenIn(page, stopUrl) },
      });
    expect((await post(umaCookie)).statusCode).toBe(404);
    expect((await post(tessCookie, `${record(cy)}/schedules/${running?.id}/stop`)).statusCode).toBe(404);
    expect((await post(tessCookie)).statusCode).toBe(303);
    expect((await post(tessCookie)).statusCode).toBe(404); // already stopped
    const before = (await askingsOf(ada)).length;
    await askScheduledMeasures(t.handle.db, rules(), ada.id, zone, new Date(Date.now() + days(30)));
    expect(await askingsOf(ada)).toHaveLength(before);
    expect((await get(record(ada), tessCookie)).body).not.toContain(m.scheduledHeading);
  });

  it("is in the client's own export", async () => {
    const file = (await get("/my/data.json", ada.cookie)).body;
    expect(file).toContain("Questionnaires you are asked every week");
    expect(file).toMatch(/"weekday": ?"Monday"/);
  });
});
