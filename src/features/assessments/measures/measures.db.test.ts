import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formTokenIn, submitForm } from "../../../../test/support/forms.ts";
import {
  addClients,
  addTherapist,
  signInTherapist,
  type TestClient,
} from "../../../../test/support/people.ts";
import { createTestApp, type TestApp, testInstrumentPack } from "../../../../test/support/test-app.ts";
import { encryptField } from "../../../platform/security/field-encryption.ts";
import { itemIds } from "../instruments/instrument-definition.ts";
import { measureAssignments } from "./measure-assignment.schema.ts";
import { itemField, skipValue } from "./read-measure-answers.ts";

let t: TestApp;
let bea: TestClient;
let cal: TestClient;
let tessCookie: string;
let umaCookie: string;

beforeAll(async () => {
  // Results are the subject here: placeholder wording is never scored, so a pack like a licensed one.
  t = await createTestApp({ instrumentPack: testInstrumentPack });
  await addTherapist(t, "Otto Oak", "otto@example.org"); // the first therapist owns the practice
  const tess = await addTherapist(t, "Tess Teak", "tess@example.org");
  const uma = await addTherapist(t, "Uma Umber", "uma@example.org");
  [bea, cal] = (await addClients(t, tess.id, [
    { name: "Bea Birch", email: "bea@example.org" },
    { name: "Cal Cedar", email: "cal@example.org" },
  ])) as [TestClient, TestClient];
  tessCookie = await signInTherapist(t, tess);
  umaCookie = await signInTherapist(t, uma);
});
afterAll(() => t.close());

const neutralSite = "https://www.bbc.co.uk/weather"; // the demo practice keeps the default
const get = (url: string, cookie?: string) => t.app.inject({ url, headers: cookie ? { cookie } : {} });
const record = (client: TestClient) => `/practice/clients/${client.id}`;

/** Tess asks a client for a questionnaire; returns the new assignment's id. */
async function ask(client: TestClient, instrument: string, showClient = false): Promise<string> {
  const before = new Set((await t.handle.db.select().from(measureAssignments)).map((row) => row.id));
  const response = await submitForm(t.app, {
    page: record(client),
    action: `${record(client)}/measures`,
    cookie: tessCookie,
    fields: { instrument, ...(showClient ? { showClient: "yes" } : {}) },
  });
  expect(response.statusCode).toBe(303);
  const [row] = (await t.handle.db.select().from(measureAssignments)).filter((r) => !before.has(r.id));
  if (!row) throw new Error("no measure was assigned");
  return row.id;
}

/** The client answers every item of a measure, with `valueOf(itemId)`. */
const answer = (client: TestClient, id: string, fields: Record<string, string>) =>
  submitForm(t.app, { page: `/my/measures/${id}`, cookie: client.cookie, fields });

const allItems = (prefix: string, from: number, to: number, value: string) =>
  Object.fromEntries(itemIds(prefix, from, to).map((item) => [itemField(item), value]));

/** A page with its per-request parts (form tokens) blanked, so two renderings can be compared. */
const stable = (html: string) => html.replace(/name="_form" value="[^"]+"/g, "");

describe("questionnaires a therapist asks for", () => {
  it("lets the client answer the connection check-in once and see their own results", async () => {
    const id = await ask(bea, "connection-check-in");
    const list = await get("/my/measures", bea.cookie);
    expect(list.body).toContain("Connection check-in");
    expect(list.body).toContain("Waiting for you");

    const form = await get(`/my/measures/${id}`, bea.cookie);
    expect(form.statusCode).toBe(200);
    expect(form.headers["cache-control"]).toBe("no-store");
    expect(form.body).toContain("not a validated test");
    expect(form.body).toContain("I’d rather not say");
    expect(form.body).toContain('data-quick-exit="/leave"');

    // 3 + 2 + 4 + 1 = 10; 10 / 4 = 2.5
    const sent = await answer(bea, id, {
      [itemField("cci-01")]: "3",
      [itemField("cci-02")]: "2",
      [itemField("cci-03")]: "4",
      [itemField("cci-04")]: "1",
      [itemField("cci-05")]: "0",
    });
    expect(sent.statusCode).toBe(303);
    expect(sent.headers.location).toBe(`/my/measures/${id}`);
    const results = await get(`/my/measures/${id}`, bea.cookie);
    expect(results.body).toContain("Your results");
    expect(results.body).toContain("<strong>2.50</strong>");

    const therapistView = await get(record(bea), tessCookie);
    expect(therapistView.body).toContain("<strong>2.50</strong>");
    expect(therapistView.body).toContain("the client can see these results");
  });

  it("keeps ECR-R results for the therapist, drawn as a point with its text alternative", async () => {
    const id = await ask(bea, "ecr-r");
    const form = await get(`/my/measures/${id}`, bea.cookie);
    // The pack's wording (placeholder wording is tested in example-wording.db.test.ts).
    expect(form.body).toContain("[Test wording for ECR-R item 1]");
    expect(form.body).not.toContain("Example wording");
    // Anxiety: 16 plain items at 5 and items 9 and 11 reversed to 8 − 5 = 3: (80 + 6) / 18 = 4.78. Avoidance: 6 plain items at 3 and 12 reversed items at 8 − 3 = 5:
    // (18 + 60) / 18 = 4.33.
    const sent = await answer(bea, id, { ...allItems("ecrr", 1, 18, "5"), ...allItems("ecrr", 19, 36, "3") });
    expect(sent.statusCode).toBe(303);

    const clientView = await get(`/my/measures/${id}`, bea.cookie);
    expect(clientView.body).toContain("Your therapist will go through it with you.");
    expect(clientView.body).not.toContain("4.78");
    expect(clientView.body).not.toContain("<svg");
    expect((await get("/my/measures", bea.cookie)).body).toContain(
      "your therapist will go through it with you",
    );

    const therapistView = await get(record(bea), tessCookie);
    expect(therapistView.body).toContain("<strong>4.78</strong>");
    expect(therapistView.body).toContain("<strong>4.33</strong>");
    expect(therapistView.body).toContain('role="img"');
    expect(therapistView.body).toContain("Anxiety 4.78 and avoidance 4.33, each on a scale from 1 to 7.");
    expect(therapistView.body).not.toContain("example wording");
    // Continuous scores only: never a type.
    expect(therapistView.body).not.toMatch(/\b(secure|preoccupied|dismissive|fearful)\b/i);
  });

  it("shows a therapist-only result to the client when the therapist chose so", async () => {
    const id = await ask(bea, "ecr-rs-partner", true);
    await answer(bea, id, allItems("ecrrs", 1, 9, "4"));
    const clientView = await get(`/my/measures/${id}`, bea.cookie);
    expect(clientView.body).toContain("Your results");
    expect(clientView.body).toContain("<svg");
  });

  it("explains unanswered and edited answers beside each question, keeps the choices, and stores nothing", async () => {
    const id = await ask(bea, "csi-4");
    const missing = await answer(bea, id, { [itemField("csi4-01")]: "4", [itemField("csi4-02")]: skipValue });
    expect(missing.statusCode).toBe(400);
    expect(missing.body).toContain("Some questions still need an answer.");
    expect(missing.body).toContain("Choose an answer, or “I’d rather not say”.");
    expect(missing.body).toMatch(/value="4" checked/);
    expect(missing.body).toMatch(/value="skip" checked/);

    const edited = await answer(bea, id, { ...allItems("csi4", 1, 4, "3"), [itemField("csi4-02")]: "6" });
    expect(edited.statusCode).toBe(400); // item 2 runs from 0 to 5
    expect(edited.body).toContain("That answer is not one of the choices.");

    const allSkipped = await answer(bea, id, allItems("csi4", 1, 4, skipValue));
    expect(allSkipped.statusCode).toBe(400);
    expect(allSkipped.body).toContain("Every question is skipped.");

    const forged = await t.app.inject({
      method: "POST",
      url: `/my/measures/${id}`,
      headers: { cookie: bea.cookie, "sec-fetch-site": "same-origin" },
      payload: { _form: "forged", ...allItems("csi4", 1, 4, "3") },
    });
    expect(forged.statusCode).toBe(400);
    expect(forged.body).toContain("your answers were not sent");

    const [row] = await t.handle.db.select().from(measureAssignments).where(eq(measureAssignments.id, id));
    expect(row?.answeredAt).toBeNull();
    expect(row?.answersEncrypted).toBeNull();
  });

  it("scores with a skipped answer only where the rule allows, and says what is missing", async () => {
    // (CSI-16: the CSI-4 asked above is still waiting, and the same measure is not asked twice.)
    const id = await ask(bea, "csi-16");
    await answer(bea, id, { ...allItems("csi16", 1, 16, "2"), [itemField("csi16-03")]: skipValue });
    const view = await get(record(bea), tessCookie);
    expect(view.body).toContain("not scored — 1 of the questions it needs was not answered.");
  });

  it("takes answers once: a second send changes nothing", async () => {
    const id = await ask(bea, "connection-check-in");
    const page = await get(`/my/measures/${id}`, bea.cookie);
    const token = formTokenIn(page.body, `/my/measures/${id}`);
    const send = (value: string) =>
      t.app.inject({
        method: "POST",
        url: `/my/measures/${id}`,
        headers: { cookie: bea.cookie, "sec-fetch-site": "same-origin" },
        payload: { _form: token, ...allItems("cci", 1, 4, value), [itemField("cci-05")]: "0" },
      });
    expect((await send("4")).statusCode).toBe(303);
    expect((await send("0")).statusCode).toBe(303);
    expect((await get(`/my/measures/${id}`, bea.cookie)).body).toContain("<strong>4.00</strong>");
  });

  it("scores answers away from the middle of the scale, reverse keys included", async () => {
    // ECR-RS (partner): avoidance is items 1–6 with 1–4 reversed (8 − x). Items 1–6 at 2 give
    // (4 × 6 + 2 × 2) / 6 = 4.67 (with the reverse keys dropped it would be 2.00); items 7–9 at 1, 2
    // and 7 give anxiety (1 + 2 + 7) / 3 = 3.33.
    const id = await ask(bea, "ecr-rs-partner");
    await answer(bea, id, {
      ...allItems("ecrrs", 1, 6, "2"),
      [itemField("ecrrs-07")]: "1",
      [itemField("ecrrs-08")]: "2",
      [itemField("ecrrs-09")]: "7",
    });
    const view = (await get(record(bea), tessCookie)).body;
    expect(view).toContain("Anxiety 3.33 and avoidance 4.67, each on a scale from 1 to 7.");
  });

  it("does not show a client a cut-off that is still to be checked against its source", async () => {
    // CSI-16's cut-off (51.5) is marked "verify": all zeros are far below it.
    const id = await ask(bea, "csi-16");
    await answer(bea, id, allItems("csi16", 1, 16, "0"));
    const clientView = (await get(`/my/measures/${id}`, bea.cookie)).body;
    expect(clientView).toContain("Your results");
    expect(clientView).not.toContain("In the range often seen in couples who seek help");
    const therapistView = (await get(record(bea), tessCookie)).body;
    expect(therapistView).toContain("In the range often seen in couples who seek help");
    expect(therapistView).toContain("This cut-off is still to be checked against its source.");
  });

  it("lists answers as readable text on the client's data page", async () => {
    const page = (await get("/my/data", bea.cookie)).body;
    expect(page).not.toContain("[object Object]");
    expect(page).toContain("1. This week, when I wanted my partner, I could reach them.: Mostly (3)");
    const file = JSON.parse((await get("/my/data.json", bea.cookie)).body) as {
      sections: { table: string; rows: { answers: unknown }[] }[];
    };
    const measures = file.sections.find((section) => section.table === "measure_assignments");
    expect(
      measures?.rows.some((row) => JSON.stringify(row.answers).includes("I could reach them.: Mostly (3)")),
    ).toBe(true);
  });

  it("says a measure could not be scored, for that measure alone, when its answers no longer fit", async () => {
    // Stored answers the definition refuses (a scale since shortened, say): scoring throws.
    const id = await ask(bea, "connection-check-in");
    const stored = JSON.stringify({ answers: { "cci-01": 9 }, wording: { name: "Haven", version: "own" } });
    await t.handle.db
      .update(measureAssignments)
      .set({
        answeredAt: new Date(),
        answersEncrypted: encryptField(t.keys, stored, {
          table: "measure_assignments",
          column: "answers_encrypted",
          id,
        }),
      })
      .where(eq(measureAssignments.id, id));
    const view = await get(record(bea), tessCookie);
    expect(view.statusCode).toBe(200);
    expect(view.body).toContain("These answers could not be scored");
    expect(view.body).toContain("<strong>4.78</strong>"); // the other measures are still there
    const clientView = await get(`/my/measures/${id}`, bea.cookie);
    expect(clientView.statusCode).toBe(200);
    expect(clientView.body).not.toContain("Your results");
  });

  it("shows nobody signed out a measure, and sends them to sign in", async () => {
    const [row] = await t.handle.db
      .select()
      .from(measureAssignments)
      .where(eq(measureAssignments.clientId, bea.id))
      .limit(1);
    const target = row?.id;
    expect(target).toBeTruthy();
    const anonymous = await get(`/my/measures/${target}`);
    expect(anonymous.statusCode).toBe(303);
    expect(anonymous.headers.location).toBe("/sign-in");
    const posted = await t.app.inject({
      method: "POST",
      url: `/my/measures/${target}`,
      headers: { "sec-fetch-site": "same-origin" },
      payload: allItems("csi4", 1, 4, "1"),
    });
    expect(posted.statusCode).toBe(303);
    expect(posted.headers.location).toBe("/sign-in");
  });

  it("keeps answers encrypted at rest", async () => {
    const rows = await t.handle.db.select().from(measureAssignments);
    const answered = rows.filter((row) => row.answersEncrypted !== null);
    expect(answered.length).toBeGreaterThan(0);
    for (const row of answered) {
      expect(row.answersEncrypted).not.toContain("cci-01");
      expect(row.answersEncrypted).not.toContain("ecrr");
      expect(row.answersEncrypted).not.toContain("{");
    }
  });
});

describe("what the partner and other therapists can learn", () => {
  it("shows the partner nothing: not the answers, not the results, not that anything was asked", async () => {
    const id = await ask(bea, "connection-check-in");
    const calList = await get("/my/measures", cal.cookie);
    expect(calList.body).toContain("Nothing is waiting for you.");
    expect(calList.body).not.toContain("Answered");
    const theirs = await get(`/my/measures/${id}`, cal.cookie);
    const nobody = await get(`/my/measures/${randomUUID()}`, cal.cookie);
    expect(theirs.statusCode).toBe(404);
    expect(stable(theirs.body)).toBe(stable(nobody.body));
    const token = formTokenIn((await get("/my/entries", cal.cookie)).body, "/my/entries");
    const attempt = await t.app.inject({
      method: "POST",
      url: `/my/measures/${id}`,
      headers: { cookie: cal.cookie, "sec-fetch-site": "same-origin" },
      payload: { _form: token, ...allItems("cci", 1, 4, "1"), [itemField("cci-05")]: "0" },
    });
    expect(attempt.statusCode).toBe(404);
    const [row] = await t.handle.db.select().from(measureAssignments).where(eq(measureAssignments.id, id));
    expect(row?.answeredAt).toBeNull();
  });

  it("lets another therapist neither see nor ask a client who is not theirs", async () => {
    expect((await get(record(bea), umaCookie)).statusCode).toBe(404);
    const token = formTokenIn((await get("/practice", umaCookie)).body);
    const attempt = await t.app.inject({
      method: "POST",
      url: `${record(bea)}/measures`,
      headers: { cookie: umaCookie, "sec-fetch-site": "same-origin" },
      payload: { _form: token, instrument: "connection-check-in" },
    });
    expect(attempt.statusCode).toBe(404);
  });

  it("asks the therapist to choose a questionnaire, with the message beside the choice", async () => {
    const response = await submitForm(t.app, {
      page: record(bea),
      action: `${record(bea)}/measures`,
      cookie: tessCookie,
      fields: { instrument: "not-a-measure" },
    });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain("Choose the questionnaire to ask for.");
  });
});

describe("a screen for harm from a partner", () => {
  it("is titled neutrally for the client, never shows its result to them, and comes first for the therapist", async () => {
    const id = await ask(cal, "hark", true); // the tick to show results is ignored for a screen
    const [row] = await t.handle.db.select().from(measureAssignments).where(eq(measureAssignments.id, id));
    expect(row?.resultsShownToClient).toBe(false);

    const list = await get("/my/measures", cal.cookie);
    expect(list.body).toContain("A few private questions");
    expect(list.body).not.toContain("HARK");
    const form = await get(`/my/measures/${id}`, cal.cookie);
    expect(form.body).toContain("are you somewhere private");
    // (The placeholder pack's own lines name the measure; a real pack's wording does not.)
    expect(form.body).toContain("<title>A few private questions");
    expect(form.body).toContain("<h1>A few private questions</h1>");

    // One yes and one question skipped: still positive, as hiding it would be unsafe.
    const sent = await answer(cal, id, {
      ...allItems("hark", 1, 4, "0"),
      [itemField("hark-02")]: "1",
      [itemField("hark-04")]: skipValue,
    });
    // The thank-you lives only in the answer to the POST; the screen is then gone from the client's side.
    expect(sent.statusCode).toBe(200);
    expect(sent.body).toContain("Thank you");
    expect(sent.body).not.toContain("At least one answer was yes");
    const clientView = await get(`/my/measures/${id}`, cal.cookie);
    expect(clientView.statusCode).toBe(404);
    expect(stable(clientView.body)).toBe(
      stable((await get(`/my/measures/${randomUUID()}`, cal.cookie)).body),
    );

    const exported = await get("/my/data.json", cal.cookie);
    expect(exported.body).not.toContain("hark");
    expect(exported.body).not.toContain("HARK");

    const later = await ask(cal, "connection-check-in");
    const therapistView = (await get(record(cal), tessCookie)).body;
    expect(therapistView).toContain("At least one answer was yes");
    // The positive screen comes before the newer check-in.
    expect(therapistView.indexOf("At least one answer was yes")).toBeLessThan(
      therapistView.indexOf("Connection check-in"),
    );
    expect(later).toBeTruthy();
    // Bea, the partner, learns nothing of it.
    expect((await get("/my/measures", bea.cookie)).body).not.toContain("A few private questions");
  });
});

describe("quick exit from the client area", () => {
  it("signs the client out on the way to the neutral site", async () => {
    const [fresh] = (await addClients(t, (await addTherapist(t, "Vic Vine", "vic@example.org")).id, [
      { name: "Fay Fern", email: "fay@example.org" },
    ])) as [TestClient];
    expect((await get("/my", fresh.cookie)).statusCode).toBe(200);
    const leave = await get("/leave", fresh.cookie);
    expect(leave.statusCode).toBe(303);
    expect(leave.headers.location).toBe(neutralSite);
    expect(leave.headers["clear-site-data"]).toBe('"cookies", "storage"');
    expect(leave.headers["cache-control"]).toBe("no-store");
    expect((await get("/my", fresh.cookie)).statusCode).toBe(303);
    // Without a session it still leaves at once.
    expect((await get("/leave")).headers.location).toBe(neutralSite);
  });
});
