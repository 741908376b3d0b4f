import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { measureAssignments } from "../../src/features/assessments/measures/measure-assignment.schema.ts";
import { workspaceEntries } from "../../src/features/workspace/entry.schema.ts";
import { freshAddress, submitForm } from "../support/forms.ts";
import {
  addClients,
  addTherapist,
  signInTherapist,
  type TestClient,
  type TestTherapist,
} from "../support/people.ts";
import { createTestApp, type TestApp } from "../support/test-app.ts";

// A sample of pages — public, therapist, client and errors — kept as files, so a change meant to move code
// and not behaviour (a refactor) shows any byte it changes. A deliberate change to a page updates its file
// with `npx vitest run --project db test/page-snapshots -u` and is read in review like any other diff.
// What differs from run to run is masked: form tokens, ids, hashed asset names and dates of today.

let t: TestApp;
let otto: TestTherapist;
let therapistCookie: string;
let bea: TestClient;
let dee: TestClient;

beforeAll(async () => {
  t = await createTestApp();
  otto = await addTherapist(t, "Otto Oak", "otto@example.org");
  const tess = await addTherapist(t, "Tess Teak", "tess@example.org");
  therapistCookie = await signInTherapist(t, tess);
  [bea] = (await addClients(t, tess.id, [
    { name: "Bea Birch", email: "bea@example.org" },
    { name: "Cal Cedar", email: "cal@example.org" },
  ])) as [TestClient];
  [dee] = (await addClients(t, tess.id, [{ name: "Dee Dogwood", email: "dee@example.org" }])) as [TestClient];
});
afterAll(() => t.close());

const uuid = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;

/** The parts of a page that change from run to run, masked; everything else must stay byte for byte. */
function masked(html: string): string {
  const today = new Date();
  // Today's day and month (a day either side, for a run across midnight), with no year or this year or one
  // of the next ten: "Asked on 7 December", and a record kept until the same day years ahead, "7 December
  // 2033". Past years are left alone: the articles' fixed dates are part of what is compared.
  const years = Array.from({ length: 11 }, (_, n) => today.getUTCFullYear() + n).join("|");
  const days = [-1, 0, 1].map((offset) => {
    const day = new Date(today.getTime() + offset * 86_400_000);
    const dayAndMonth = new Intl.DateTimeFormat("en-GB", {
      day: "numeric",
      month: "long",
      timeZone: "UTC",
    }).format(day);
    return new RegExp(`(?<!\\d)${dayAndMonth}(?: (?:${years})(?!\\d)|(?! \\d))`, "g");
  });
  let out = html
    .replace(/name="_form" value="[^"]+"/g, 'name="_form" value="…"')
    .replace(/name="submissionId" value="[^"]+"/g, 'name="submissionId" value="…"')
    .replace(uuid, "«id»")
    // The settings page's example date is this year's Christmas Eve.
    .replace(/For example \d{4}-12-24\./g, "For example «this year»-12-24.")
    .replace(/\/assets\/([\w-]+)\.[0-9a-f]{6,}\.(\w+)/g, "/assets/$1.«hash».$2");
  for (const day of days) out = out.replace(day, "«today»");
  return out;
}

const pages: { name: string; url: string; who?: "therapist" | "client" | "individual" }[] = [
  { name: "home", url: "/" },
  { name: "articles", url: "/articles" },
  { name: "help-now", url: "/help-now" },
  { name: "help-now-us", url: "/help-now?country=US" },
  { name: "privacy", url: "/privacy" },
  { name: "self-check", url: "/self-check" },
  { name: "book-kind", url: "/book" },
  { name: "sign-in", url: "/sign-in" },
  { name: "not-found", url: "/no-such-page" },
  { name: "practice-home", url: "/practice", who: "therapist" },
  { name: "practice-invite", url: "/practice/invite", who: "therapist" },
  { name: "practice-measures", url: "/practice/measures", who: "therapist" },
  { name: "practice-booking-settings", url: "/practice/booking", who: "therapist" },
  { name: "practice-consultations", url: "/practice/consultations", who: "therapist" },
  { name: "practice-calendars", url: "/practice/booking/calendars", who: "therapist" },
  { name: "book-manage-unusable", url: "/book/manage/not-a-token" },
  { name: "client-space", url: "/my", who: "client" },
  { name: "client-notes", url: "/my/entries", who: "client" },
  { name: "client-measures", url: "/my/measures", who: "client" },
  { name: "individual-notes", url: "/my/entries", who: "individual" },
  { name: "individual-path-empty", url: "/my/path", who: "individual" },
  { name: "client-not-found", url: "/my/entries/00000000-0000-4000-8000-000000000000", who: "client" },
];

describe("a sample of pages, byte for byte", () => {
  for (const page of pages) {
    it(`renders ${page.name} as before`, async () => {
      const cookie =
        page.who === "therapist"
          ? therapistCookie
          : page.who === "client"
            ? bea.cookie
            : page.who === "individual"
              ? dee.cookie
              : undefined;
      const response = await t.app.inject({ url: page.url, headers: cookie ? { cookie } : {} });
      expect(response.statusCode).toBeLessThan(500);
      await expect(`${response.statusCode}\n${masked(response.body)}`).toMatchFileSnapshot(
        `./__pages__/${page.name}.page.txt`,
      );
    });
  }
});

/** What else differs from run to run on pages reached after a step: times of day, short refs, sealed data. */
function maskedMore(html: string): string {
  return masked(html)
    .replace(/\d{1,2} [A-Z][a-z]{2} \d{4}, \d{2}:\d{2}(:\d{2})? [A-Z][A-Za-z+\d:]*/g, "«time»")
    .replace(/(dateTime|datetime)="[^"]+"/g, '$1="«time»"')
    .replace(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z/g, "«time»")
    .replace(/\(ref [0-9a-f]+\)/g, "(ref «ref»)")
    .replace(/name="summary" value="[^"]+"/g, 'name="summary" value="…"');
}

// Pages reached after a step: a note written, a questionnaire asked for, a self-check answered, the
// audit log. Eve is a client of a therapist of her own, so nothing above sees what she does here.
describe("pages reached after a step, byte for byte", () => {
  let ottoCookie: string;
  let umaCookie: string;
  let eve: TestClient;
  let entryId: string;
  let measureId: string;

  beforeAll(async () => {
    const uma = await addTherapist(t, "Uma Umber", "uma@example.org");
    umaCookie = await signInTherapist(t, uma);
    ottoCookie = await signInTherapist(t, otto);
    [eve] = (await addClients(t, uma.id, [{ name: "Eve Elm", email: "eve@example.org" }])) as [TestClient];
    const wrote = await submitForm(t.app, {
      page: "/my/entries",
      cookie: eve.cookie,
      fields: { body: "A quiet evening, and I said what I meant.", sharing: "nobody" },
    });
    expect(wrote.statusCode).toBe(303);
    entryId = (await t.handle.db.select().from(workspaceEntries))[0]?.id ?? "";
    const asked = await submitForm(t.app, {
      page: `/practice/clients/${eve.id}`,
      action: `/practice/clients/${eve.id}/measures`,
      cookie: umaCookie,
      fields: { instrument: "connection-check-in" },
    });
    expect(asked.statusCode).toBe(303);
    measureId = (await t.handle.db.select().from(measureAssignments))[0]?.id ?? "";
  });

  const get = (url: string, cookie: () => string) => () =>
    t.app.inject({ url, headers: { cookie: cookie() } });
  const selfCheck = (fields: Record<string, string>) => () =>
    t.app.inject({
      method: "POST",
      url: "/self-check",
      remoteAddress: freshAddress(),
      headers: { "content-type": "application/x-www-form-urlencoded" },
      payload: new URLSearchParams(fields).toString(),
    });
  /** A form posted with a token that is not genuine: each route's own answer to an old form. */
  const oldForm = (action: string, cookie: () => string, fields: Record<string, string>) => () =>
    t.app.inject({
      method: "POST",
      url: action,
      remoteAddress: freshAddress(),
      headers: { cookie: cookie(), "sec-fetch-site": "same-origin" },
      payload: { _form: "not-a-token", ...fields },
    });

  const cases: { name: string; request: () => Promise<{ statusCode: number; body: string }> }[] = [
    { name: "client-entry", request: () => get(`/my/entries/${entryId}`, () => eve.cookie)() },
    { name: "client-entries-written", request: get("/my/entries", () => eve.cookie) },
    { name: "client-measures-waiting", request: get("/my/measures", () => eve.cookie) },
    { name: "client-measure", request: () => get(`/my/measures/${measureId}`, () => eve.cookie)() },
    { name: "client-erase", request: get("/my/erase", () => eve.cookie) },
    { name: "client-data", request: get("/my/data", () => eve.cookie) },
    { name: "client-record", request: () => get(`/practice/clients/${eve.id}`, () => umaCookie)() },
    { name: "audit-log-reads", request: get("/practice/audit?action=client.record-read", () => ottoCookie) },
    {
      name: "audit-log-bad-filter",
      request: get("/practice/audit?action=client.record-read&from=soon&actor=robot", () => ottoCookie),
    },
    { name: "practice-therapists", request: get("/practice/therapists", () => ottoCookie) },
    { name: "sign-ins", request: get("/account/sign-ins", () => ottoCookie) },
    { name: "password-reset", request: get("/password-reset", () => "") },
    {
      name: "self-check-step",
      request: selfCheck({ moment: "absence", when: "year", go: "now" }),
    },
    {
      name: "self-check-result-couple",
      request: selfCheck({
        moment: "absence",
        pattern: "pursue-withdraw",
        part: "hurt",
        together: "yes",
        go: "result",
        "safety-afraid": "no",
      }),
    },
    {
      name: "self-check-result-safety",
      request: selfCheck({ part: "hurt", together: "yes", "safety-afraid": "yes", go: "result" }),
    },
    {
      name: "self-check-result-crisis",
      request: selfCheck({ "safety-suicide": "yes", "safety-usedAbuse": "yes", go: "result" }),
    },
    {
      name: "client-erase-old-form",
      request: oldForm("/my/erase", () => eve.cookie, { confirm: "yes" }),
    },
    {
      name: "password-reset-old-form",
      request: oldForm("/password-reset", () => "", { email: "otto@example.org" }),
    },
    {
      name: "practice-therapists-old-form",
      request: oldForm("/practice/demo/remove", () => ottoCookie, {}),
    },
    // The individual path: the therapist's page, then a piece opened for Eve, as she sees it.
    { name: "client-path-record", request: () => get(`/practice/clients/${eve.id}/path`, () => umaCookie)() },
    {
      name: "client-path-piece",
      request: async () => {
        const page = `/practice/clients/${eve.id}/path`;
        const fields = { open: "yes" };
        await submitForm(t.app, { page, action: `${page}/earlier-hurts`, cookie: umaCookie, fields });
        return get("/my/path/earlier-hurts", () => eve.cookie)();
      },
    },
    { name: "client-path", request: get("/my/path", () => eve.cookie) },
  ];
  for (const { name, request } of cases) {
    it(`renders ${name} as before`, async () => {
      const response = await request();
      expect(response.statusCode).toBeLessThan(500);
      await expect(`${response.statusCode}\n${maskedMore(response.body)}`).toMatchFileSnapshot(
        `./__pages__/${name}.page.txt`,
      );
    });
  }
});
