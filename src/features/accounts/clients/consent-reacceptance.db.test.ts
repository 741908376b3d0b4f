import { asc, eq } from "drizzle-orm";
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
import { storedSettingsVersion } from "../../practice-settings/settings-store.ts";
import { workspaceEntries } from "../../workspace/entry.schema.ts";
import { clientConsents, clients } from "./client.schema.ts";
import { consentMessages as m } from "./client-messages.ts";

// Record 060: a changed consent document is accepted again at the client's next visit, before their
// space, and only by the clients it applies to; help and the client's rights are never held back.
let t: TestApp;
let ownerCookie: string;
let ada: TestClient;
let ben: TestClient;
let eve: TestClient;
/** Ben's notes page as opened before the practice changed anything: he sends its form later. */
let benNotesPage: string;

beforeAll(async () => {
  t = await createTestApp();
  const owner = await addTherapist(t, "Otto Oak", "otto@example.org");
  ownerCookie = await signInTherapist(t, owner);
  [ada, ben] = (await addClients(t, owner.id, [
    { name: "Ada Ash", email: "ada@example.org" },
    { name: "Ben Beech", email: "ben@example.org" },
  ])) as [TestClient, TestClient];
  [eve] = (await addClients(t, owner.id, [{ name: "Eve Elm", email: "eve@example.org" }])) as [TestClient];
});
afterAll(() => t.close());

const get = (url: string, client: TestClient) => t.app.inject({ url, headers: { cookie: client.cookie } });
const edit = async (documentId: string, text: string) => {
  const saved = await submitForm(t.app, {
    page: `/practice/settings/consent/${documentId}`,
    cookie: ownerCookie,
    fields: { version: String(await storedSettingsVersion(t.handle.db)), text, intent: "save" },
  });
  expect(saved.statusCode).toBe(303);
};
const acceptancesOf = (client: TestClient) =>
  t.handle.db
    .select()
    .from(clientConsents)
    .where(eq(clientConsents.clientId, client.id))
    .orderBy(asc(clientConsents.acceptedAt), asc(clientConsents.documentId));

/** Posts the consent page as a browser would: its token and versions as shown, with these boxes ticked. */
async function acceptPage(client: TestClient, ticked: string[], shownPage?: string) {
  const html = shownPage ?? (await get("/my/consent", client)).body;
  const body = new URLSearchParams();
  // The page's own form, in <main>: the header's sign-out form has a hidden token of its own.
  const form = html.slice(html.indexOf("<main"));
  for (const [, name, value] of form.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]+)"/g))
    body.append(name ?? "", value ?? "");
  for (const id of ticked) body.append("accept", id);
  return t.app.inject({
    method: "POST",
    url: "/my/consent",
    remoteAddress: freshAddress(),
    headers: {
      cookie: client.cookie,
      "content-type": "application/x-www-form-urlencoded",
      "sec-fetch-site": "same-origin",
    },
    payload: body.toString(),
  });
}

describe("accepting a consent document's new wording", () => {
  it("lets clients who accepted the current wording straight into their space", async () => {
    for (const client of [ada, ben, eve]) expect((await get("/my", client)).statusCode).toBe(200);
    benNotesPage = (await get("/my/entries", ben)).body;
    expect((await get("/my/consent", eve)).headers.location).toBe("/my");
  });

  it("asks partners in a couple to accept a changed secrets policy first; an individual is never asked", async () => {
    await edit(
      "secrets-between-partners",
      "# Secrets\n\nWhat you tell your therapist alone, **new words**.\n",
    );
    for (const url of ["/my", "/my/entries", "/my/measures"]) {
      const held = await get(url, ada);
      expect(held.statusCode, url).toBe(303);
      expect(held.headers.location, url).toBe("/my/consent");
    }
    const page = await get("/my/consent", ada);
    expect(page.statusCode).toBe(200);
    expect(page.headers["cache-control"]).toContain("no-store");
    expect(page.body).toContain("<strong>new words</strong>");
    expect(page.body).toContain(m.changed);
    expect(page.body).not.toContain("Haven is not monitored");
    expect(page.body).toContain('href="/leave"'); // the quick exit is on the page

    expect((await get("/my", eve)).statusCode).toBe(200);
    expect((await get("/my/consent", eve)).headers.location).toBe("/my");
  });

  it("never holds back help, the quick exit, the client's data, or words being sent", async () => {
    expect((await get("/help-now", ada)).statusCode).toBe(200);
    const leave = await get("/leave", ada);
    expect(leave.statusCode).toBe(303);
    expect(leave.headers.location).not.toBe("/my/consent");
    // /leave signed Ada out on that request's session; sign-ins are per cookie, so use Ben from here.
    expect((await get("/my/data", ben)).statusCode).toBe(200);
    expect((await get("/my/data.json", ben)).statusCode).toBe(200);
    expect((await get("/my/erase", ben)).statusCode).toBe(200);
    // A note Ben was writing when the wording changed is saved, and its crisis words meet help at once.
    const written = await t.app.inject({
      method: "POST",
      url: "/my/entries",
      remoteAddress: freshAddress(),
      headers: { cookie: ben.cookie, "sec-fetch-site": "same-origin" },
      payload: {
        _form: formTokenIn(benNotesPage, "/my/entries"),
        body: "I want to kill myself",
        sharing: "nobody",
      },
    });
    expect(written.statusCode).toBeLessThan(400);
    expect(written.body).toMatch(/id="crisis-panel"/);
    const notes = await t.handle.db
      .select()
      .from(workspaceEntries)
      .where(eq(workspaceEntries.clientId, ben.id));
    expect(notes).toHaveLength(1);
  });

  it("refuses an acceptance without the box ticked beside the document, and records nothing", async () => {
    const before = await acceptancesOf(ben);
    const refused = await acceptPage(ben, []);
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain(m.acceptMissing);
    expect(refused.body).toMatch(/id="field-accept-secrets-between-partners-error"/);
    expect(await acceptancesOf(ben)).toEqual(before);
  });

  it("records a new acceptance of the exact version shown, leaves the older ones as they were, and opens the space", async () => {
    const before = await acceptancesOf(ben);
    const done = await acceptPage(ben, ["secrets-between-partners"]);
    expect(done.statusCode).toBe(303);
    expect(done.headers.location).toBe("/my");
    const after = await acceptancesOf(ben);
    expect(after.slice(0, before.length)).toEqual(before);
    expect(after).toHaveLength(before.length + 1);
    const added = after[after.length - 1];
    expect(added?.documentId).toBe("secrets-between-partners");
    expect(added?.version).not.toBe(
      before.find((row) => row.documentId === "secrets-between-partners")?.version,
    );
    expect((await get("/my", ben)).statusCode).toBe(200);
    const [audit] = await t.handle.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, "client.consents-accepted"));
    expect(audit?.subject).toBe(`client:${ben.id}`);
  });

  it("asks an individual about a changed document that applies to them, without the partners' policy", async () => {
    await edit("limits-of-confidentiality", "# Limits\n\nWhen we must share, and **why**.\n");
    expect((await get("/my", eve)).headers.location).toBe("/my/consent");
    const page = await get("/my/consent", eve);
    expect(page.body).toContain("<strong>why</strong>");
    expect(page.body).not.toContain("Secrets between partners");
    expect(page.body).not.toContain("secrets-between-partners");
    const done = await acceptPage(eve, ["limits-of-confidentiality"]);
    expect(done.statusCode).toBe(303);
    expect((await acceptancesOf(eve)).map((row) => row.documentId)).not.toContain("secrets-between-partners");
    expect((await get("/my", eve)).statusCode).toBe(200);
  });

  it("does not accept a wording that changed while the page was open: the new one is shown to read", async () => {
    const shown = (await get("/my/consent", ben)).body;
    expect(shown).toContain("<strong>why</strong>");
    await edit("limits-of-confidentiality", "# Limits\n\nWhen we must share, and **how we tell you**.\n");
    const before = await acceptancesOf(ben);
    const late = await acceptPage(ben, ["limits-of-confidentiality"], shown);
    expect(late.statusCode).toBe(400);
    expect(late.body).toContain(m.changedWhileReading);
    expect(late.body).toContain("<strong>how we tell you</strong>");
    expect(await acceptancesOf(ben)).toEqual(before);
  });

  it("lets a paused client accept the new wording, so they can still read their space", async () => {
    await t.handle.db.update(clients).set({ status: "paused" }).where(eq(clients.id, eve.id));
    await edit("not-monitored", "# Not monitored\n\nNobody reads this **while you write**.\n");
    expect((await get("/my", eve)).headers.location).toBe("/my/consent");
    // The limits wording changed again earlier in this file, so both wait for her.
    const done = await acceptPage(eve, ["not-monitored", "limits-of-confidentiality"]);
    expect(done.statusCode).toBe(303);
    expect(done.headers.location).toBe("/my");
    expect((await get("/my", eve)).statusCode).toBe(200);
  });
});
