import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formTokenIn, freshAddress, submitForm } from "../../../test/support/forms.ts";
import {
  addClients,
  addTherapist,
  openJointWork,
  signInTherapist,
  type TestClient,
} from "../../../test/support/people.ts";
import { createTestApp, type TestApp, testInstrumentPack } from "../../../test/support/test-app.ts";
import { auditLog } from "../../platform/audit/audit.schema.ts";
import { itemIds } from "../assessments/instruments/instrument-definition.ts";
import { measureAssignments } from "../assessments/measures/measure-assignment.schema.ts";
import { itemField } from "../assessments/measures/read-measure-answers.ts";
import { therapistNotifications } from "../notifications/notification.schema.ts";
import { workspaceEntries } from "../workspace/entry.schema.ts";
import { workspaceMessages as wm } from "../workspace/messages.ts";
import { repairMessages as m, repairTherapistMessages as tm } from "./messages.ts";
import { injuries, injurySuggestions, storyVersions } from "./repair.schema.ts";

// The repair space (issue: the heart of the practice's work): joint parts behind the therapist's gate,
// each partner's writing private until shared, and a story two people can save at once without loss.
let t: TestApp;
let tessCookie: string;
let umaCookie: string;
let ada: TestClient;
let ben: TestClient;
let injuryId: string;

const get = (url: string, cookie: string) => t.app.inject({ url, headers: { cookie } });
/** A page with its per-request parts (form tokens) masked, so two renderings can be compared. */
const stable = (html: string) => html.replace(/name="_form" value="[^"]+"/g, "");
const record = () => `/practice/clients/${ada.id}`;
const injuryPage = () => `${record()}/injuries/${injuryId}`;
const piecePath = (id = injuryId, piece = "telling-what-happened") => `/my/repair/${id}/pieces/${piece}`;
const therapistPost = (action: string, fields: Record<string, string>, page = injuryPage()) =>
  submitForm(t.app, { page, action, cookie: tessCookie, fields });
/** What a partner can reach of the repair space, as they would see it. */
const benPages = async () => {
  const pages: string[] = [];
  for (const url of ["/my", "/my/repair", "/my/entries", `/my/repair/${injuryId}/story`])
    pages.push(
      `${url} ${(await get(url, ben.cookie)).statusCode} ${stable((await get(url, ben.cookie)).body)}`,
    );
  return pages;
};

beforeAll(async () => {
  // A worded instrument pack, so that a screen is scored (placeholder wording never is).
  t = await createTestApp({ instrumentPack: testInstrumentPack });
  const tess = await addTherapist(t, "Tess Teak", "tess@example.org");
  const uma = await addTherapist(t, "Uma Umber", "uma@example.org");
  [ada, ben] = (await addClients(t, tess.id, [
    { name: "Ada Ash", email: "ada@example.org" },
    { name: "Ben Beech", email: "ben@example.org" },
  ])) as [TestClient, TestClient];
  tessCookie = await signInTherapist(t, tess);
  umaCookie = await signInTherapist(t, uma);
});
afterAll(() => t.close());

describe("before the therapist opens joint work", () => {
  it("lets the therapist name an injury with its roles, and prepare a piece", async () => {
    const named = await therapistPost(
      `${record()}/injuries`,
      { name: "The night of the hospital", who: ada.id },
      `${record()}/repair`,
    );
    expect(named.statusCode).toBe(303);
    injuryId = String(named.headers.location).split("/").pop() ?? "";
    const [row] = await t.handle.db.select().from(injuries).where(eq(injuries.id, injuryId));
    expect(row?.nameEncrypted).not.toContain("hospital");
    const opened = await therapistPost(`${injuryPage()}/pieces`, {
      client: ada.id,
      piece: "telling-what-happened",
      open: "yes",
    });
    expect(opened.statusCode).toBe(303);
  });

  it("shows both partners the same closed sentence and no injury, and no piece", async () => {
    const adaPage = stable((await get("/my/repair", ada.cookie)).body);
    const benPage = stable((await get("/my/repair", ben.cookie)).body);
    for (const page of [adaPage, benPage]) {
      expect(page).toContain(m.closed);
      expect(page).not.toContain("hospital");
    }
    expect(adaPage).toBe(benPage);
    expect((await get(piecePath(), ada.cookie)).statusCode).toBe(404);
    expect((await get(`/my/repair/${injuryId}/story`, ada.cookie)).statusCode).toBe(404);
  });
});

describe("once joint work is open", () => {
  let benBefore: string[];

  beforeAll(async () => {
    await openJointWork(t, tessCookie, [ada, ben]);
    await therapistPost(`${injuryPage()}/story`, {});
    benBefore = await benPages();
  });

  it("shows both partners the injury's name, and only Ada the piece opened for her", async () => {
    const adaPage = (await get("/my/repair", ada.cookie)).body;
    const benPage = (await get("/my/repair", ben.cookie)).body;
    expect(adaPage).toContain("The night of the hospital");
    expect(benPage).toContain("The night of the hospital");
    expect(adaPage).toContain(piecePath());
    expect(benPage).not.toContain("/pieces/");
    // Ben's role in this injury is not Ada's: the piece is not his even by its address.
    expect((await get(piecePath(), ben.cookie)).statusCode).toBe(404);
  });

  it("answers a guessed, swapped or other therapist's id exactly like one that does not exist", async () => {
    const none = await get(piecePath("00000000-0000-4000-8000-000000000000"), ada.cookie);
    const notOpened = await get(piecePath(injuryId, "the-fuller-story"), ada.cookie);
    const wrongRole = await get(piecePath(injuryId, "owning-it"), ada.cookie);
    for (const response of [notOpened, wrongRole]) {
      expect(response.statusCode).toBe(404);
      expect(stable(response.body)).toBe(stable(none.body));
    }
    expect((await get(`${record()}/repair`, umaCookie)).statusCode).toBe(404);
    expect((await get(injuryPage(), umaCookie)).statusCode).toBe(404);
  });

  it("keeps what Ada writes, stops for today, and changes no byte of Ben's pages", async () => {
    const first = await submitForm(t.app, {
      page: piecePath(),
      cookie: ada.cookie,
      fields: { "the-moment": "The corridor, at two in the morning.", after: "stop" },
    });
    expect(first.statusCode).toBe(303);
    expect(first.headers.location).toBe("/my/repair?notice=stopped");
    const back = (await get(piecePath(), ada.cookie)).body;
    expect(back).toContain("The corridor, at two in the morning.");
    await submitForm(t.app, {
      page: piecePath(),
      cookie: ada.cookie,
      fields: { "the-moment": "The corridor, at two in the morning.", "since-then": "I stopped asking." },
    });
    await submitForm(t.app, {
      page: "/my/repair",
      action: "/my/repair/suggestions",
      cookie: ada.cookie,
      fields: { suggestion: "The birthday in March" },
    });
    const rows = await t.handle.db
      .select()
      .from(workspaceEntries)
      .where(eq(workspaceEntries.clientId, ada.id));
    expect(rows).toHaveLength(2);
    expect(rows.every((r) => !r.bodyEncrypted.includes("corridor"))).toBe(true);
    expect(await benPages()).toEqual(benBefore);
  });

  it("tells the therapist of the suggestion, never the partner", async () => {
    const overview = (await get(`${record()}/repair`, tessCookie)).body;
    expect(overview).toContain("The birthday in March");
    expect(overview).toContain("From Ada Ash");
    const home = (await get("/practice", tessCookie)).body;
    expect(home).toContain("Ada Ash suggested something to work on in the repair");
    expect(home).not.toContain("birthday");
    const [row] = await t.handle.db.select().from(injurySuggestions);
    expect(row?.bodyEncrypted).not.toContain("birthday");
    // The therapist's view never holds what Ada kept private.
    expect(overview).not.toContain("corridor");
    expect((await get(injuryPage(), tessCookie)).body).not.toContain("corridor");
  });

  it("lets Ada share one answer with Ben, and take it back so that it simply disappears", async () => {
    const page = (await get(piecePath(), ada.cookie)).body;
    const entryLink = /href="\/my\/entries\/([0-9a-f-]{36})"/.exec(page)?.[1];
    if (!entryLink) throw new Error("no link to share the answer");
    const share = (sharing: string) =>
      submitForm(t.app, {
        page: `/my/entries/${entryLink}`,
        action: `/my/entries/${entryLink}/sharing`,
        cookie: ada.cookie,
        fields: { sharing },
      });
    expect((await share("partner")).statusCode).toBe(303);
    const corridor = /The corridor|I stopped asking/;
    // The answer keeps its question wherever it is read: on Ada's own page, Ben's list, the record.
    const asked = /Answering “(Which moment keeps coming back\?|What has that moment meant for you since\?)/;
    expect((await get(`/my/entries/${entryLink}`, ada.cookie)).body).toMatch(asked);
    const bensList = (await get("/my/entries", ben.cookie)).body;
    expect(bensList).toMatch(corridor);
    expect(bensList).toMatch(asked);
    expect((await share("both")).statusCode).toBe(303);
    const therapistView = (await get(injuryPage(), tessCookie)).body;
    expect(therapistView).toMatch(corridor);
    expect((await get(record(), tessCookie)).body).toMatch(asked);
    expect(therapistView).toContain("Ada Ash shared this on ");
    expect((await share("nobody")).statusCode).toBe(303);
    expect((await get("/my/entries", ben.cookie)).body).not.toMatch(corridor);
    expect((await get(injuryPage(), tessCookie)).body).not.toMatch(corridor);
  });

  it("keeps a reply private until it is sent, shows it under what it answers, and not once withdrawn", async () => {
    const shared = await submitForm(t.app, {
      page: "/my/entries",
      cookie: ada.cookie,
      fields: { body: "Can we talk about Sunday?", sharing: "partner" },
    });
    expect(shared.statusCode).toBe(303);
    const replyPath = /href="(\/my\/entries\/[0-9a-f-]{36}\/reply)"/.exec(
      (await get("/my/entries", ben.cookie)).body,
    )?.[1];
    if (!replyPath) throw new Error("no reply link beside the shared note");
    const adaBefore = stable((await get("/my/entries", ada.cookie)).body);
    const kept = await submitForm(t.app, {
      page: replyPath,
      cookie: ben.cookie,
      fields: { body: "Yes, after the walk.", send: "no" },
    });
    expect(kept.statusCode).toBe(303);
    expect(stable((await get("/my/entries", ada.cookie)).body)).toBe(adaBefore);
    const replyLink = /href="\/my\/entries\/([0-9a-f-]{36})"/.exec(
      (await get("/my/entries", ben.cookie)).body,
    )?.[1];
    if (!replyLink) throw new Error("no link to the kept reply");
    const share = (sharing: string) =>
      submitForm(t.app, {
        page: `/my/entries/${replyLink}`,
        action: `/my/entries/${replyLink}/sharing`,
        cookie: ben.cookie,
        fields: { sharing },
      });
    await share("partner");
    const adaList = (await get("/my/entries", ada.cookie)).body;
    expect(adaList).toContain(wm.partnerReplied);
    expect(adaList.indexOf("Yes, after the walk.")).toBeGreaterThan(
      adaList.indexOf("Can we talk about Sunday?"),
    );
    await share("nobody");
    expect(stable((await get("/my/entries", ada.cookie)).body)).toBe(adaBefore);
    // Someone else's note, or Ada's own, cannot be replied to by its address.
    expect((await get(replyPath, ada.cookie)).statusCode).toBe(404);
  });

  it("keeps both texts when the partners save the story at once", async () => {
    const adaForm = (await get(`/my/repair/${injuryId}/story`, ada.cookie)).body;
    const benForm = (await get(`/my/repair/${injuryId}/story`, ben.cookie)).body;
    const post = (client: TestClient, form: string, story: string) =>
      t.app.inject({
        method: "POST",
        url: `/my/repair/${injuryId}/story`,
        remoteAddress: freshAddress(),
        headers: { cookie: client.cookie, "sec-fetch-site": "same-origin" },
        payload: { _form: formTokenIn(form, `/my/repair/${injuryId}/story`), basedOn: "0", story },
      });
    const [fromAda, fromBen] = await Promise.all([
      post(ada, adaForm, "That night we were both frightened."),
      post(ben, benForm, "I was not there, and now I understand what that meant."),
    ]);
    const statuses = [fromAda.statusCode, fromBen.statusCode].sort();
    expect(statuses).toEqual([303, 409]);
    const late = fromAda.statusCode === 409 ? fromAda : fromBen;
    const lateText =
      late === fromAda ? "That night we were both frightened." : "I understand what that meant";
    const firstText =
      late === fromAda ? "I understand what that meant" : "That night we were both frightened.";
    expect(late.body).toContain(m.storyStale);
    expect(late.body).toContain(lateText);
    expect(late.body).toContain(firstText);
    expect(await t.handle.db.select().from(storyVersions)).toHaveLength(1);
    // Saving again from the page they were given lands, based on the partner's version.
    const again = await t.app.inject({
      method: "POST",
      url: `/my/repair/${injuryId}/story`,
      remoteAddress: freshAddress(),
      headers: { cookie: late === fromAda ? ada.cookie : ben.cookie, "sec-fetch-site": "same-origin" },
      payload: {
        _form: formTokenIn(late.body, `/my/repair/${injuryId}/story`),
        basedOn: /name="basedOn" value="(\d+)"/.exec(late.body)?.[1] ?? "",
        story: "Both of our words, together.",
      },
    });
    expect(again.statusCode).toBe(303);
    const history = (await get(`/my/repair/${injuryId}/story`, ben.cookie)).body;
    expect(history).toContain("Version 2");
    expect(history).toContain("Version 1");
    expect((await get(injuryPage(), tessCookie)).body).toContain("Both of our words, together.");
  });

  it("gives each partner the whole story in their export, marked as theirs or their partner's", async () => {
    for (const [client, own] of [
      [ada, "you"],
      [ben, "your partner"],
    ] as const) {
      const exported = (await get("/my/data.json", client.cookie)).body;
      expect(exported).toContain("Both of our words, together.");
      expect(exported).toContain("The night of the hospital");
      expect(exported).toContain(own);
    }
    // Ada's private answers are in her export, never in Ben's.
    expect((await get("/my/data.json", ada.cookie)).body).toContain("corridor");
    expect((await get("/my/data.json", ben.cookie)).body).not.toContain("corridor");
  });

  it("keeps every mark of the therapist's map, and never shows a step to the couple", async () => {
    await therapistPost(`${injuryPage()}/marks`, {
      step: "1",
      observedOn: "02/11/2026", // the practice's (en-GB) way; the next one is ISO, also read
      note: "Named the night.",
    });
    await therapistPost(`${injuryPage()}/marks`, { step: "3", observedOn: "2026-11-16", note: "" });
    const page = (await get(injuryPage(), tessCookie)).body;
    expect(page).toContain(tm.steps[1]);
    expect(page).toContain(tm.steps[3]);
    expect(page).toContain("Named the night.");
    const marks = await t.handle.db.select().from(auditLog).where(eq(auditLog.action, "repair.marked"));
    expect(marks).toHaveLength(2);
    expect(JSON.stringify(marks)).not.toContain("Named the night");
    for (const client of [ada, ben]) {
      const repair = (await get("/my/repair", client.cookie)).body;
      expect(repair).not.toMatch(/[Ss]tep \d|Named the night/);
    }
  });

  it("shows the field's message, keeps what was typed and saves nothing for bad input", async () => {
    const long = "x".repeat(4001);
    const tooLong = await submitForm(t.app, {
      page: piecePath(),
      cookie: ada.cookie,
      fields: { "the-moment": long },
    });
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.body).toContain(m.answerTooLong(4000));
    expect(tooLong.body).toContain(long);
    const badDate = await therapistPost(`${injuryPage()}/marks`, {
      step: "4",
      observedOn: "30/02/2026",
      note: "kept",
    });
    expect(badDate.statusCode).toBe(400);
    expect(badDate.body).toContain("February 2026 has no day 30. Please check the date.");
    expect(badDate.body).toContain('value="30/02/2026"');
    expect(badDate.body).toContain("kept");
    const noDate = await therapistPost(`${injuryPage()}/marks`, { step: "4", observedOn: "", note: "" });
    expect(noDate.statusCode).toBe(400);
    expect(noDate.body).toContain(`${tm.dateMissing} Day, month and year, for example 24/12/2026.`);
    const noName = await therapistPost(
      `${record()}/injuries`,
      { name: " ", who: "someone" },
      `${record()}/repair`,
    );
    expect(noName.statusCode).toBe(400);
    expect(noName.body).toContain(tm.nameMissing);
    const madeUpWho = await therapistPost(
      `${record()}/injuries`,
      { name: "A name", who: "someone" },
      `${record()}/repair`,
    );
    expect(madeUpWho.statusCode).toBe(400);
    expect(madeUpWho.body).toContain(tm.whoMissing);
  });

  it("meets crisis words in a piece with help, and tells the therapist without the words", async () => {
    const response = await submitForm(t.app, {
      page: piecePath(),
      cookie: ada.cookie,
      fields: { "what-you-felt": "I want to kill myself" },
    });
    expect(response.statusCode).toBe(200);
    expect(response.body).toMatch(/<div id="crisis-panel" class="crisis-panel" role="status">/);
    const alerts = await t.handle.db
      .select()
      .from(therapistNotifications)
      .where(eq(therapistNotifications.clientId, ada.id));
    expect(alerts.map((a) => a.kind)).toContain("crisis-words");
    expect(JSON.stringify(alerts)).not.toContain("kill");
  });

  it("hides a closed piece and a paused injury's pieces from Ada, keeping what she wrote", async () => {
    await therapistPost(`${injuryPage()}/status`, { status: "paused" });
    const paused = (await get("/my/repair", ada.cookie)).body;
    expect(paused).toContain(m.resting);
    expect(paused).not.toContain(piecePath());
    expect((await get(piecePath(), ada.cookie)).statusCode).toBe(404);
    await therapistPost(`${injuryPage()}/status`, { status: "active" });
    await therapistPost(`${injuryPage()}/pieces`, {
      client: ada.id,
      piece: "telling-what-happened",
      open: "no",
    });
    expect((await get(piecePath(), ada.cookie)).statusCode).toBe(404);
    await therapistPost(`${injuryPage()}/pieces`, {
      client: ada.id,
      piece: "telling-what-happened",
      open: "yes",
    });
    expect((await get(piecePath(), ada.cookie)).body).toContain("The corridor, at two in the morning.");
  });

  it("changes no byte of Ben's repair pages and closes nothing when Ada answers yes on a screen", async () => {
    const before = await benPages();
    const assigned = await submitForm(t.app, {
      page: record(),
      action: `${record()}/measures`,
      cookie: tessCookie,
      fields: { instrument: "hark" },
    });
    expect(assigned.statusCode).toBe(303);
    const [screen] = await t.handle.db
      .select()
      .from(measureAssignments)
      .where(eq(measureAssignments.clientId, ada.id));
    if (!screen) throw new Error("no screen was assigned");
    const yes = Object.fromEntries(
      itemIds("hark", 1, 4).map((item, i) => [itemField(item), i < 2 ? "1" : "0"]),
    );
    const answered = await submitForm(t.app, {
      page: `/my/measures/${screen.id}`,
      cookie: ada.cookie,
      fields: yes,
    });
    expect(answered.statusCode).toBe(200);
    expect(await benPages()).toEqual(before);
    // The joint work and the injury stay as the therapist left them; only the therapist is told.
    expect((await get("/my/repair", ada.cookie)).body).toContain(piecePath());
    expect((await get("/practice", tessCookie)).body).toContain("Ada Ash answered yes on a screen for harm");
  });

  it("keeps a closed injury's story as it stands: readable by both, and a late save loses no word", async () => {
    const storyPath = `/my/repair/${injuryId}/story`;
    const open = (await get(storyPath, ben.cookie)).body;
    await therapistPost(`${injuryPage()}/status`, { status: "closed" });
    const kept = await get(storyPath, ben.cookie);
    expect(kept.statusCode).toBe(200);
    expect(kept.body).toContain("Both of our words, together.");
    expect(kept.body).toContain(m.storyKept);
    expect(kept.body).not.toContain('name="story"');
    const versions = (await t.handle.db.select().from(storyVersions)).length;
    const late = await t.app.inject({
      method: "POST",
      url: storyPath,
      remoteAddress: freshAddress(),
      headers: { cookie: ben.cookie, "sec-fetch-site": "same-origin" },
      payload: { _form: formTokenIn(open, storyPath), basedOn: "2", story: "One more line I meant to add." },
    });
    expect(late.statusCode).toBe(409);
    expect(late.body).toContain(m.storyKeptNotSaved);
    expect(late.body).toContain("One more line I meant to add.");
    expect(await t.handle.db.select().from(storyVersions)).toHaveLength(versions);
    // Opened again by the therapist, it is theirs to write once more.
    await therapistPost(`${injuryPage()}/status`, { status: "active" });
    expect((await get(storyPath, ben.cookie)).body).toContain('name="story"');
  });
});
