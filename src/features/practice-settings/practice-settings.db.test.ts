import { eq } from "drizzle-orm";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formTokenIn, submitForm } from "../../../test/support/forms.ts";
import { addTherapist, signInTherapist, type TestTherapist } from "../../../test/support/people.ts";
import { createTestApp, type TestApp } from "../../../test/support/test-app.ts";
import { auditLog } from "../../platform/audit/audit.schema.ts";
import { loadStartupFiles } from "../../startup/load-startup-files.ts";
import { prepareApp } from "../../startup/prepare-app.ts";
import { settingsMessages as m } from "./messages.ts";
import { storedSettingsVersion } from "./settings-store.ts";

let t: TestApp;
let owner: TestTherapist;
let ownerCookie: string;
let otherCookie: string;

beforeAll(async () => {
  t = await createTestApp();
  owner = await addTherapist(t, "Otto Oak", "otto@example.org");
  ownerCookie = await signInTherapist(t, owner);
  otherCookie = await signInTherapist(t, await addTherapist(t, "Tess Teak", "tess@example.org"));
});
afterAll(() => t.close());

const get = (url: string, cookie?: string) => t.app.inject({ url, headers: cookie ? { cookie } : {} });
const version = () => storedSettingsVersion(t.handle.db);
/** Posts a settings form as the owner's browser would, with the version its page carried. */
const post = async (page: string, fields: Record<string, string>, action?: string) =>
  submitForm(t.app, {
    page,
    cookie: ownerCookie,
    fields: { version: String(await version()), ...fields },
    ...(action ? { action } : {}),
  });
const samaritans = "/practice/settings/help-lines/GB.crisis.0";
const lineFields = {
  country: "GB",
  kind: "crisis",
  name: "Samaritans",
  number: "116 123",
  note: "Free, day or night",
  verifiedOn: "2026-12-01",
};

describe("the practice's settings in the browser", () => {
  it("shows a changed help line on help-now at once, and audits the save", async () => {
    expect((await get("/help-now")).body).toContain("116 123");
    const saved = await post(samaritans, {
      ...lineFields,
      name: "Samaritans (test line)",
      number: "116 000",
    });
    expect(saved.statusCode).toBe(303);
    expect(saved.headers.location).toBe("/practice/settings?notice=lineSaved#help-lines");
    const helpNow = (await get("/help-now")).body;
    expect(helpNow).toContain("Samaritans (test line)");
    expect(helpNow).toContain("116 000");
    expect(helpNow).not.toContain("116 123");
    const audits = await t.handle.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, "practice.settings.saved"));
    expect(audits.at(-1)).toMatchObject({ actor: `therapist:${owner.id}` });
    expect(audits.at(-1)?.detail).toMatchObject({ part: "help-line.change" });
  });

  it("adds a country's lines and removes one, each shown on help-now", async () => {
    const nz = {
      ...lineFields,
      country: "nz",
      kind: "emergency",
      name: "Emergency services",
      number: "111",
      note: "",
    };
    const first = await post("/practice/settings/help-lines/new", { ...nz, kind: "crisis" });
    expect(first.statusCode).toBe(400);
    expect(first.body).toContain(m.emergencyFirst);
    const added = await post("/practice/settings/help-lines/new", nz);
    expect(added.statusCode).toBe(303);
    expect((await get("/help-now?country=NZ")).body).toContain("New Zealand");
    const removed = await post(
      "/practice/settings/help-lines/NZ.emergency.0",
      {},
      "/practice/settings/help-lines/NZ.emergency.0/remove",
    );
    expect(removed.statusCode).toBe(303);
    expect((await get("/practice/settings", ownerCookie)).body).not.toContain("New Zealand");
  });

  it("refuses a wrong number and country code beside each field, keeps what was typed, stores nothing", async () => {
    const before = await version();
    const response = await post(samaritans, {
      ...lineFields,
      country: "XQ",
      number: "call us!",
      verifiedOn: "30/02/2026",
    });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain(m.countryCode);
    expect(response.body).toContain(m.phoneNumber.replace("'", "&#39;"));
    expect(response.body).toContain("February 2026 has no day 30. Please check the date.");
    expect(response.body).toContain('value="30/02/2026"');
    expect(response.body).toContain('value="call us!"');
    expect(response.body).toContain('value="XQ"');
    expect(await version()).toBe(before);
  });

  it("refuses bad details beside each field and keeps the practice's own country's lines", async () => {
    const before = await version();
    const details = {
      name: "Haven demo practice",
      country: "GB",
      timeZone: "Mars/Olympus",
      email: "hello@",
      phone: "ring me",
      quickExitUrl: "http://example.org",
      recordRetentionYears: "seven",
    };
    const bad = await post("/practice/settings", details);
    expect(bad.statusCode).toBe(400);
    for (const message of [m.timeZoneUnknown, m.emailAddress, m.quickExit, m.retentionYears])
      expect(bad.body).toContain(message.replace("'", "&#39;"));
    expect(bad.body).toContain('value="ring me"');
    const noLines = await post("/practice/settings", {
      ...details,
      country: "FR",
      timeZone: "Europe/Paris",
      email: "hello@example.org",
      phone: "",
      quickExitUrl: "https://www.bbc.co.uk/weather",
      recordRetentionYears: "7",
    });
    expect(noLines.statusCode).toBe(400);
    expect(noLines.body).toContain(m.noHelpLinesForCountry("FR"));
    expect(await version()).toBe(before);
  });

  it("saves the practice's name, shown on every page at once", async () => {
    const saved = await post("/practice/settings", {
      name: "Quiet Harbour Therapy",
      country: "GB",
      timeZone: "Europe/London",
      email: "hello@example.org",
      phone: "020 7946 0000",
      quickExitUrl: "https://www.bbc.co.uk/weather",
      recordRetentionYears: "8",
    });
    expect(saved.statusCode).toBe(303);
    expect((await get("/help-now")).body).toContain("Quiet Harbour Therapy");
    expect(t.app.practiceSettings.current.recordRetentionYears).toBe(8);
  });

  it("does not overwrite a save made meanwhile", async () => {
    const page = await get(samaritans, ownerCookie);
    const token = formTokenIn(page.body);
    const stale = String(((await version()) as number) - 1);
    const response = await t.app.inject({
      method: "POST",
      url: samaritans,
      headers: { cookie: ownerCookie, "sec-fetch-site": "same-origin" },
      payload: { _form: token, ...lineFields, version: stale },
    });
    expect(response.statusCode).toBe(409);
    expect(response.body).toContain(m.changedMeanwhile.replace("'", "&#39;").slice(0, 40));
  });

  it("flags on the practice home a help line not checked for 12 months", async () => {
    expect((await get("/practice", ownerCookie)).body).not.toContain(m.staleHeading);
    const saved = await post(samaritans, { ...lineFields, verifiedOn: "30/06/2024" }); // the practice's (en-GB) way
    expect(saved.statusCode).toBe(303);
    const home = (await get("/practice", ownerCookie)).body;
    expect(home).toContain(m.staleHeading);
    expect(home).toContain(`href="${samaritans}"`);
    const other = (await get("/practice", otherCookie)).body;
    expect(other).toContain(m.staleHeading);
    expect(other).not.toContain(`href="${samaritans}"`);
    await post(samaritans, lineFields);
    expect((await get("/practice", ownerCookie)).body).not.toContain(m.staleHeading);
  });

  it("is the owner's only: another therapist is told no such page exists", async () => {
    expect((await get("/practice/settings", otherCookie)).statusCode).toBe(404);
    expect((await get(samaritans, otherCookie)).statusCode).toBe(404);
    const post = await t.app.inject({
      method: "POST",
      url: "/practice/settings",
      headers: { cookie: otherCookie, "sec-fetch-site": "same-origin" },
      payload: { name: "Taken over" },
    });
    expect(post.statusCode).toBe(404);
    expect((await get("/practice/settings", ownerCookie)).statusCode).toBe(200);
  });

  it("reaches a second instance on the same database at its next check", async () => {
    const second = await prepareApp(t.handle, t.config, loadStartupFiles(t.config), {
      freshEmbedded: false,
      logger: pino({ level: "silent" }),
    });
    try {
      expect((await second.inject({ url: "/help-now" })).body).toContain("Quiet Harbour Therapy");
      const saved = await post(samaritans, { ...lineFields, number: "116 999" });
      expect(saved.statusCode).toBe(303);
      expect((await second.inject({ url: "/help-now" })).body).not.toContain("116 999");
      expect(await second.practiceSettings.refresh()).toBe(true);
      expect((await second.inject({ url: "/help-now" })).body).toContain("116 999");
      expect(await second.practiceSettings.refresh()).toBe(false);
    } finally {
      await second.close();
    }
  });
});
