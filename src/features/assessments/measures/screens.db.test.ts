import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formTokenIn, submitForm } from "../../../../test/support/forms.ts";
import {
  addClients,
  addTherapist,
  openJointWork,
  signInTherapist,
  type TestClient,
} from "../../../../test/support/people.ts";
import { createTestApp, type TestApp, testInstrumentPack } from "../../../../test/support/test-app.ts";
import { auditLog } from "../../../platform/audit/audit.schema.ts";
import { couples } from "../../accounts/clients/client.schema.ts";
import { therapistNotifications } from "../../notifications/notification.schema.ts";
import { itemIds } from "../instruments/instrument-definition.ts";
import { measureAssignments } from "./measure-assignment.schema.ts";
import { itemField, skipValue } from "./read-measure-answers.ts";

// A screen for harm from a partner (HARK) after it is answered: gone from the client's side, flagged
// for the therapist when positive, declined without fuss (DOMAIN.md §4; HAZ-025, HAZ-001, HAZ-004).

let t: TestApp;
let bea: TestClient;
let cal: TestClient;
let dee: TestClient;
let eve: TestClient;
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
  [dee] = (await addClients(t, tess.id, [{ name: "Dee Dogwood", email: "dee@example.org" }])) as [TestClient];
  [eve] = (await addClients(t, tess.id, [{ name: "Eve Elm", email: "eve@example.org" }])) as [TestClient];
  tessCookie = await signInTherapist(t, tess);
  umaCookie = await signInTherapist(t, uma);
});
afterAll(() => t.close());

const get = (url: string, cookie?: string) => t.app.inject({ url, headers: cookie ? { cookie } : {} });
const record = (client: TestClient) => `/practice/clients/${client.id}`;
/** A page with its per-request parts (form tokens) blanked, so two renderings can be compared. */
const stable = (html: string) => html.replace(/name="_form" value="[^"]+"/g, "");
const flag = "A screen for harm needs your attention";
/** The practice home's link to a flagged client's record. */
const flagFor = (client: TestClient) => `href="/practice/clients/${client.id}#measures"`;

async function ask(client: TestClient, instrument: string): Promise<string> {
  const before = new Set((await t.handle.db.select().from(measureAssignments)).map((row) => row.id));
  const response = await submitForm(t.app, {
    page: record(client),
    action: `${record(client)}/measures`,
    cookie: tessCookie,
    fields: { instrument },
  });
  expect(response.statusCode).toBe(303);
  const [row] = (await t.handle.db.select().from(measureAssignments)).filter((r) => !before.has(r.id));
  if (!row) throw new Error("no measure was assigned");
  return row.id;
}

const answer = (client: TestClient, id: string, fields: Record<string, string>) =>
  submitForm(t.app, { page: `/my/measures/${id}`, cookie: client.cookie, fields });
const hark = (values: [string, string, string, string]) =>
  Object.fromEntries(itemIds("hark", 1, 4).map((item, index) => [itemField(item), values[index] ?? ""]));
const rowOf = async (id: string) =>
  (await t.handle.db.select().from(measureAssignments).where(eq(measureAssignments.id, id)))[0];

describe("an answered screen on the client's side", () => {
  it("thanks them once, with help, then disappears: not listed, and its address is like an unknown one", async () => {
    const id = await ask(dee, "hark");
    expect((await get("/my/measures", dee.cookie)).body).toContain("A few private questions");

    const page = await get(`/my/measures/${id}`, dee.cookie);
    const token = formTokenIn(page.body, `/my/measures/${id}`);
    const post = () =>
      t.app.inject({
        method: "POST",
        url: `/my/measures/${id}`,
        headers: { cookie: dee.cookie, "sec-fetch-site": "same-origin" },
        payload: { _form: token, ...hark(["0", "0", "0", "0"]) },
      });
    const sent = await post();
    expect(sent.statusCode).toBe(200);
    expect(sent.headers["cache-control"]).toBe("no-store");
    expect(sent.body).toContain("Thank you");
    // The help-now lines for the practice's country: domestic abuse, and for people who use abuse.
    expect(sent.body).toContain("0808 2000 247");
    expect(sent.body).toContain("0808 802 4040");
    expect(sent.body).toContain('href="/help-now"');
    expect(sent.body).toContain('data-quick-exit="/leave"');

    const list = await get("/my/measures", dee.cookie);
    expect(list.body).not.toContain("A few private questions");
    expect(list.body).not.toContain(id);
    expect(list.body).not.toContain("Answered");
    const later = await get(`/my/measures/${id}`, dee.cookie);
    const unknown = await get(`/my/measures/${randomUUID()}`, dee.cookie);
    expect(later.statusCode).toBe(404);
    expect(stable(later.body)).toBe(stable(unknown.body));

    // Sent again (Back and resubmit): the same neutral page, and the stored answers do not change.
    const stored = (await rowOf(id))?.answersEncrypted;
    const replayed = await post();
    expect(replayed.statusCode).toBe(404);
    expect(stable(replayed.body)).toBe(stable(unknown.body));
    expect((await rowOf(id))?.answersEncrypted).toBe(stored);
  });

  it("answers with the same page whatever was answered, declined included", async () => {
    const pages: string[] = [];
    for (const values of [
      ["1", "1", "1", "1"],
      ["0", "0", "0", "0"],
      [skipValue, skipValue, skipValue, skipValue],
    ] as const) {
      const id = await ask(eve, "hark");
      const sent = await answer(eve, id, hark([...values]));
      expect(sent.statusCode).toBe(200);
      pages.push(stable(sent.body));
    }
    expect(pages[1]).toBe(pages[0]);
    expect(pages[2]).toBe(pages[0]);
  });
});

describe("a declined screen", () => {
  it("is accepted, stored as declined, and read by the therapist as declined, not as a score", async () => {
    const id = await ask(bea, "hark");
    const sent = await answer(bea, id, hark([skipValue, skipValue, skipValue, skipValue]));
    expect(sent.statusCode).toBe(200);
    expect(sent.body).not.toContain("Every question is skipped");
    const row = await rowOf(id);
    expect(row?.answeredAt).not.toBeNull();
    expect(row?.answersEncrypted).not.toContain("declined"); // encrypted like any answer

    const view = (await get(record(bea), tessCookie)).body;
    expect(view).toContain("<strong>Declined.</strong>");
    expect(view).not.toContain("Number of yes answers");
    expect((await get("/practice", tessCookie)).body).not.toContain(flagFor(bea));
  });
});

describe("what the therapist sees of screens", () => {
  it("flags a positive screen on the practice home, without the answers, and only to the client's therapist", async () => {
    const negative = await ask(dee, "hark");
    await answer(dee, negative, hark(["0", "0", "0", "0"]));
    expect((await get("/practice", tessCookie)).body).not.toContain(flagFor(dee));
    expect((await get("/practice", tessCookie)).body).not.toContain(flagFor(cal));

    const positive = await ask(cal, "hark");
    await answer(cal, positive, hark(["0", "1", "0", skipValue]));
    const home = (await get("/practice", tessCookie)).body;
    expect(home).toContain(flag);
    expect(home).toContain(flagFor(cal));
    expect(home).not.toContain(flagFor(dee));
    expect(home).not.toContain("At least one answer was yes");
    expect(home).not.toContain("HARK");
    expect((await get("/practice", umaCookie)).body).not.toContain(flag);
    const audit = await t.handle.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, "measure.screen-flag-shown"));
    expect(audit.map((entry) => entry.subject)).toContain(`client:${cal.id}`);
  });

  it("shows each answer of a screen, and puts a screen still waiting before newer questionnaires", async () => {
    const view = (await get(record(cal), tessCookie)).body;
    expect(view).toContain("[Test wording for HARK item 2");
    expect(view).toMatch(/HARK item 2[^<]*<\/dt>\s*<dd>Yes<\/dd>/);
    expect(view).toMatch(/HARK item 1[^<]*<\/dt>\s*<dd>No<\/dd>/);
    expect(view).toMatch(/HARK item 4[^<]*<\/dt>\s*<dd>I’d rather not say<\/dd>/);

    const waitingScreen = await ask(eve, "hark");
    await ask(eve, "connection-check-in"); // newer, but a waiting screen is not to be buried under it
    const eveView = (await get(record(eve), tessCookie)).body;
    const heading = (id: string) => eveView.indexOf(`id="measure-${id}"`);
    const checkIn = /id="measure-([0-9a-f-]{36})">Connection check-in</.exec(eveView)?.[1] ?? "";
    expect(heading(waitingScreen)).toBeGreaterThan(-1);
    expect(heading(waitingScreen)).toBeLessThan(heading(checkIn));
  });
});

describe("what the partner can learn", () => {
  it("sees a byte-identical list before and after the other is asked for, and answers, a screen", async () => {
    const before = stable((await get("/my/measures", bea.cookie)).body);
    const id = await ask(cal, "connection-check-in");
    const screen = await ask(cal, "hark");
    expect(stable((await get("/my/measures", bea.cookie)).body)).toBe(before);
    await answer(cal, id, Object.fromEntries(itemIds("cci", 1, 4).map((item) => [itemField(item), "3"])));
    await answer(cal, screen, hark(["1", "0", "0", "0"]));
    expect(stable((await get("/my/measures", bea.cookie)).body)).toBe(before);
  });

  it("never decrypts the other's answers for them, even for a moment: a refused id answers like none", async () => {
    // Answers that cannot be decrypted would throw if opened before the policy check.
    const id = await ask(cal, "csi-4");
    await t.handle.db
      .update(measureAssignments)
      .set({ answeredAt: new Date(), answersEncrypted: "not-a-sealed-value" })
      .where(eq(measureAssignments.id, id));
    try {
      const theirs = await get(`/my/measures/${id}`, bea.cookie);
      expect(theirs.statusCode).toBe(404);
      expect(stable(theirs.body)).toBe(stable((await get(`/my/measures/${randomUUID()}`, bea.cookie)).body));
    } finally {
      await t.handle.db.delete(measureAssignments).where(eq(measureAssignments.id, id));
    }
  });
});

describe("a positive screen and the couple's joint work", () => {
  it("opens or closes nothing and changes no byte of the partner's pages; the therapist is told without the answers", async () => {
    await openJointWork(t, tessCookie, [bea, cal]);
    const coupleId = bea.coupleId as string;
    const gate = async () =>
      (await t.handle.db.select().from(couples).where(eq(couples.id, coupleId)))[0]?.jointWorkOpenedAt;
    const calPages = async () => {
      const pages: string[] = [];
      for (const url of ["/my", "/my/entries", "/my/measures"])
        pages.push(stable((await get(url, cal.cookie)).body));
      return pages;
    };
    const openedAt = await gate();
    expect(openedAt).toBeInstanceOf(Date);
    const before = await calPages();
    const id = await ask(bea, "hark");
    await answer(bea, id, hark(["1", "1", "0", "0"]));
    expect(await calPages()).toEqual(before);
    expect(await gate()).toEqual(openedAt);
    const notices = await t.handle.db
      .select()
      .from(therapistNotifications)
      .where(eq(therapistNotifications.clientId, bea.id));
    expect(notices.map((n) => n.kind)).toContain("positive-screen");
    expect((await get("/practice", tessCookie)).body).toContain(
      "Bea Birch answered yes on a screen for harm",
    );
  });
});
