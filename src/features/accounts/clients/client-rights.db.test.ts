import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { submitForm } from "../../../../test/support/forms.ts";
import { addClients, addTherapist, type TestClient } from "../../../../test/support/people.ts";
import { createTestApp, type TestApp } from "../../../../test/support/test-app.ts";
import { auditLog } from "../../../platform/audit/audit.schema.ts";
import { sessions } from "../../../platform/security/sessions/session.schema.ts";
import { clients } from "./client.schema.ts";

let t: TestApp;
let bea: TestClient;
let cal: TestClient;

beforeAll(async () => {
  t = await createTestApp();
  const tess = await addTherapist(t, "Tess Teak", "tess@example.org");
  [bea, cal] = (await addClients(t, tess.id, [
    { name: "Bea Birch", email: "bea@example.org" },
    { name: "Cal Cedar", email: "cal@example.org" },
  ])) as [TestClient, TestClient];
});
afterAll(() => t.close());

describe("a client's own data", () => {
  it("shows the client everything held about them, and nothing of their partner's", async () => {
    const page = await t.app.inject({ url: "/my/data", headers: { cookie: bea.cookie } });
    expect(page.statusCode).toBe(200);
    expect(page.headers["cache-control"]).toBe("no-store");
    expect(page.body).toContain("Bea Birch");
    expect(page.body).toContain("bea@example.org");
    expect(page.body).not.toContain("Cal");
    expect(page.body).not.toContain("cal@example.org");

    const file = await t.app.inject({ url: "/my/data.json", headers: { cookie: bea.cookie } });
    expect(file.headers["content-disposition"]).toContain("attachment");
    const data = JSON.parse(file.body) as { sections: { table: string; rows: Record<string, unknown>[] }[] };
    const account = data.sections.find((s) => s.table === "clients");
    expect(account?.rows).toEqual([
      expect.objectContaining({ name: "Bea Birch", seenAsPartOfACouple: true }),
    ]);
    expect(file.body).not.toContain("Cal Cedar");
    expect(data.sections.find((s) => s.table === "sessions")?.rows).toHaveLength(1);

    // Seeing the page and downloading the file are two events, each named for what happened.
    const actions = (
      await t.handle.db
        .select()
        .from(auditLog)
        .where(eq(auditLog.subject, `client:${bea.id}`))
    )
      .map((entry) => entry.action)
      .filter((action) => action === "client.data-viewed" || action === "client.exported")
      .sort();
    expect(actions).toEqual(["client.data-viewed", "client.exported"]);
  });

  it("keeps the export to its owner: no one else reaches it", async () => {
    const anonymous = await t.app.inject({ url: "/my/data.json" });
    expect(anonymous.statusCode).toBe(303);
    expect(anonymous.headers.location).toBe("/sign-in");
  });

  it("erases what can go at once, closes the account, shows the retention date, and leaves the partner be", async () => {
    const unticked = await submitForm(t.app, { page: "/my/erase", cookie: bea.cookie, fields: {} });
    expect(unticked.statusCode).toBe(400);
    expect(unticked.body).toContain("Please tick the box to confirm.");

    const page = await t.app.inject({ url: "/my/erase", headers: { cookie: bea.cookie } });
    const year = new Date().getUTCFullYear() + 7;
    expect(page.body).toContain(`Kept until`);
    expect(page.body).toContain(String(year));

    const done = await submitForm(t.app, {
      page: "/my/erase",
      cookie: bea.cookie,
      fields: { confirm: "yes" },
    });
    expect(done.statusCode).toBe(200);
    expect(done.body).toContain("Your data has been erased");
    expect(done.body).toContain(String(year));

    const [row] = await t.handle.db.select().from(clients).where(eq(clients.id, bea.id));
    expect(row?.status).toBe("closed");
    // The audit entry says when, and until when; never how much was kept private.
    const [entry] = await t.handle.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, "client.erasure-requested"));
    expect(Object.keys(entry?.detail ?? {})).toEqual(["retainedUntil"]);
    expect(row?.retainedUntil?.getUTCFullYear()).toBe(year);
    expect(await t.handle.db.select().from(sessions).where(eq(sessions.accountId, bea.id))).toEqual([]);
    expect((await t.app.inject({ url: "/my", headers: { cookie: bea.cookie } })).statusCode).toBe(303);

    // Cal's account, sign-in and space are untouched.
    const [partner] = await t.handle.db.select().from(clients).where(eq(clients.id, cal.id));
    expect(partner?.status).toBe("active");
    expect((await t.app.inject({ url: "/my", headers: { cookie: cal.cookie } })).statusCode).toBe(200);
  });
});
