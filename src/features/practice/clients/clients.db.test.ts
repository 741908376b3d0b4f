import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { submitForm } from "../../../../test/support/forms.ts";
import {
  addClients,
  addTherapist,
  signInTherapist,
  type TestClient,
} from "../../../../test/support/people.ts";
import { createTestApp, type TestApp } from "../../../../test/support/test-app.ts";
import { auditLog } from "../../../platform/audit/audit.schema.ts";
import { clients } from "../../accounts/clients/client.schema.ts";

// Clients and couples (issue 14, item 2): the therapist's own list, a name searched by POST over the
// names decrypted in memory (record 056), filters in the address, every showing audited.

let t: TestApp;
let tessCookie: string;
let umaCookie: string;
let tessId: string;
let dee: TestClient;

beforeAll(async () => {
  t = await createTestApp();
  await addTherapist(t, "Otto Oak", "otto@example.org");
  const tess = await addTherapist(t, "Tess Teak", "tess@example.org");
  const uma = await addTherapist(t, "Uma Umber", "uma@example.org");
  tessId = tess.id;
  await addClients(t, tess.id, [
    { name: "Ana Alder", email: "ana@example.org" },
    { name: "Bo Birch", email: "bo@example.org" },
  ]);
  [dee] = (await addClients(t, tess.id, [{ name: "Dee Dogwood", email: "dee@example.org" }])) as [TestClient];
  await t.handle.db.update(clients).set({ status: "closed" }).where(eq(clients.id, dee.id));
  await addClients(t, uma.id, [{ name: "Ula Umber", email: "ula@example.org" }]);
  tessCookie = await signInTherapist(t, tess);
  umaCookie = await signInTherapist(t, uma);
});
afterAll(() => t.close());

const get = (url: string, cookie = tessCookie) => t.app.inject({ url, headers: { cookie } });
const search = (fields: Record<string, string>, cookie = tessCookie) =>
  submitForm(t.app, { page: "/practice/clients", cookie, fields });

describe("the list of clients and couples", () => {
  it("shows only the therapist's own, partners together, and filters by status and kind", async () => {
    const all = await get("/practice/clients");
    expect(all.statusCode).toBe(200);
    expect(all.headers["cache-control"]).toBe("no-store");
    expect(all.body).toContain("Ana Alder");
    expect(all.body).toContain("Dee Dogwood");
    expect(all.body).not.toContain("Ula Umber");
    expect(all.body).toContain("2 clients or couples.");
    const closed = (await get("/practice/clients?status=closed")).body;
    expect(closed).toContain("Dee Dogwood");
    expect(closed).not.toContain("Ana Alder");
    const couples = (await get("/practice/clients?kind=couples")).body;
    expect(couples).toContain("Bo Birch");
    expect(couples).not.toContain("Dee Dogwood");
    // A hand-edited filter is read as "any", never an error.
    const odd = await get("/practice/clients?status=%3Cscript%3E&kind=everyone");
    expect(odd.statusCode).toBe(200);
    expect(odd.body).toContain("Dee Dogwood");
  });

  it("finds a name sent by POST, keeps what was typed, and never puts it in an address", async () => {
    const found = await search({ name: "birch", status: "all", kind: "all" });
    expect(found.statusCode).toBe(200);
    expect(found.body).toContain("Ana Alder"); // her partner matched: the couple stays together
    expect(found.body).not.toContain("Dee Dogwood");
    expect(found.body).toContain('value="birch"');
    expect(found.body).not.toMatch(/href="[^"]*birch/i);
    const none = await search({ name: "Ula", status: "all", kind: "all" });
    expect(none.body).toContain("Nobody matches");
    expect(none.body).not.toContain("Ula Umber");
  });

  it("refuses an over-long name beside the field, keeping it, with no 5xx", async () => {
    const long = "x".repeat(101);
    const refused = await search({ name: long, status: "closed", kind: "nonsense" });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain("Please type at most 100 characters of a name.");
    expect(refused.body).toContain(`value="${long}"`);
    expect(refused.body).toContain('aria-invalid="true"');
    const expired = await t.app.inject({
      method: "POST",
      url: "/practice/clients",
      headers: { cookie: tessCookie, "sec-fetch-site": "same-origin" },
      payload: { _form: "old", name: "Ana" },
    });
    expect(expired.statusCode).toBe(403);
    expect(expired.body).toContain('value="Ana"');
  });

  it("audits every showing, with no names in the entry", async () => {
    const rows = await t.handle.db.select().from(auditLog).where(eq(auditLog.action, "clients.listed"));
    const tess = rows.filter((row) => row.actor === `therapist:${tessId}`);
    expect(tess.length).toBeGreaterThanOrEqual(7);
    expect(JSON.stringify(rows)).not.toMatch(/birch|Alder|Dogwood/i);
    expect((await get("/practice/clients", umaCookie)).body).toContain("Ula Umber");
  });
});
