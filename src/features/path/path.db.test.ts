import { and, eq, isNull } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formTokenIn, freshAddress, submitForm } from "../../../test/support/forms.ts";
import { addClients, addTherapist, signInTherapist, type TestClient } from "../../../test/support/people.ts";
import { createTestApp, type TestApp } from "../../../test/support/test-app.ts";
import { auditLog } from "../../platform/audit/audit.schema.ts";
import { setCoach } from "../language-coach/coach-setting.ts";
import { coachMessages as cm } from "../language-coach/messages.ts";
import { therapistNotifications } from "../notifications/notification.schema.ts";
import { repairMessages as rm } from "../repair/messages.ts";
import { safetyMessages } from "../safety/messages.ts";
import { workspaceEntries } from "../workspace/entry.schema.ts";
import { pathMessages as m, pathTherapistMessages as tm } from "./messages.ts";

// The individual path (issue 13, item 5): pieces of a client's own work, opened one at a time by their
// therapist, private by default, and nothing a partner can see or infer.
let t: TestApp;
let tessCookie: string;
let umaCookie: string;
let ada: TestClient;
let ben: TestClient;
let cy: TestClient;
let tessId: string;

const get = (url: string, cookie: string) => t.app.inject({ url, headers: { cookie } });
/** A page with its per-request parts (form tokens) masked, so two renderings can be compared. */
const stable = (html: string) => html.replace(/name="_form" value="[^"]+"/g, "");
const pathPage = (client: TestClient) => `/practice/clients/${client.id}/path`;
const setPiece = (client: TestClient, piece: string, open: boolean, cookie = tessCookie) =>
  submitForm(t.app, {
    page: pathPage(client),
    action: `${pathPage(client)}/${piece}`,
    cookie,
    fields: { open: open ? "yes" : "no" },
  });
/** A post made by hand: a forged or stale token, or a form a page does not offer. */
const postRaw = (url: string, cookie: string, payload: Record<string, string>) =>
  t.app.inject({
    method: "POST",
    url,
    remoteAddress: freshAddress(),
    headers: { cookie, "sec-fetch-site": "same-origin" },
    payload,
  });
const answer = (client: TestClient, piece: string, fields: Record<string, string>) =>
  submitForm(t.app, { page: `/my/path/${piece}`, cookie: client.cookie, fields });
/** What Ben, Ada's partner, can reach: his space, his notes, his own path, his repair space. */
const benPages = async () =>
  Promise.all(
    ["/my", "/my/entries", "/my/path", "/my/repair", "/my/path/earlier-hurts"].map(async (url) => {
      const response = await get(url, ben.cookie);
      return `${response.statusCode} ${stable(response.body)}`;
    }),
  );

beforeAll(async () => {
  t = await createTestApp();
  const tess = await addTherapist(t, "Tess Teak", "tess@example.org");
  const uma = await addTherapist(t, "Uma Umber", "uma@example.org");
  [ada, ben] = (await addClients(t, tess.id, [
    { name: "Ada Ash", email: "ada@example.org" },
    { name: "Ben Beech", email: "ben@example.org" },
  ])) as [TestClient, TestClient];
  [cy] = (await addClients(t, tess.id, [{ name: "Cy Cedar", email: "cy@example.org" }])) as [TestClient];
  tessId = tess.id;
  tessCookie = await signInTherapist(t, tess);
  umaCookie = await signInTherapist(t, uma);
});
afterAll(() => t.close());

describe("the individual path", () => {
  it("opens nothing by default, and links to the path from every client's space", async () => {
    for (const client of [ada, ben, cy]) {
      expect((await get("/my", client.cookie)).body).toContain('href="/my/path"');
      const home = await get("/my/path", client.cookie);
      expect(home.statusCode).toBe(200);
      expect(home.body).toContain(m.nothingYet);
      expect((await get("/my/path/earlier-hurts", client.cookie)).statusCode).toBe(404);
    }
  });

  it("shows the therapist every piece, audited, and another therapist or a guessed id the same 404", async () => {
    const page = await get(pathPage(cy), tessCookie);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(tm.notOpened);
    const reads = await t.handle.db.select().from(auditLog).where(eq(auditLog.action, "path.read"));
    expect(reads.map((r) => r.subject)).toContain(`client:${cy.id}`);
    expect((await get(pathPage(cy), umaCookie)).statusCode).toBe(404);
    const guessed = "/practice/clients/00000000-0000-4000-8000-000000000000/path";
    expect((await get(guessed, tessCookie)).statusCode).toBe(404);
    expect((await get("/practice/clients/not-an-id/path", tessCookie)).statusCode).toBe(404);
    expect((await get(pathPage(cy), cy.cookie)).statusCode).not.toBe(200);
    // Uma cannot open a piece for Tess's client, nor can anyone open a piece that does not exist.
    expect((await postRaw(`${pathPage(cy)}/earlier-hurts`, umaCookie, { open: "yes" })).statusCode).toBe(404);
    const token = formTokenIn((await get(pathPage(cy), tessCookie)).body);
    const noSuchPiece = await postRaw(`${pathPage(cy)}/no-such-piece`, tessCookie, {
      _form: token,
      open: "yes",
    });
    expect(noSuchPiece.statusCode).toBe(404);
    expect((await get("/my/path/earlier-hurts", cy.cookie)).statusCode).toBe(404);
  });

  it("lets the client answer a piece once opened: encrypted, private, and stop-here saves", async () => {
    const opened = await setPiece(cy, "earlier-hurts", true);
    expect(opened.statusCode).toBe(303);
    expect((await get(pathPage(cy), tessCookie)).body).toContain(tm.isOpen);
    const home = (await get("/my/path", cy.cookie)).body;
    expect(home).toContain('href="/my/path/earlier-hurts"');
    const saved = await answer(cy, "earlier-hurts", { "when-and-who": "When I was nine, my father" });
    expect(saved.statusCode).toBe(303);
    expect(saved.headers.location).toBe("/my/path/earlier-hurts?notice=saved");
    const stopped = await answer(cy, "earlier-hurts", {
      "when-and-who": "When I was nine, my father",
      "what-i-needed": "Someone to sit with me",
      after: "stop",
    });
    expect(stopped.headers.location).toBe("/my/path?notice=stopped");
    expect((await get("/my/path?notice=stopped", cy.cookie)).body).toContain(m.stopped);
    const rows = await t.handle.db
      .select()
      .from(workspaceEntries)
      .where(and(eq(workspaceEntries.clientId, cy.id), isNull(workspaceEntries.injuryId)));
    expect(rows.map((r) => r.questionId).sort()).toEqual(["what-i-needed", "when-and-who"]);
    for (const row of rows) {
      expect(row.pieceId).toBe("earlier-hurts");
      expect(row.bodyEncrypted).not.toContain("father");
      expect(row.sharedWithTherapistAt).toBeNull();
    }
    const piece = (await get("/my/path/earlier-hurts", cy.cookie)).body;
    expect(piece).toContain("Someone to sit with me");
    // Nothing shared yet: the therapist sees that the piece is open, never the words.
    expect((await get(pathPage(cy), tessCookie)).body).not.toContain("father");
    expect((await get(pathPage(cy), tessCookie)).body).toContain(tm.nothingShared);
  });

  it("shows an answer the client shares with the therapist, under its question", async () => {
    const [row] = await t.handle.db
      .select()
      .from(workspaceEntries)
      .where(and(eq(workspaceEntries.clientId, cy.id), eq(workspaceEntries.questionId, "what-i-needed")));
    const entry = `/my/entries/${row?.id}`;
    const notes = (await get("/my/entries", cy.cookie)).body;
    expect(notes).toContain("What did you need from them then");
    const shared = await submitForm(t.app, {
      page: entry,
      action: `${entry}/sharing`,
      cookie: cy.cookie,
      fields: { sharing: "therapist" },
    });
    expect(shared.statusCode).toBeLessThan(400);
    const page = (await get(pathPage(cy), tessCookie)).body;
    expect(page).toContain("Someone to sit with me");
    expect(page).toContain("What did you need from them then");
    expect(page).not.toContain("my father");
    // The record's own list of what was shared shows it under its question too.
    const record = (await get(`/practice/clients/${cy.id}`, tessCookie)).body;
    expect(record).toContain("Someone to sit with me");
    expect(record).toContain("What did you need from them then");
  });

  it("keeps what was typed on bad input, never a 500", async () => {
    const tooLong = "a".repeat(4001);
    const response = await answer(cy, "earlier-hurts", { "another-time": tooLong });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain(rm.answerTooLong(4000));
    expect(response.body).toContain(tooLong);
    const odd = await answer(cy, "earlier-hurts", { "not-a-question": "hello", "when-and-who": "" });
    expect(odd.statusCode).toBe(303);
    const forged = await postRaw("/my/path/earlier-hurts", cy.cookie, {
      _form: "forged",
      "another-time": "kept words",
    });
    expect(forged.statusCode).toBe(403);
    expect(forged.body).toContain("kept words");
  });

  it("meets crisis and control words with help, saves the words and tells the therapist without them", async () => {
    const crisis = await answer(cy, "earlier-hurts", { "another-time": "I want to kill myself" });
    expect(crisis.statusCode).toBe(200);
    expect(crisis.body).toMatch(/<div id="crisis-panel" class="crisis-panel" role="status">/);
    const control = await answer(cy, "earlier-hurts", { "another-time": "I check his phone every night" });
    expect(control.body).toContain(safetyMessages.crisisControl);
    const alerts = await t.handle.db
      .select()
      .from(therapistNotifications)
      .where(eq(therapistNotifications.clientId, cy.id));
    expect(alerts.map((a) => a.kind)).toEqual(expect.arrayContaining(["crisis-words", "control-words"]));
    expect(JSON.stringify(alerts)).not.toMatch(/kill|phone/);
  });

  it("hides a closed piece from the client and keeps the answers; opening it again brings them back", async () => {
    const oldPage = (await get("/my/path/earlier-hurts", cy.cookie)).body;
    const closed = await setPiece(cy, "earlier-hurts", false);
    expect(closed.statusCode).toBe(303);
    expect((await get("/my/path", cy.cookie)).body).not.toContain('href="/my/path/earlier-hurts"');
    expect((await get("/my/path/earlier-hurts", cy.cookie)).statusCode).toBe(404);
    // A page left open from before the closing saves nothing.
    const late = await postRaw("/my/path/earlier-hurts", cy.cookie, {
      _form: formTokenIn(oldPage),
      "when-and-who": "written after the closing",
    });
    expect(late.statusCode).toBe(404);
    expect(JSON.stringify(await t.handle.db.select().from(workspaceEntries))).not.toContain("closing");
    expect((await get("/my/entries", cy.cookie)).body).toContain("Someone to sit with me");
    expect((await get(pathPage(cy), tessCookie)).body).toContain(tm.wasOpen);
    const actions = (await t.handle.db.select().from(auditLog)).map((r) => r.action);
    expect(actions).toEqual(expect.arrayContaining(["path-piece.opened", "path-piece.closed"]));
    await setPiece(cy, "earlier-hurts", true);
    expect((await get("/my/path/earlier-hurts", cy.cookie)).body).toContain("Someone to sit with me");
  });

  it("offers the language coach on the practice in asking only, once the therapist turned it on", async () => {
    await setPiece(cy, "asking-for-what-i-need", true);
    expect((await get("/my/path/asking-for-what-i-need", cy.cookie)).body).not.toContain(cm.check);
    await setCoach(t.handle.db, { therapistId: tessId, clientId: cy.id, on: true });
    expect((await get("/my/path/asking-for-what-i-need", cy.cookie)).body).toContain(cm.check);
    expect((await get("/my/path/earlier-hurts", cy.cookie)).body).not.toContain(cm.check);
    const checked = await answer(cy, "asking-for-what-i-need", {
      "trying-the-words": "You never listen to me",
      coach: "check",
    });
    expect(checked.statusCode).toBe(200);
    expect(checked.body).toContain(cm.heading);
    expect(checked.body).toContain("You never listen to me");
    expect(JSON.stringify(await t.handle.db.select().from(workspaceEntries))).not.toContain(
      "trying-the-words",
    );
  });

  it("is a partner's own private work: the other partner's pages are byte-identical before and after", async () => {
    const before = await benPages();
    expect((await setPiece(ada, "asking-for-what-i-need", true)).statusCode).toBe(303);
    expect((await get("/my/path", ada.cookie)).body).toContain('href="/my/path/asking-for-what-i-need"');
    await answer(ada, "asking-for-what-i-need", {
      "a-recent-moment": "When Ben came home late",
      after: "stop",
    });
    expect(await benPages()).toEqual(before);
    expect((await get("/my/path/asking-for-what-i-need", ben.cookie)).statusCode).toBe(404);
    // Each export holds the person's own path and answers; the partner's holds nothing of them.
    const adaExport = (await get("/my/data.json", ada.cookie)).body;
    expect(adaExport).toContain("asking-for-what-i-need");
    expect(adaExport).toContain("When Ben came home late");
    const benExport = (await get("/my/data.json", ben.cookie)).body;
    expect(benExport).not.toContain("asking-for-what-i-need");
    expect(benExport).not.toContain("came home late");
  });
});
