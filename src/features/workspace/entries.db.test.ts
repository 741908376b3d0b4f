import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dumpDatabase } from "../../../test/support/database-dump.ts";
import { formTokenIn, freshAddress, submitForm } from "../../../test/support/forms.ts";
import {
  addClients,
  addTherapist,
  openJointWork,
  signInTherapist,
  type TestClient,
} from "../../../test/support/people.ts";
import { createTestApp, type TestApp } from "../../../test/support/test-app.ts";
import { auditLog } from "../../platform/audit/audit.schema.ts";
import { workspaceEntries } from "./entry.schema.ts";

let t: TestApp;
let bea: TestClient;
let cal: TestClient;
let dee: TestClient;
let tessCookie: string;
let umaCookie: string;

beforeAll(async () => {
  t = await createTestApp();
  const owner = await addTherapist(t, "Otto Oak", "otto@example.org"); // the first therapist owns the practice
  const tess = await addTherapist(t, "Tess Teak", "tess@example.org");
  const uma = await addTherapist(t, "Uma Umber", "uma@example.org");
  [bea, cal] = (await addClients(t, tess.id, [
    { name: "Bea Birch", email: "bea@example.org" },
    { name: "Cal Cedar", email: "cal@example.org" },
  ])) as [TestClient, TestClient];
  [dee] = (await addClients(t, tess.id, [{ name: "Dee Dogwood", email: "dee@example.org" }])) as [TestClient];
  tessCookie = await signInTherapist(t, tess);
  umaCookie = await signInTherapist(t, uma);
  ownerCookie = await signInTherapist(t, owner);
  // Sharing with the partner is joint work: it waits for the therapist (DOMAIN.md §4).
  await openJointWork(t, tessCookie, [bea, cal]);
});
afterAll(() => t.close());
let ownerCookie: string;

const write = (client: TestClient, body: string, sharing: string) =>
  submitForm(t.app, { page: "/my/entries", cookie: client.cookie, fields: { body, sharing } });
const get = (url: string, cookie: string) => t.app.inject({ url, headers: { cookie } });
const idOf = async (body: string) => {
  const rows = await t.handle.db.select().from(workspaceEntries);
  for (const row of rows) {
    const page = await get(`/my/entries/${row.id}`, bea.cookie);
    if (page.body.includes(body)) return row.id;
  }
  throw new Error(`no entry holds ${body}`);
};
/** A page with its per-request parts (form tokens) blanked, so two renderings can be compared. */
const stable = (html: string) => html.replace(/name="_form" value="[^"]+"/g, "");

describe("notes between partners", () => {
  it("explains a bad note beside its field and keeps the words", async () => {
    const empty = await write(bea, "   ", "nobody");
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain("Please write something before saving.");
    const individual = await write(dee, "Something only for me", "partner");
    expect(individual.statusCode).toBe(400); // Dee is seen alone: there is no partner to share with
    expect(individual.body).toContain("Please choose who can read it.");
    expect(individual.body).toContain("Something only for me");
  });

  it("lets a partner see neither a private note nor whether one exists", async () => {
    const before = stable((await get("/my/entries", cal.cookie)).body);
    const response = await write(bea, "The night of the hospital, I waited by the phone", "nobody");
    expect(response.statusCode).toBe(303);
    const after = stable((await get("/my/entries", cal.cookie)).body);
    expect(after).toBe(before);
    expect((await get("/my/entries", bea.cookie)).body).toContain("I waited by the phone");
  });

  it("answers a partner's guessed or swapped id exactly as an id that does not exist", async () => {
    const id = await idOf("I waited by the phone");
    const theirs = await get(`/my/entries/${id}`, cal.cookie);
    const nobody = await get(`/my/entries/${randomUUID()}`, cal.cookie);
    expect(theirs.statusCode).toBe(404);
    expect(stable(theirs.body)).toBe(stable(nobody.body));
    // Cal's own genuine form token (from his own page), posted against Bea's note.
    const token = formTokenIn((await get("/my/entries", cal.cookie)).body, "/my/entries");
    for (const action of ["sharing", "delete"]) {
      const attempt = await t.app.inject({
        method: "POST",
        url: `/my/entries/${id}/${action}`,
        remoteAddress: freshAddress(),
        headers: { cookie: cal.cookie, "sec-fetch-site": "same-origin" },
        payload: { _form: token, sharing: "partner" },
      });
      expect(attempt.statusCode).toBe(404);
    }
    const [row] = await t.handle.db.select().from(workspaceEntries).where(eq(workspaceEntries.id, id));
    expect(row?.sharedWithPartnerAt).toBeNull();
  });

  it("shows a shared note to the partner, and a withdrawn share simply disappears", async () => {
    await write(bea, "I want us to try again", "partner");
    const id = await idOf("I want us to try again");
    expect((await get("/my/entries", cal.cookie)).body).toContain("I want us to try again");
    const withdrawn = await submitForm(t.app, {
      page: `/my/entries/${id}`,
      action: `/my/entries/${id}/sharing`,
      cookie: bea.cookie,
      fields: { sharing: "nobody" },
    });
    expect(withdrawn.headers.location).toBe(`/my/entries/${id}?notice=shared`);
    const calPage = (await get("/my/entries", cal.cookie)).body;
    expect(calPage).not.toContain("I want us to try again");
    expect(calPage).toContain("Nothing has been shared with you.");
  });

  it("keeps another client's eyes off everything", async () => {
    await write(bea, "Shared with Cal only", "partner");
    const deePage = (await get("/my/entries", dee.cookie)).body;
    expect(deePage).not.toContain("Shared with Cal only");
    expect(deePage).not.toContain("I waited by the phone");
  });
});

describe("the therapist's view", () => {
  it("shows a partner the policy on secrets again at their first share with the therapist only", async () => {
    const first = await write(bea, "Something I can only tell Tess", "therapist");
    expect(first.statusCode).toBe(200);
    expect(first.body).toContain("Secrets between partners".toLowerCase());
    expect(first.body).toContain("Something I can only tell Tess"); // the words are kept
    expect(first.body).toContain('name="reminderShown"');
    expect((await get(`/practice/clients/${bea.id}`, tessCookie)).body).not.toContain("only tell Tess");

    const unticked = await write(bea, "Something I can only tell Tess", "therapist");
    // Without the reminder's hidden field this is a first showing again, so still no error.
    expect(unticked.statusCode).toBe(200);
    const ticked = await submitForm(t.app, {
      page: "/my/entries",
      cookie: bea.cookie,
      fields: {
        body: "Something I can only tell Tess",
        sharing: "therapist",
        reminderShown: "yes",
        policySeen: "yes",
      },
    });
    expect(ticked.statusCode).toBe(303);
    expect((await get(`/practice/clients/${bea.id}`, tessCookie)).body).toContain("only tell Tess");
    expect((await write(bea, "A second thing for Tess", "therapist")).statusCode).toBe(303); // shown once

    const shownButLeft = await submitForm(t.app, {
      page: "/my/entries",
      cookie: cal.cookie,
      fields: { body: "Cal's first therapist-only note", sharing: "therapist", reminderShown: "yes" },
    });
    expect(shownButLeft.statusCode).toBe(400);
    expect(shownButLeft.body).toContain("Please tick the box to show you've read this");
    expect((await write(dee, "Dee is seen alone", "therapist")).statusCode).toBe(303); // no partner, no reminder

    // Changing an existing note's sharing to the therapist only shows the reminder the same way.
    await write(cal, "Cal keeps this to himself for now", "nobody");
    const [note] = await t.handle.db
      .select()
      .from(workspaceEntries)
      .where(eq(workspaceEntries.clientId, cal.id));
    const change = await submitForm(t.app, {
      page: `/my/entries/${note?.id}`,
      action: `/my/entries/${note?.id}/sharing`,
      cookie: cal.cookie,
      fields: { sharing: "therapist" },
    });
    expect(change.statusCode).toBe(200);
    expect(change.body).toContain('name="reminderShown"');
    const [unchanged] = await t.handle.db
      .select()
      .from(workspaceEntries)
      .where(eq(workspaceEntries.id, note?.id as string));
    expect(unchanged?.sharedWithTherapistAt).toBeNull();
  });

  it("shows the therapist of record only what was shared with them, and records each read", async () => {
    await write(bea, "For Tess: the anniversary is hard", "therapist");
    const page = await get(`/practice/clients/${bea.id}`, tessCookie);
    expect(page.statusCode).toBe(200);
    expect(page.headers["cache-control"]).toBe("no-store");
    expect(page.body).toContain("For Tess: the anniversary is hard");
    expect(page.body).not.toContain("I waited by the phone");
    expect(page.body).not.toContain("Shared with Cal only");
    const reads = await t.handle.db.select().from(auditLog).where(eq(auditLog.action, "client.record-read"));
    expect(reads.map((r) => r.subject)).toContain(`client:${bea.id}`);
  });

  it("shows another therapist, and the owner who is not the therapist of record, nothing at all", async () => {
    for (const cookie of [umaCookie, ownerCookie]) {
      const page = await get(`/practice/clients/${bea.id}`, cookie);
      expect(page.statusCode).toBe(404);
      expect(page.body).not.toContain("Bea");
    }
  });
});

describe("notes at rest, in exports and in erasure", () => {
  it("holds no plaintext of a note in a dump of the database", async () => {
    const dump = await dumpDatabase(t.handle);
    expect(dump.includes("I waited by the phone")).toBe(false);
    expect(dump.includes("the anniversary is hard")).toBe(false);
  });

  it("exports one's own notes and none of the partner's", async () => {
    await write(cal, "Cal's own words, shared with Bea", "partner");
    const file = await get("/my/data.json", bea.cookie);
    expect(file.body).toContain("I waited by the phone");
    expect(file.body).not.toContain("Cal's own words");
  });

  it("erases what was not shared with the therapist, keeps what was, and takes back shares with the partner", async () => {
    const done = await submitForm(t.app, {
      page: "/my/erase",
      cookie: bea.cookie,
      fields: { confirm: "yes" },
    });
    expect(done.statusCode).toBe(200);
    const left = await t.handle.db
      .select()
      .from(workspaceEntries)
      .where(eq(workspaceEntries.clientId, bea.id));
    expect(left).toHaveLength(3); // the three notes shared with Tess
    for (const entry of left) {
      expect(entry.sharedWithPartnerAt).toBeNull();
      expect(entry.sharedWithTherapistAt).not.toBeNull();
    }
    expect((await get("/my/entries", cal.cookie)).body).not.toContain("Shared with Cal only");
    // Cal's own words stay.
    expect((await get("/my/entries", cal.cookie)).body).toContain("Cal's own words");
  });
});
