import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  addClients,
  addTherapist,
  signInTherapist,
  type TestClient,
  type TestTherapist,
} from "../../../test/support/people.ts";
import { createTestApp, type TestApp } from "../../../test/support/test-app.ts";
import { auditLog } from "../../platform/audit/audit.schema.ts";
import { recordAudit } from "../../platform/audit/record-audit.ts";
import { queryAuditLog } from "./audit-log-query.ts";

let t: TestApp;
let olive: TestTherapist;
let bo: TestTherapist;
let oliveCookie: string;
let boCookie: string;
let cara: TestClient;
let dana: TestClient;

beforeAll(async () => {
  t = await createTestApp();
  // The demo therapist has no password, so Olive, the first who can sign in, owns the practice.
  olive = await addTherapist(t, "Olive Oak", "olive@example.org");
  bo = await addTherapist(t, "Bo Birch", "bo@example.org");
  oliveCookie = await signInTherapist(t, olive);
  boCookie = await signInTherapist(t, bo);
  [cara] = (await addClients(t, olive.id, [{ name: "Cara Cedar", email: "cara@example.org" }])) as [
    TestClient,
  ];
  [dana] = (await addClients(t, bo.id, [{ name: "Dana Dune", email: "dana@example.org" }])) as [TestClient];
  for (const client of [cara, dana]) {
    await recordAudit(t.handle.db, {
      actor: `client:${client.id}`,
      action: "client.exported",
      subject: `client:${client.id}`,
    });
  }
  await recordAudit(t.handle.db, {
    actor: "anonymous",
    action: "therapist.sign-in-failed",
    detail: { known: false },
  });
});
afterAll(() => t.close());

const view = (query = "", cookie = oliveCookie) =>
  t.app.inject({ url: `/practice/audit${query}`, headers: cookie ? { cookie } : {} });

/** Each body row's text, tags removed, so a test can say what a row is about. */
function rowsOf(body: string): string[] {
  const tbody = /<tbody>([\s\S]*?)<\/tbody>/.exec(body)?.[1] ?? "";
  return tbody
    .split("<tr")
    .slice(1)
    .map((row) => row.replace(/<[^>]+>/g, " ").replace(/\s+/g, " "));
}

const decode = (href: string) => href.replaceAll("&amp;", "&");

describe("the owner's audit log", () => {
  it("shows the owner what happened, privately, in their own zone", async () => {
    const response = await view();
    expect(response.statusCode).toBe(200);
    expect(response.headers["cache-control"]).toBe("no-store");
    expect(response.body).toContain("<caption");
    expect(response.body).toContain("Times are shown in Europe/London");
    expect(response.body).toMatch(/<th scope="col">When<\/th>/);
    expect(response.body).not.toMatch(/\sstyle=/);
    const rows = rowsOf(response.body);
    expect(rows.some((row) => row.includes("Olive Oak") && row.includes("Therapist signed in"))).toBe(true);
    expect(rows.some((row) => row.includes("Bo Birch") && row.includes("Therapist signed in"))).toBe(true);
    // Detail as key and value (the colon between them is drawn by the style sheet).
    expect(
      rows.some((row) => row.includes("Someone not signed in") && row.includes("Known address no")),
    ).toBe(true);
  });

  it("names the owner's own clients, and anyone else's only by their therapist and a reference", async () => {
    const response = await view("?action=client.exported");
    expect(response.body).toContain("Cara Cedar");
    expect(response.body).not.toContain("Dana Dune");
    expect(response.body).toContain(`A client of Bo Birch (ref ${dana.id.slice(0, 8)})`);
  });

  it("reads in words: what happened, what it was about and the details, never raw keys", async () => {
    const couple = "0a1b2c3d-0000-4000-8000-000000000001";
    await recordAudit(t.handle.db, {
      actor: "system",
      action: "consultations.glanced",
      subject: `couple:${couple}`,
      detail: { count: 0 },
    });
    const [row] = rowsOf((await view("?action=consultations.glanced")).body);
    expect(row).toContain("This week's consultations shown on the practice home");
    expect(row).toContain("A couple (ref 0a1b2c3d)");
    expect(row).toContain("How many 0");
    expect(row).not.toContain(couple);
    expect(row).not.toContain("consultations.glanced");
  });

  it("narrows by what happened and by who did it", async () => {
    const exported = rowsOf((await view("?action=client.exported")).body);
    expect(exported).toHaveLength(2);
    expect(exported.every((row) => row.includes("Client downloaded their data"))).toBe(true);

    const anonymous = rowsOf((await view("?actor=anonymous")).body);
    expect(anonymous.length).toBeGreaterThan(0);
    expect(anonymous.every((row) => row.includes("Someone not signed in"))).toBe(true);

    const byClients = rowsOf((await view("?actor=client")).body);
    expect(byClients).toHaveLength(2);

    const byTherapists = rowsOf((await view("?actor=therapist&action=therapist.sign-in")).body);
    expect(byTherapists).toHaveLength(2);

    // Accounts made by the test helper have the actor "test": neither a person nor anonymous.
    const other = rowsOf((await view("?actor=other&action=therapist.created")).body);
    expect(other.length).toBeGreaterThanOrEqual(2);
    expect(other.every((row) => row.includes(" test "))).toBe(true);
  });

  it("shows everything about one client, whatever case the reference is in", async () => {
    const response = await view(`?subject=CLIENT:${cara.id.toUpperCase()}`);
    const rows = rowsOf(response.body);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((row) => row.includes("Cara Cedar"))).toBe(true);
  });

  it("reads dates as the viewer's calendar days, in their zone (not the server's or UTC)", async () => {
    // 23:30 on 1 July in London (BST) and 00:30 on 2 July in London; the server runs in St John's.
    await t.handle.db.insert(auditLog).values([
      { at: new Date("2026-07-01T22:30:00Z"), actor: "system", action: "test.dated", detail: { n: 1 } },
      { at: new Date("2026-07-01T23:30:00Z"), actor: "system", action: "test.dated", detail: { n: 2 } },
    ]);
    // Typed the practice's (en-GB) way, day first; ISO dates, as older links have them, are read too.
    const second = rowsOf((await view("?action=test.dated&from=02/07/2026&to=2.7.2026")).body);
    expect(second).toHaveLength(1);
    expect(second[0]).toContain("2 Jul 2026, 00:30:00 BST");
    const first = rowsOf((await view("?action=test.dated&to=2026-07-01")).body);
    expect(first).toHaveLength(1);
    expect(first[0]).toContain("1 Jul 2026, 23:30:00 BST");
    expect(rowsOf((await view("?action=test.dated&from=2026-07-03")).body)).toHaveLength(0);
    expect((await view("?action=test.dated&from=2026-07-03")).body).toContain(
      "No entries match these filters.",
    );
  });

  it("leaves out a filter it cannot use, says why beside it, and keeps what was typed", async () => {
    const response = await view("?from=2026-02-30&to=soon&actor=robot&subject=client:nope&action=made.up");
    expect(response.statusCode).toBe(200);
    const body = response.body;
    expect(body).toContain('value="2026-02-30"');
    expect(body).toContain('value="soon"');
    expect(body).toContain('value="client:nope"');
    expect(body).toMatch(/id="field-from-error">That doesn.t look like a date/);
    expect(body).toMatch(/id="field-to-error">/);
    expect(body).toMatch(/id="field-actor-error">/);
    expect(body).toMatch(/id="field-subject-error">/);
    expect(body).toMatch(/id="field-action-error">/);
    expect(body).toContain('aria-describedby="field-from-hint field-from-error"');
    expect(body).toContain("Please write it like 24/12/2026.");
    // Every filter was left out, so every entry is shown.
    expect(rowsOf(body).length).toBeGreaterThan(5);

    for (const query of [
      "?from=0000-01-01",
      "?to=99999-01-01",
      "?from=2026-07-02&to=2026-07-01",
      "?before=x",
    ]) {
      const odd = await view(query);
      expect(odd.statusCode, query).toBe(200);
    }
    const backwards = await view("?from=2026-07-02&to=2026-07-01");
    expect(backwards.body).toMatch(/id="field-to-error">This is before the “From” date/);
  });

  it("pages through more than fifty entries, newest first, without losing or repeating one", async () => {
    // Sixty entries within a few microseconds, some at exactly the same moment: the order of rows
    // that share a time, and times finer than a millisecond, must both survive paging.
    await t.handle.db.insert(auditLog).values(
      Array.from({ length: 60 }, (_, n) => ({
        at: sql`timestamptz '2026-05-01 12:00:00+00' + ${n % 30} * interval '1 microsecond'`,
        actor: "system",
        action: "test.paged",
        detail: { n },
      })),
    );
    const seen: string[] = [];
    const first = await view("?action=test.paged");
    const firstRows = rowsOf(first.body);
    expect(firstRows).toHaveLength(50);
    const older = /href="([^"]+)">Older entries/.exec(first.body)?.[1];
    expect(older).toBeDefined();
    const second = await t.app.inject({ url: decode(older ?? ""), headers: { cookie: oliveCookie } });
    const secondRows = rowsOf(second.body);
    expect(secondRows).toHaveLength(10);
    expect(second.body).not.toContain("Older entries");
    expect(second.body).toContain("Back to the newest entries");
    for (const row of [...firstRows, ...secondRows]) seen.push(/ n (\d+) /.exec(row)?.[1] ?? "");
    expect(new Set(seen).size).toBe(60);

    // The query alone, in small pages: the same sixty, in order, newest first.
    const all = [];
    let after: Awaited<ReturnType<typeof queryAuditLog>>["next"];
    do {
      const page = await queryAuditLog(t.handle.db, { action: "test.paged" }, { after, size: 7 });
      all.push(...page.rows);
      after = page.next;
    } while (after);
    expect(all).toHaveLength(60);
    expect(new Set(all.map((r) => r.id)).size).toBe(60);
    const times = all.map((r) => r.at.getTime());
    expect(times).toEqual([...times].sort((a, b) => b - a));
  });

  it("records each look at the log, with the client looked into", async () => {
    const viewed = () =>
      t.handle.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.action, "audit-log.viewed"), eq(auditLog.actor, `therapist:${olive.id}`)));
    const before = (await viewed()).length;
    await view(`?subject=client:${cara.id}`);
    const after = await viewed();
    expect(after).toHaveLength(before + 1);
    expect(after.some((row) => row.subject === `client:${cara.id}`)).toBe(true);
  });
});

describe("who else may open the audit log", () => {
  it("tells another therapist the page does not exist", async () => {
    const response = await view("", boCookie);
    expect(response.statusCode).toBe(404);
    expect(response.body).not.toContain("Olive Oak");
  });

  it("sends a client and someone not signed in to the sign-in page", async () => {
    for (const cookie of [cara.cookie, ""]) {
      const response = await view("", cookie);
      expect(response.statusCode).toBe(303);
      expect(response.headers.location).toBe("/sign-in");
    }
  });
});
