import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addClients, addTherapist, signInTherapist, type TestClient } from "../support/people.ts";
import { createTestApp, type TestApp } from "../support/test-app.ts";

// A sample of pages — public, therapist, client and errors — kept as files, so a change meant to move code
// and not behaviour (a refactor) shows any byte it changes. A deliberate change to a page updates its file
// with `npx vitest run --project db test/page-snapshots -u` and is read in review like any other diff.
// What differs from run to run is masked: form tokens, ids, hashed asset names and dates of today.

let t: TestApp;
let therapistCookie: string;
let bea: TestClient;
let dee: TestClient;

beforeAll(async () => {
  t = await createTestApp();
  await addTherapist(t, "Otto Oak", "otto@example.org");
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
  const days = [-1, 0, 1].map((offset) => {
    const day = new Date(today.getTime() + offset * 86_400_000);
    return new Intl.DateTimeFormat("en-GB", {
      day: "numeric",
      month: "long",
      year: "numeric",
      timeZone: "UTC",
    }).format(day);
  });
  let out = html
    .replace(/name="_form" value="[^"]+"/g, 'name="_form" value="…"')
    .replace(/name="submissionId" value="[^"]+"/g, 'name="submissionId" value="…"')
    .replace(uuid, "«id»")
    // The settings page's example date is this year's Christmas Eve.
    .replace(/For example \d{4}-12-24\./g, "For example «this year»-12-24.")
    .replace(/\/assets\/([\w-]+)\.[0-9a-f]{6,}\.(\w+)/g, "/assets/$1.«hash».$2");
  for (const day of days) out = out.replaceAll(day, "«today»");
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
