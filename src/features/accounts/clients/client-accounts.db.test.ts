import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cookieFrom, freshAddress, submitForm } from "../../../../test/support/forms.ts";
import { deliveredMail, linkMailedTo } from "../../../../test/support/outbox.ts";
import { addTherapist, signInTherapist, type TestTherapist } from "../../../../test/support/people.ts";
import { createTestApp, type TestApp } from "../../../../test/support/test-app.ts";
import { auditLog } from "../../../platform/audit/audit.schema.ts";
import { storedSettingsVersion } from "../../practice-settings/settings-store.ts";
import { clientConsents, clientInvitations, clientSignInLinks, clients } from "./client.schema.ts";
import { consentMessages } from "./client-messages.ts";
import { linksPerRequesterPerHour } from "./client-sign-in-links.ts";

let t: TestApp;
let therapist: TestTherapist;
let therapistCookie: string;
const documentIds = ["not-monitored", "secrets-between-partners", "limits-of-confidentiality"];

beforeAll(async () => {
  t = await createTestApp();
  therapist = await addTherapist(t, "Ann Ash", "ann@example.org");
  therapistCookie = await signInTherapist(t, therapist);
});
afterAll(() => t.close());

const invite = (fields: Record<string, string>) =>
  submitForm(t.app, { page: "/practice/invite", cookie: therapistCookie, fields });

async function accept(path: string, fields: Record<string, string | string[]>, shown?: string) {
  const page = { body: shown ?? (await t.app.inject({ url: path })).body };
  // The form's hidden fields as a browser sends them: its token and the version of each document shown.
  const body = new URLSearchParams();
  for (const [, name, value] of page.body.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]+)"/g))
    body.append(name ?? "", value ?? "");
  for (const [name, value] of Object.entries(fields))
    for (const v of Array.isArray(value) ? value : [value]) body.append(name, v);
  return t.app.inject({
    method: "POST",
    url: path,
    remoteAddress: freshAddress(),
    headers: { "content-type": "application/x-www-form-urlencoded", "sec-fetch-site": "same-origin" },
    payload: body.toString(),
  });
}

describe("inviting clients", () => {
  it("puts each problem beside its field and keeps what was typed", async () => {
    const missingKind = await invite({ kind: "", firstName: "Bea", firstEmail: "bea@example.org" });
    expect(missingKind.statusCode).toBe(400);
    expect(missingKind.body).toContain("Please choose one person or a couple");
    expect(missingKind.body).toContain('value="bea@example.org"');

    const sameEmail = await invite({
      kind: "couple",
      firstName: "Bea",
      firstEmail: "bea@example.org",
      secondName: "Cal",
      secondEmail: "BEA@example.org",
    });
    expect(sameEmail.statusCode).toBe(400);
    expect(sameEmail.body).toMatch(/id="field-secondEmail-error">Each partner needs their own email/);
    expect(sameEmail.body).toContain('value="Cal"');
    expect(await t.handle.db.select().from(clients)).toEqual([]); // nothing half-written
  });

  it("invites a couple: two invitations, two addresses, one couple, neutral subjects", async () => {
    const response = await invite({
      kind: "couple",
      firstName: "Bea Birch",
      firstEmail: "bea@example.org",
      secondName: "Cal Cedar",
      secondEmail: "cal@example.org",
    });
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe("/practice?notice=invited-2");
    const rows = await t.handle.db.select().from(clients);
    expect(rows).toHaveLength(2);
    expect(rows[0]?.coupleId).toBeTruthy();
    expect(rows[0]?.coupleId).toBe(rows[1]?.coupleId);
    expect(JSON.stringify(rows)).not.toContain("bea@example.org");
    expect(JSON.stringify(rows)).not.toContain("Bea Birch");

    const mail = await deliveredMail(t);
    const toBea = mail.find((m) => m.to.includes("bea@example.org"));
    expect(toBea?.subject).toBe("A message from Haven demo practice");
    expect(toBea?.text).not.toContain("Cal");
    expect(toBea?.text).toMatch(/\/welcome\/[\w-]{43}/);

    const home = await t.app.inject({
      url: "/practice?notice=invited-2",
      headers: { cookie: therapistCookie },
    });
    expect(home.body).toContain("Both invitations are on their way.");
    expect(home.body).toContain("You see 1 couple");
    const list = await t.app.inject({ url: "/practice/clients", headers: { cookie: therapistCookie } });
    expect(list.body).toContain("Bea Birch");
    expect(list.body).toContain("Couple");

    const again = await invite({ kind: "individual", firstName: "Bea", firstEmail: "bea@example.org" });
    expect(again.body).toContain("This address can't be invited");
  });

  it("sends a fresh link, and stops the old one, when the therapist invites someone who has not accepted", async () => {
    await invite({ kind: "individual", firstName: "Eve Elm", firstEmail: "eve@example.org" });
    const first = await linkMailedTo(t, "eve@example.org", "/welcome");
    const again = await invite({ kind: "individual", firstName: "Eve Elm", firstEmail: "eve@example.org" });
    expect(again.statusCode).toBe(303);
    const second = await linkMailedTo(t, "eve@example.org", "/welcome");
    expect(second).not.toBe(first);
    expect((await t.app.inject({ url: first })).statusCode).toBe(404); // the old link stops working
    expect((await t.app.inject({ url: second })).statusCode).toBe(200);
    expect(await t.handle.db.select().from(clients)).toHaveLength(3); // no second Eve
  });

  it("shows another therapist none of these clients", async () => {
    const other = await addTherapist(t, "Dee Dogwood", "dee@example.org");
    const cookie = await signInTherapist(t, other);
    const home = await t.app.inject({ url: "/practice", headers: { cookie } });
    expect(home.statusCode).toBe(200);
    expect(home.body).not.toContain("Bea Birch");
    expect(home.body).toContain("No clients yet");
    // Inviting someone who is another therapist's client says nothing about whose, or that they are.
    const clash = await submitForm(t.app, {
      page: "/practice/invite",
      cookie,
      fields: { kind: "individual", firstName: "Bea", firstEmail: "bea@example.org" },
    });
    expect(clash.statusCode).toBe(400);
    expect(clash.body).toContain("This address can't be invited");
    expect(clash.body).not.toContain("Ann Ash");
  });
});

describe("accepting an invitation", () => {
  it("asks for the age and every consent, then signs the person in; the link then stops working", async () => {
    const path = await linkMailedTo(t, "bea@example.org", "/welcome");
    expect((await t.app.inject({ url: path })).statusCode).toBe(200);
    const page = await t.app.inject({ url: path }); // a mail scanner opening it changes nothing
    expect(page.statusCode).toBe(200);
    expect(page.headers["cache-control"]).toBe("no-store");
    expect(page.body).toContain("Secrets between partners");
    expect(page.body).not.toMatch(/checked/);

    const partial = await accept(path, { accept: ["not-monitored"] });
    expect(partial.statusCode).toBe(400);
    expect(partial.body).toContain("Please confirm you are 18 or over");
    expect(partial.body).toContain("Please read this and tick the box");
    expect(partial.body).toMatch(/value="not-monitored" checked/);

    const done = await accept(path, { accept: documentIds, adult: "yes" });
    expect(done.statusCode).toBe(303);
    expect(done.headers.location).toBe("/my");
    const cookie = cookieFrom(done, "haven-session");
    const space = await t.app.inject({ url: "/my", headers: { cookie } });
    expect(space.statusCode).toBe(200);
    expect(space.body).toContain("Hello, Bea Birch.");

    expect((await t.app.inject({ url: path })).statusCode).toBe(404);
    const twice = await accept(path, { accept: documentIds, adult: "yes" });
    expect(twice.statusCode).toBe(404);
    expect(twice.body).toContain("expired or has already been used");
  });

  it("never asks an individual to accept the policy on secrets between partners", async () => {
    const path = await linkMailedTo(t, "eve@example.org", "/welcome");
    const page = await t.app.inject({ url: path });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain("Haven is not monitored");
    expect(page.body).not.toContain("Secrets between partners");
    expect(page.body).not.toContain('value="secrets-between-partners"');

    const done = await accept(path, { accept: ["not-monitored", "limits-of-confidentiality"], adult: "yes" });
    expect(done.statusCode).toBe(303);
    const [eve] = await t.handle.db
      .select({ id: clients.id })
      .from(clients)
      .where(sql`${clients.coupleId} is null and ${clients.status} = 'active'`);
    const accepted = await t.handle.db
      .select({ documentId: clientConsents.documentId })
      .from(clientConsents)
      .where(eq(clientConsents.clientId, eve?.id ?? ""));
    expect(accepted.map((row) => row.documentId).sort()).toEqual([
      "limits-of-confidentiality",
      "not-monitored",
    ]);
  });

  it("refuses an invitation older than seven days", async () => {
    const path = await linkMailedTo(t, "cal@example.org", "/welcome");
    await t.handle.db.update(clientInvitations).set({ expiresAt: sql`now() - interval '1 minute'` });
    const response = await t.app.inject({ url: path });
    expect(response.statusCode).toBe(404);
    expect(response.body).toContain("ask your therapist to send a new one");
    await t.handle.db.update(clientInvitations).set({ expiresAt: sql`now() + interval '7 days'` });
  });

  it("keeps a client out of the therapist's side", async () => {
    const path = await linkMailedTo(t, "cal@example.org", "/welcome");
    const cookie = cookieFrom(await accept(path, { accept: documentIds, adult: "yes" }), "haven-session");
    for (const url of ["/practice", "/practice/invite"]) {
      const response = await t.app.inject({ url, headers: { cookie } });
      expect(response.statusCode).toBe(303);
      expect(response.headers.location).toBe("/sign-in");
    }
  });
});

describe("signing in by emailed link", () => {
  const ask = (email: string, address?: string) =>
    submitForm(t.app, { page: "/sign-in", action: "/sign-in/link", fields: { email }, address });

  it("answers the same for an unknown address as for a client's", async () => {
    const unknown = await ask("nobody@example.org");
    const known = await ask("bea@example.org");
    expect(unknown.statusCode).toBe(200);
    expect(unknown.body).toBe(known.body);
    expect(known.body).toContain("a sign-in link is on its way");
  });

  it("signs in only when the page's button is pressed, once, within 15 minutes", async () => {
    await ask("bea@example.org");
    const path = await linkMailedTo(t, "bea@example.org", "/sign-in/link");
    const opened = await t.app.inject({ url: path });
    expect(opened.statusCode).toBe(200);
    expect(opened.cookies).toEqual([]);
    expect((await t.app.inject({ url: path })).statusCode).toBe(200); // still usable after two GETs

    const used = await submitForm(t.app, { page: path, fields: {} });
    expect(used.statusCode).toBe(303);
    expect(used.headers.location).toBe("/my");
    const cookie = cookieFrom(used, "haven-session");
    expect((await t.app.inject({ url: "/my", headers: { cookie } })).statusCode).toBe(200);

    const reused = await t.app.inject({ url: path });
    expect(reused.statusCode).toBe(404);
    expect(reused.body).toContain("expired or has already been used");

    await ask("bea@example.org");
    const older = await linkMailedTo(t, "bea@example.org", "/sign-in/link");
    await ask("bea@example.org");
    const newer = await linkMailedTo(t, "bea@example.org", "/sign-in/link");
    // Anyone may ask, so a new request leaves the older link working; signing in with one ends the other.
    expect((await t.app.inject({ url: older })).statusCode).toBe(200);
    expect((await submitForm(t.app, { page: newer, fields: {} })).statusCode).toBe(303);
    expect((await t.app.inject({ url: older })).statusCode).toBe(404);

    await ask("bea@example.org");
    const late = await linkMailedTo(t, "bea@example.org", "/sign-in/link");
    await t.handle.db.update(clientSignInLinks).set({ expiresAt: sql`now() - interval '1 second'` });
    expect((await t.app.inject({ url: late })).statusCode).toBe(404);
    const [client] = await t.handle.db.select().from(clients).where(eq(clients.status, "active")).limit(1);
    const signIns = await t.handle.db.select().from(auditLog).where(eq(auditLog.action, "client.sign-in"));
    expect(signIns.map((e) => e.subject)).toContain(`client:${client?.id}`);
  });

  it("sends a shared inbox at most a few links an hour, answering the same throughout", async () => {
    const before = (await deliveredMail(t)).filter((m) => m.to.includes("cal@example.org")).length;
    const answers = new Set<string>();
    const asker = freshAddress();
    for (let i = 0; i < 8; i++) answers.add((await ask("cal@example.org", asker)).body);
    const after = (await deliveredMail(t)).filter((m) => m.to.includes("cal@example.org")).length;
    expect(after - before).toBe(linksPerRequesterPerHour);
    expect(answers.size).toBe(1);
  });

  it("refuses a made-up link without asking much", async () => {
    expect((await t.app.inject({ url: "/sign-in/link/short" })).statusCode).toBe(404);
    expect((await t.app.inject({ url: `/sign-in/link/${"a".repeat(43)}` })).statusCode).toBe(404);
  });
});

// Last in the file: it changes a consent document, which every later sign-in would then be asked to accept.
describe("a consent wording changed during an invitation", () => {
  it("records only the wording read: one changed while the page was open is shown again, and nothing is used up", async () => {
    await invite({ kind: "individual", firstName: "Fay Fir", firstEmail: "fay@example.org" });
    const path = await linkMailedTo(t, "fay@example.org", "/welcome");
    const shown = (await t.app.inject({ url: path })).body;
    const edited = await submitForm(t.app, {
      page: "/practice/settings/consent/not-monitored",
      cookie: therapistCookie,
      fields: {
        version: String(await storedSettingsVersion(t.handle.db)),
        text: "# Not monitored\n\nNobody reads this **as you write**.\n",
        intent: "save",
      },
    });
    expect(edited.statusCode).toBe(303);
    const fields = { accept: ["not-monitored", "limits-of-confidentiality"], adult: "yes" };
    const late = await accept(path, fields, shown);
    expect(late.statusCode).toBe(400);
    expect(late.body).toContain(consentMessages.changedWhileReading);
    expect(late.body).toContain("<strong>as you write</strong>");
    expect((await accept(path, fields)).statusCode).toBe(303);
  });
});
