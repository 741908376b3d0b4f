import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formTokenIn, freshAddress, submitForm } from "../../../../test/support/forms.ts";
import {
  addClients,
  addTherapist,
  openJointWork,
  signInTherapist,
  type TestClient,
} from "../../../../test/support/people.ts";
import { createTestApp, type TestApp } from "../../../../test/support/test-app.ts";
import { measureAssignments } from "../measures/measure-assignment.schema.ts";
import { itemField } from "../measures/read-measure-answers.ts";
import { measureChartShares } from "./chart-share.schema.ts";
import { chartMessages as m } from "./messages.ts";

// The weekly check-in charted over time (issue 13, item 4): each person's own line; both partners' lines
// on one chart only once both agreed, for them and for their therapist; one agreement alone changes nothing
// the other can see.
let t: TestApp;
let ada: TestClient;
let ben: TestClient;
let tessCookie: string;

const get = (url: string, cookie: string) => t.app.inject({ url, headers: { cookie } });
const stable = (html: string) => html.replace(/name="_form" value="[^"]+"/g, "");
const record = (client: TestClient) => `/practice/clients/${client.id}`;
const title = "Connection check-in";
const chartFor = (people: string, answers: number) => `aria-label="${m.label(title, people, answers)}"`;
const sharingUrl = "/my/measures/charts/connection-check-in/sharing";

async function checkInAnswered(client: TestClient, value: string, daysAgo: number) {
  const before = new Set((await t.handle.db.select().from(measureAssignments)).map((row) => row.id));
  await submitForm(t.app, {
    page: record(client),
    action: `${record(client)}/measures`,
    cookie: tessCookie,
    fields: { instrument: "connection-check-in" },
  });
  const [row] = (await t.handle.db.select().from(measureAssignments)).filter((r) => !before.has(r.id));
  const fields = Object.fromEntries(
    ["cci-01", "cci-02", "cci-03", "cci-04"].map((item) => [itemField(item), value]),
  );
  await submitForm(t.app, {
    page: `/my/measures/${row?.id}`,
    cookie: client.cookie,
    fields: { ...fields, [itemField("cci-05")]: "0" },
  });
  const at = new Date(Date.now() - daysAgo * 86_400_000);
  await t.handle.db
    .update(measureAssignments)
    .set({ assignedAt: at, answeredAt: at })
    .where(eq(measureAssignments.id, row?.id as string));
}
async function share(client: TestClient, yes: boolean) {
  const page = (await get("/my/measures", client.cookie)).body;
  return t.app.inject({
    method: "POST",
    url: sharingUrl,
    remoteAddress: freshAddress(),
    headers: { cookie: client.cookie, "sec-fetch-site": "same-origin" },
    payload: { _form: formTokenIn(page, sharingUrl), share: yes ? "yes" : "no" },
  });
}

beforeAll(async () => {
  t = await createTestApp();
  const tess = await addTherapist(t, "Tess Teak", "tess@example.org");
  [ada, ben] = (await addClients(t, tess.id, [
    { name: "Ada Ash", email: "ada@example.org" },
    { name: "Ben Beech", email: "ben@example.org" },
  ])) as [TestClient, TestClient];
  tessCookie = await signInTherapist(t, tess);
  for (const [client, values] of [
    [ada, ["1", "2"]],
    [ben, ["3", "4"]],
  ] as const) {
    await checkInAnswered(client, values[0], 14);
    await checkInAnswered(client, values[1], 7);
  }
});
afterAll(() => t.close());

describe("a measure over time", () => {
  it("draws each person's own line, with its table, and no share before joint work", async () => {
    const page = (await get("/my/measures", ada.cookie)).body;
    expect(page).toContain(chartFor(m.you, 2));
    expect(page).toContain(m.reflectionNote);
    expect(page).toMatch(/<td>You<\/td><td>1<\/td>/);
    expect(page).not.toContain(sharingUrl);
    const refused = await t.app.inject({
      method: "POST",
      url: sharingUrl,
      remoteAddress: freshAddress(),
      headers: { cookie: ada.cookie, "sec-fetch-site": "same-origin" },
      payload: { share: "yes" },
    });
    expect(refused.statusCode).toBeGreaterThanOrEqual(300);
    expect(await t.handle.db.select().from(measureChartShares)).toHaveLength(0);
    expect((await get(record(ada), tessCookie)).body).toContain(chartFor("Ada Ash", 2));
  });

  it("changes nothing for the partner when one agrees; draws both lines once both have", async () => {
    await openJointWork(t, tessCookie, [ada, ben]);
    const benBefore = stable((await get("/my/measures", ben.cookie)).body);
    expect(benBefore).toContain(sharingUrl);
    expect((await share(ada, true)).statusCode).toBe(303);
    expect(stable((await get("/my/measures", ben.cookie)).body)).toBe(benBefore);
    expect((await get("/my/measures", ada.cookie)).body).toContain(chartFor(m.you, 2));
    expect((await get(record(ben), tessCookie)).body).toContain(chartFor("Ben Beech", 2));

    expect((await share(ben, true)).statusCode).toBe(303);
    const both = `${m.you}${m.and}${m.yourPartner}`;
    expect((await get("/my/measures", ada.cookie)).body).toContain(chartFor(both, 4));
    const benPage = (await get("/my/measures", ben.cookie)).body;
    expect(benPage).toContain(chartFor(both, 4));
    expect(benPage).toMatch(/<td>Your partner<\/td><td>2<\/td>/);
    expect((await get(record(ada), tessCookie)).body).toContain(chartFor("Ada Ash and Ben Beech", 4));
  });

  it("takes the partner's line away again when either stops", async () => {
    expect((await share(ben, false)).statusCode).toBe(303);
    expect((await get("/my/measures", ada.cookie)).body).toContain(chartFor(m.you, 2));
    expect((await get(record(ada), tessCookie)).body).toContain(chartFor("Ada Ash", 2));
  });
});

describe("a year of weekly answers", () => {
  it("keeps the measures page, with both lines drawn on the server, under 60 KB", async () => {
    for (let week = 3; week <= 52; week++) {
      await checkInAnswered(ada, String(week % 5), week * 7);
      await checkInAnswered(ben, String((week + 2) % 5), week * 7);
    }
    expect((await share(ben, true)).statusCode).toBe(303);
    const page = await get("/my/measures", ada.cookie);
    const both = `${m.you}${m.and}${m.yourPartner}`;
    expect(page.body).toContain(chartFor(both, 104));
    const bytes = Buffer.byteLength(page.body);
    console.log(`measures page with 104 charted answers: ${bytes} bytes`);
    expect(bytes).toBeLessThan(60_000);
  });
});
