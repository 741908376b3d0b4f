import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { submitForm } from "../../../test/support/forms.ts";
import {
  addClients,
  addTherapist,
  openJointWork,
  signInTherapist,
  type TestClient,
} from "../../../test/support/people.ts";
import { createTestApp, type TestApp } from "../../../test/support/test-app.ts";
import { auditLog } from "../../platform/audit/audit.schema.ts";
import { workspaceEntries } from "../workspace/entry.schema.ts";
import { explanationOf, suggestionFor } from "./coach-rules.ts";
import { coachMessages as m } from "./messages.ts";

// The language coach (issue 13, item 2; record 048): off until the therapist turns it on for a
// client; a check shows suggestions and keeps the text, saving nothing; silent in the first telling
// of a hurt and on words about harm; the partner never sees the setting or a mark.
let t: TestApp;
let tessCookie: string;
let umaCookie: string;
let ada: TestClient;
let ben: TestClient;
let injuryId: string;
let bensNoteId: string;

const get = (url: string, cookie: string) => t.app.inject({ url, headers: { cookie } });
const stable = (html: string) => html.replace(/name="_form" value="[^"]+"/g, "");
const record = () => `/practice/clients/${ada.id}`;
const piece = (id: string) => `/my/repair/${injuryId}/pieces/${id}`;
const fear = () => piece("the-fear-under-the-anger");
const firstTelling = () => piece("telling-what-happened");
const check = (page: string, fields: Record<string, string>, cookie = ada.cookie) =>
  submitForm(t.app, { page, cookie, fields: { ...fields, coach: "check" } });
const setCoach = (on: boolean, cookie = tessCookie) =>
  submitForm(t.app, {
    page: record(),
    action: `${record()}/language-coach`,
    cookie,
    fields: { on: on ? "yes" : "no" },
  });
const adasAnswers = () =>
  t.handle.db.select().from(workspaceEntries).where(eq(workspaceEntries.clientId, ada.id));
/** Everything Ben can open, as he sees it. */
const benPages = async () => {
  const pages: string[] = [];
  for (const url of ["/my", "/my/repair", "/my/entries", `/my/entries/${bensNoteId}`])
    pages.push(`${url} ${stable((await get(url, ben.cookie)).body)}`);
  return pages;
};

beforeAll(async () => {
  t = await createTestApp();
  const tess = await addTherapist(t, "Tess Teak", "tess@example.org");
  const uma = await addTherapist(t, "Uma Umber", "uma@example.org");
  [ada, ben] = (await addClients(t, tess.id, [
    { name: "Ada Ash", email: "ada@example.org" },
    { name: "Ben Beech", email: "ben@example.org" },
  ])) as [TestClient, TestClient];
  tessCookie = await signInTherapist(t, tess);
  umaCookie = await signInTherapist(t, uma);
  await openJointWork(t, tessCookie, [ada, ben]);
  const named = await submitForm(t.app, {
    page: `${record()}/repair`,
    action: `${record()}/injuries`,
    cookie: tessCookie,
    fields: { name: "The night of the hospital", who: ada.id },
  });
  injuryId = String(named.headers.location).split("/").pop() ?? "";
  for (const id of ["telling-what-happened", "the-fear-under-the-anger"])
    await submitForm(t.app, {
      page: `${record()}/injuries/${injuryId}`,
      action: `${record()}/injuries/${injuryId}/pieces`,
      cookie: tessCookie,
      fields: { client: ada.id, piece: id, open: "yes" },
    });
  await submitForm(t.app, {
    page: "/my/entries",
    cookie: ben.cookie,
    fields: { body: "I know I let you down that night.", sharing: "partner" },
  });
  const [note] = await t.handle.db
    .select()
    .from(workspaceEntries)
    .where(eq(workspaceEntries.clientId, ben.id));
  bensNoteId = note?.id ?? "";
});
afterAll(() => t.close());

describe("before the therapist turns it on", () => {
  it("offers no check and marks nothing, even for a hand-made check", async () => {
    expect((await get(fear(), ada.cookie)).body).not.toContain(m.check);
    expect((await get(`/my/entries/${bensNoteId}/reply`, ada.cookie)).body).not.toContain(m.check);
    const checked = await check(fear(), { "what-the-anger-protects": "You never listen to me." });
    expect(checked.statusCode).toBe(200);
    expect(checked.body).not.toContain(explanationOf("absolute"));
    expect(await adasAnswers()).toEqual([]);
    expect((await get(record(), tessCookie)).body).toContain(m.settingOff);
  });

  it("lets only the client's own therapist turn it on", async () => {
    // Uma, another therapist, posting the form as it was given to Tess: the same 404 as no such client.
    const page = await get(record(), tessCookie);
    const token = /action="[^"]*language-coach"[\s\S]*?name="_form" value="([^"]+)"/.exec(page.body)?.[1];
    const refused = await t.app.inject({
      method: "POST",
      url: `${record()}/language-coach`,
      headers: { cookie: umaCookie, "sec-fetch-site": "same-origin" },
      payload: { _form: token ?? "", on: "yes" },
    });
    expect(refused.statusCode).toBe(404);
    expect((await get(fear(), ada.cookie)).body).not.toContain(m.check);
  });
});

describe("once the therapist turns it on for Ada", () => {
  let benBefore: string[];
  beforeAll(async () => {
    benBefore = await benPages();
    expect((await setCoach(true)).statusCode).toBe(303);
  });

  it("records the change in the audit log and says it is on", async () => {
    const rows = await t.handle.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "client.language-coach-on"), eq(auditLog.subject, `client:${ada.id}`)));
    expect(rows).toHaveLength(1);
    expect((await get(record(), tessCookie)).body).toContain(m.settingOn);
  });

  it("shows the marks under the form, keeps the text as typed, and saves nothing", async () => {
    const text = "You never listen to me. It's your fault we left.";
    const checked = await check(fear(), { "what-the-anger-protects": text });
    expect(checked.statusCode).toBe(200);
    expect(checked.body).toContain(`>${text}</textarea>`);
    expect(checked.body).toContain(m.phrase("You never"));
    expect(checked.body).toContain(explanationOf("absolute"));
    expect(checked.body).toContain(explanationOf("blame"));
    expect(checked.body).toContain(suggestionFor("hurt"));
    expect(await adasAnswers()).toEqual([]);
  });

  it("adds the browser's live suggestions as a script of its own, with nothing that reaches the network", async () => {
    const page = (await get(fear(), ada.cookie)).body;
    expect(page).toContain('data-coach="hurt"');
    const src = /<script type="module" src="(\/assets\/coach\.[^"]+)"/.exec(page)?.[1] ?? "";
    const script = await t.app.inject({ url: src });
    expect(script.statusCode).toBe(200);
    expect(script.body).toContain("are hard to hear as true"); // the same words as the server's
    expect(script.body).not.toMatch(/fetch\(|XMLHttpRequest|sendBeacon|WebSocket/);
  });

  it("still saves as before", async () => {
    const saved = await submitForm(t.app, {
      page: fear(),
      cookie: ada.cookie,
      fields: { "what-the-anger-protects": "You never listen to me.", after: "stay" },
    });
    expect(saved.statusCode).toBe(303);
    expect(await adasAnswers()).toHaveLength(1);
  });

  it("is silent in the first telling of the hurt", async () => {
    expect((await get(firstTelling(), ada.cookie)).body).not.toContain(m.check);
    const checked = await check(firstTelling(), { "the-moment": "You always leave. It's your fault." });
    expect(checked.body).not.toContain(explanationOf("absolute"));
    expect(checked.body).not.toContain(m.heading);
  });

  it("marks defending in a reply, and never words about harm", async () => {
    const replyPage = `/my/entries/${bensNoteId}/reply`;
    expect((await get(replyPage, ada.cookie)).body).toContain(m.check);
    const defending = await check(replyPage, { body: "I hear you, but you were late.", send: "no" });
    expect(defending.body).toContain(explanationOf("defending"));
    expect(defending.body).toContain("I hear you, but you were late.");
    const harm = await check(fear(), { "what-the-anger-protects": "You always hit me when you drink." });
    expect(harm.body).not.toContain(explanationOf("absolute"));
    expect(harm.body).not.toContain(m.nothingMarked);
    expect(harm.body).not.toContain(m.heading);
    expect(harm.body).toContain(">You always hit me when you drink.</textarea>");
    const control = await check(fear(), { "what-the-anger-protects": "You always check my phone." });
    expect(control.body).not.toContain(explanationOf("absolute"));
    expect(control.body).toContain('class="crisis-panel');
  });

  it("changes nothing Ben sees: no setting, no button, no marks", async () => {
    expect(await benPages()).toEqual(benBefore);
    for (const page of await benPages()) {
      expect(page).not.toContain(m.check);
      expect(page).not.toContain(m.heading);
    }
    expect((await get(`${record()}/language-coach`, ben.cookie)).statusCode).toBe(404);
  });

  it("turns off again, audited", async () => {
    expect((await setCoach(false)).statusCode).toBe(303);
    expect((await get(fear(), ada.cookie)).body).not.toContain(m.check);
    const rows = await t.handle.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, "client.language-coach-off"));
    expect(rows).toHaveLength(1);
  });
});
