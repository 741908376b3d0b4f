import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formTokenIn, freshAddress, submitForm } from "../../../../test/support/forms.ts";
import {
  addClients,
  addTherapist,
  signInTherapist,
  type TestClient,
  type TestTherapist,
} from "../../../../test/support/people.ts";
import { createTestApp, type TestApp, testInstrumentPack } from "../../../../test/support/test-app.ts";
import { clients } from "../../accounts/clients/client.schema.ts";
import { loadInstrumentDefinitions } from "../instruments/definitions/index.ts";
import { itemIds } from "../instruments/instrument-definition.ts";
import { loadPack } from "../instruments/instrument-pack.ts";
import { assignMeasure } from "./assign-measure.ts";
import { measureAssignments } from "./measure-assignment.schema.ts";
import { itemField } from "./read-measure-answers.ts";

// The therapist's "Ask for a questionnaire" form: who may be asked, and not the same thing twice.

let t: TestApp;
let tess: TestTherapist;
let bea: TestClient;
let cal: TestClient;
let tessCookie: string;
let umaCookie: string;

beforeAll(async () => {
  t = await createTestApp();
  await addTherapist(t, "Otto Oak", "otto@example.org"); // the first therapist owns the practice
  tess = await addTherapist(t, "Tess Teak", "tess@example.org");
  const uma = await addTherapist(t, "Uma Umber", "uma@example.org");
  [bea] = (await addClients(t, tess.id, [{ name: "Bea Birch", email: "bea@example.org" }])) as [TestClient];
  [cal] = (await addClients(t, tess.id, [{ name: "Cal Cedar", email: "cal@example.org" }])) as [TestClient];
  tessCookie = await signInTherapist(t, tess);
  umaCookie = await signInTherapist(t, uma);
});
afterAll(() => t.close());

const testPack = loadPack(testInstrumentPack);

const record = (client: TestClient) => `/practice/clients/${client.id}`;
const rowsOf = async (client: TestClient) =>
  t.handle.db.select().from(measureAssignments).where(eq(measureAssignments.clientId, client.id));
const askFor = (client: TestClient, instrument: string) =>
  submitForm(t.app, {
    page: record(client),
    action: `${record(client)}/measures`,
    cookie: tessCookie,
    fields: { instrument },
  });
const setStatus = (client: TestClient, status: "invited" | "active" | "closed") =>
  t.handle.db.update(clients).set({ status }).where(eq(clients.id, client.id));

describe("asking for a questionnaire", () => {
  it("says beside the choice that the same questionnaire is still waiting, keeps the choice, and adds nothing", async () => {
    expect((await askFor(bea, "connection-check-in")).statusCode).toBe(303);
    const again = await askFor(bea, "connection-check-in");
    expect(again.statusCode).toBe(400);
    expect(again.body).toMatch(
      /class="field-error"[^>]*>Connection check-in is already waiting to be answered/,
    );
    expect(again.body).toMatch(/value="connection-check-in" checked/);
    expect(await rowsOf(bea)).toHaveLength(1);

    // Once answered, it can be asked for again.
    const [waiting] = await rowsOf(bea);
    await submitForm(t.app, {
      page: `/my/measures/${waiting?.id}`,
      cookie: bea.cookie,
      fields: Object.fromEntries(
        itemIds("cci", 1, 5).map((item) => [itemField(item), item === "cci-05" ? "0" : "1"]),
      ),
    });
    expect((await askFor(bea, "connection-check-in")).statusCode).toBe(303);
    expect(await rowsOf(bea)).toHaveLength(2);
  });

  it("inserts one row when the same questionnaire is asked for twice at once", async () => {
    const input = {
      clientId: cal.id,
      therapistId: tess.id,
      instrumentId: "csi-4",
      resultsShownToClient: true,
    };
    const rules = { instruments: loadInstrumentDefinitions(), pack: testPack, demo: false };
    const outcomes = await Promise.all([
      assignMeasure(t.handle.db, rules, input),
      assignMeasure(t.handle.db, rules, input),
    ]);
    expect(outcomes.filter((o) => o.ok)).toHaveLength(1);
    expect(outcomes.filter((o) => !o.ok && o.reason === "already-waiting")).toHaveLength(1);
    expect((await rowsOf(cal)).filter((row) => row.instrumentId === "csi-4")).toHaveLength(1);
  });

  it("refuses a closed client with a clear message, and asks an invited one", async () => {
    const token = formTokenIn(
      (await t.app.inject({ url: record(bea), headers: { cookie: tessCookie } })).body,
    );
    await setStatus(cal, "closed");
    const before = (await rowsOf(cal)).length;
    const page = await t.app.inject({ url: record(cal), headers: { cookie: tessCookie } });
    expect(page.body).toContain(
      "Cal Cedar's account is closed, so they cannot be asked for a questionnaire.",
    );
    expect(page.body).not.toContain(`action="${record(cal)}/measures"`);
    const refused = await t.app.inject({
      method: "POST",
      url: `${record(cal)}/measures`,
      headers: { cookie: tessCookie, "sec-fetch-site": "same-origin" },
      payload: { _form: token, instrument: "ecr-r" },
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain("account is closed");
    expect(await rowsOf(cal)).toHaveLength(before);

    await setStatus(cal, "invited");
    expect((await askFor(cal, "ecr-r")).statusCode).toBe(303);
    expect(await rowsOf(cal)).toHaveLength(before + 1);
    await setStatus(cal, "active");
  });

  it("adds nothing for another therapist, a visitor, or a forged form", async () => {
    const before = (await rowsOf(bea)).length;
    const umaToken = formTokenIn(
      (await t.app.inject({ url: "/practice", headers: { cookie: umaCookie } })).body,
    );
    const post = (headers: Record<string, string>, form: string) =>
      t.app.inject({
        method: "POST",
        url: `${record(bea)}/measures`,
        headers: { ...headers, "sec-fetch-site": "same-origin" },
        payload: { _form: form, instrument: "csi-16" },
      });
    expect((await post({ cookie: umaCookie }, umaToken)).statusCode).toBe(404);
    expect((await post({}, "none")).statusCode).toBe(303); // to sign in
    const forged = await post({ cookie: tessCookie }, "forged");
    expect(forged.statusCode).toBe(400);
    expect(forged.body).toContain("nothing was sent");
    expect(await rowsOf(bea)).toHaveLength(before);
  });

  it("is rate-limited like the other therapist forms, counting refused attempts", async () => {
    const token = formTokenIn(
      (await t.app.inject({ url: record(bea), headers: { cookie: tessCookie } })).body,
    );
    const remoteAddress = freshAddress();
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) {
      const response = await t.app.inject({
        method: "POST",
        url: `${record(bea)}/measures`,
        remoteAddress,
        headers: { cookie: tessCookie, "sec-fetch-site": "same-origin" },
        payload: { _form: token, instrument: "not-a-measure" },
      });
      statuses.push(response.statusCode);
    }
    expect(statuses.slice(0, 10).every((status) => status === 400)).toBe(true);
    expect(statuses[10]).toBe(429);
  });
});
