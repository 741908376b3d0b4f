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
import { createTestApp, type TestApp } from "../../../test/support/test-app.ts";
import { auditLog } from "../../platform/audit/audit.schema.ts";
import { therapistNotifications } from "../notifications/notification.schema.ts";
import { safetyMessages } from "../safety/messages.ts";
import { cycleHalves } from "./cycle.schema.ts";
import { cycleMessages as m, cycleTherapistMessages as tm } from "./messages.ts";

// The cycle map (issue 13, item 1): each side private until shared; the loop only when both are, the
// same picture for both partners and the therapist; no control offered; nothing to detect.
let t: TestApp;
let tessCookie: string;
let umaCookie: string;
let ada: TestClient;
let ben: TestClient;
let cy: TestClient;

const get = (url: string, cookie: string) => t.app.inject({ url, headers: { cookie } });
/** A page with its per-request parts (form tokens) masked, so two renderings can be compared. */
const stable = (html: string) => html.replace(/name="_form" value="[^"]+"/g, "");
const svgOf = (html: string) => /<svg class="loop__drawing"[\s\S]*?<\/svg>/.exec(html)?.[0];
const cyclePage = () => `/practice/clients/${ada.id}/cycle`;
/** Posts a form of the page as a browser would, with ticked boxes as lists. */
async function post(client: TestClient, action: string, fields: Record<string, string | string[]>) {
  const page = await get("/my/cycle", client.cookie);
  return t.app.inject({
    method: "POST",
    url: action,
    remoteAddress: freshAddress(),
    headers: { cookie: client.cookie, "sec-fetch-site": "same-origin" },
    payload: { _form: formTokenIn(page.body, action), ...fields },
  });
}
const adaSide = {
  moves: ["go-quiet", "leave-room"],
  movesOwn: "I freeze and look for the door",
  outside: "Cold, like I do not care.",
  surface: ["numb"],
  underneath: ["afraid", "not-good-enough"],
  longing: ["accepted"],
};
const benSide = {
  moves: ["push-to-talk", "raise-voice"],
  surface: ["frustrated"],
  underneath: ["lonely"],
  underneathOwn: "like I am shouting into a well",
  longing: ["to-matter"],
};
const share = (client: TestClient, yes: boolean) =>
  post(client, "/my/cycle/sharing", { share: yes ? "yes" : "no" });

beforeAll(async () => {
  t = await createTestApp();
  const tess = await addTherapist(t, "Tess Teak", "tess@example.org");
  const uma = await addTherapist(t, "Uma Umber", "uma@example.org");
  [ada, ben] = (await addClients(t, tess.id, [
    { name: "Ada Ash", email: "ada@example.org" },
    { name: "Ben Beech", email: "ben@example.org" },
  ])) as [TestClient, TestClient];
  [cy] = (await addClients(t, tess.id, [{ name: "Cy Cedar", email: "cy@example.org" }])) as [TestClient];
  tessCookie = await signInTherapist(t, tess);
  umaCookie = await signInTherapist(t, uma);
});
afterAll(() => t.close());

describe("before the therapist opens joint work", () => {
  it("shows both partners the same closed sentence and no form", async () => {
    const adaPage = stable((await get("/my/cycle", ada.cookie)).body);
    expect(adaPage).toContain(safetyMessages.jointWorkClosed);
    expect(adaPage).toBe(stable((await get("/my/cycle", ben.cookie)).body));
    expect(adaPage).not.toContain('action="/my/cycle"');
  });

  it("has no cycle map for a client seen alone, nor for another therapist", async () => {
    expect((await get("/my/cycle", cy.cookie)).statusCode).toBe(404);
    expect((await get(cyclePage(), umaCookie)).statusCode).toBe(404);
    expect((await get(`/practice/clients/${cy.id}/cycle`, tessCookie)).statusCode).toBe(404);
  });
});

describe("once joint work is open", () => {
  let benBefore: string;
  beforeAll(async () => {
    await openJointWork(t, tessCookie, [ada, ben]);
    benBefore = stable((await get("/my/cycle", ben.cookie)).body);
  });

  it("keeps Ada's side private and encrypted: Ben's page and the therapist's view do not change", async () => {
    const saved = await post(ada, "/my/cycle", adaSide);
    expect(saved.statusCode).toBe(303);
    const [row] = await t.handle.db.select().from(cycleHalves);
    expect(row?.halfEncrypted).not.toContain("freeze");
    expect(row?.sharedAt).toBeNull();
    const again = (await get("/my/cycle", ada.cookie)).body;
    expect(again).toContain("I freeze and look for the door");
    expect(again).toMatch(/value="go-quiet" checked/);
    expect(stable((await get("/my/cycle", ben.cookie)).body)).toBe(benBefore);
    const view = (await get(cyclePage(), tessCookie)).body;
    expect(view).not.toContain("look for the door");
    expect(view).toContain(tm.notShared);
  });

  it("shows a shared side to the therapist at once, and to Ben not until he has shared his own", async () => {
    expect((await share(ada, true)).statusCode).toBe(303);
    expect((await get(cyclePage(), tessCookie)).body).toContain("I freeze and look for the door");
    expect(stable((await get("/my/cycle", ben.cookie)).body)).toBe(benBefore);
  });

  it("draws the same loop for both partners and the therapist once both have shared", async () => {
    expect((await post(ben, "/my/cycle", benSide)).statusCode).toBe(303);
    expect((await share(ben, true)).statusCode).toBe(303);
    const pages = await Promise.all([
      get("/my/cycle", ada.cookie),
      get("/my/cycle", ben.cookie),
      get(cyclePage(), tessCookie),
    ]);
    const drawings = pages.map((page) => svgOf(page.body));
    expect(drawings[0]).toBeDefined();
    expect(new Set(drawings).size).toBe(1);
    const text = pages[1]?.body ?? "";
    expect(text).toContain("Ada goes quiet and leaves the room");
    expect(text).toContain("Ben feels frustrated");
    expect(text).toContain("like I am shouting into a well");
    expect(text).toContain("Ben pushes to talk it through and raises their voice");
    expect(text).toContain(
      "Ada feels numb; underneath, afraid and not good enough; Ada longs to be accepted.",
    );
    // Moves, not labels: no page names a kind of person.
    for (const page of pages) expect(page.body).not.toMatch(/pursuer|withdrawer|anxious|avoidant/i);
  });

  it("lets the therapist name the cycle, audited, shown to both above the loop", async () => {
    const named = await submitForm(t.app, {
      page: cyclePage(),
      action: `${cyclePage()}/name`,
      cookie: tessCookie,
      fields: { name: "The chase and the freeze" },
    });
    expect(named.statusCode).toBe(303);
    for (const client of [ada, ben])
      expect((await get("/my/cycle", client.cookie)).body).toContain(m.loopNamed("The chase and the freeze"));
    const actions = (await t.handle.db.select().from(auditLog)).map((row) => row.action);
    expect(actions).toContain("cycle.named");
    expect(actions).toContain("cycle.read");
    expect(JSON.stringify(await t.handle.db.select().from(auditLog))).not.toContain("chase");
  });

  it("takes the loop away from Ben at once when Ada takes her side back", async () => {
    expect((await share(ada, false)).statusCode).toBe(303);
    const benPage = (await get("/my/cycle", ben.cookie)).body;
    expect(benPage).not.toContain("look for the door");
    expect(svgOf(benPage)).toBeUndefined();
    expect(benPage).toContain(m.loopWhen);
    expect((await get(cyclePage(), tessCookie)).body).not.toContain("I freeze");
  });

  it("gives each partner only their own side in their export", async () => {
    const adaExport = (await get("/my/data.json", ada.cookie)).body;
    expect(adaExport).toContain("I freeze and look for the door");
    expect(adaExport).not.toContain("shouting into a well");
    expect((await get("/my/data.json", ben.cookie)).body).not.toContain("look for the door");
  });

  it("shows the field's message, keeps what was typed and saves nothing for bad input", async () => {
    const before = await t.handle.db.select().from(cycleHalves);
    const tooLong = await post(ada, "/my/cycle", {
      ...adaSide,
      movesOwn: "x".repeat(201),
      outside: "Still here",
    });
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.body).toContain(m.ownTooLong(200));
    expect(tooLong.body).toContain("Still here");
    const nothing = await post(ada, "/my/cycle", { moves: ["not-a-choice"], movesOwn: "  " });
    expect(nothing.statusCode).toBe(400);
    expect(nothing.body).toContain(m.nothingChosen);
    expect(await t.handle.db.select().from(cycleHalves)).toEqual(before);
  });

  it("meets words about control with help and a content-free alert, and never offers control as a choice", async () => {
    const labels = [...(await get("/my/cycle", ben.cookie)).body.matchAll(/<label[^>]*>([^<]*)</g)].map(
      (l) => l[1],
    );
    expect(labels.length).toBeGreaterThan(30);
    for (const label of labels) expect(label).not.toMatch(/track|threat|punish|check|control/i);
    const response = await post(ben, "/my/cycle", {
      ...benSide,
      movesOwn: "I check her phone when she is out",
    });
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain(safetyMessages.crisisControl);
    const alerts = await t.handle.db
      .select()
      .from(therapistNotifications)
      .where(eq(therapistNotifications.clientId, ben.id));
    expect(alerts.map((a) => a.kind)).toContain("control-words");
    expect(JSON.stringify(alerts)).not.toContain("phone");
  });

  it("saves nothing when joint work closed while a partner was writing, and shows their words back", async () => {
    const open = (await get("/my/cycle", ada.cookie)).body;
    const closed = await submitForm(t.app, {
      page: `/practice/clients/${ada.id}`,
      action: `/practice/clients/${ada.id}/joint-work`,
      cookie: tessCookie,
      fields: { open: "no" },
    });
    expect(closed.statusCode).toBe(303);
    const before = await t.handle.db.select().from(cycleHalves);
    const late = await t.app.inject({
      method: "POST",
      url: "/my/cycle",
      remoteAddress: freshAddress(),
      headers: { cookie: ada.cookie, "sec-fetch-site": "same-origin" },
      payload: { _form: formTokenIn(open, "/my/cycle"), ...adaSide, movesOwn: "Words written as it closed" },
    });
    expect(late.statusCode).toBe(409);
    expect(late.body).toContain(safetyMessages.jointWorkClosed);
    expect(late.body).toContain("Words written as it closed");
    expect(await t.handle.db.select().from(cycleHalves)).toEqual(before);
    expect(stable((await get("/my/cycle", ben.cookie)).body)).toBe(
      stable((await get("/my/cycle", ada.cookie)).body),
    );
  });
});
