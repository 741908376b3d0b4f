import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formTokenIn, freshAddress } from "../../../../test/support/forms.ts";
import { createTestApp, type TestApp } from "../../../../test/support/test-app.ts";

// The quick exit (DOMAIN.md §4) on /help-now and on every page of the visitor's booking flow, once
// each, with its help in a closed <details>; and deliberately not inside the embed's frame, where it
// could not leave the practice's page (booking-frame.tsx says why).

let t: TestApp;
let empty: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  empty = await createTestApp({ env: { HAVEN_DEMO: "0" } }); // nobody takes bookings
});
afterAll(async () => {
  await t?.close();
  await empty?.close();
});

const neutralSite = "https://www.bbc.co.uk/weather"; // the demo practice keeps the default
const get = async (app: TestApp, url: string) => {
  const response = await app.app.inject({ url });
  expect(response.statusCode, url).toBeLessThan(500);
  return response.body;
};

function expectQuickExit(html: string, where: string) {
  expect(html.match(/data-quick-exit=/g), where).toHaveLength(1);
  expect(html, where).toContain(`data-quick-exit="${neutralSite}"`);
  expect(html, where).toMatch(
    /class="button quick-exit__button" href="https:\/\/www\.bbc\.co\.uk\/weather"[^>]*>Exit this page<\/a>/,
  );
  // The help waits in a closed details element beside the button.
  expect(html, where).toMatch(
    /<details class="quick-exit__help"><summary>How it works<\/summary><p>Leaves at once/,
  );
}

/** The first time offered to a couple, as the times page links to it. */
async function detailsHref(): Promise<string> {
  for (let week = 0; week < 6; week++) {
    const times = await get(t, `/book?kind=couple&zone=Europe%2FLondon&week=${week}`);
    const href = /href="(\/book\/details\?[^"]+)"/.exec(times)?.[1]?.replace(/&amp;/g, "&");
    if (href) return href;
  }
  throw new Error("no times offered");
}

describe("the quick exit", () => {
  it("is on /help-now", async () => {
    expectQuickExit(await get(t, "/help-now"), "/help-now");
  });

  it("is on every page of the booking flow: kind, times, details, the manage page and moving the time", async () => {
    expectQuickExit(await get(t, "/book"), "/book");
    expectQuickExit(await get(t, "/book?kind=couple&zone=Europe%2FLondon"), "times");
    const href = await detailsHref();
    const details = await get(t, href);
    expectQuickExit(details, "details");

    // Booked: the confirmation is the manage page the visitor is sent to.
    const hidden = (name: string) => new RegExp(`name="${name}" value="([^"]+)"`).exec(details)?.[1] ?? "";
    const booked = await t.app.inject({
      method: "POST",
      url: "/book",
      remoteAddress: freshAddress(),
      headers: { "sec-fetch-site": "same-origin" },
      payload: {
        _form: formTokenIn(details, "/book"),
        kind: hidden("kind"),
        zone: hidden("zone"),
        start: hidden("start"),
        submissionId: hidden("submissionId"),
        website: "",
        name: "Bea Birch",
        email: "bea@example.org",
        phone: "",
        contactBy: "email",
        leaveMessage: "no",
        meeting: "video",
        note: "",
        adult: "yes",
        privacy: "yes",
      },
    });
    expect(booked.statusCode).toBe(303);
    const manage = String(booked.headers.location);
    expect(manage).toMatch(/^\/book\/manage\//);
    expectQuickExit(await get(t, manage), "manage");
    expectQuickExit(await get(t, `${manage}/reschedule`), "reschedule");
    // The step that confirms a move, from the first week that offers a time.
    let confirm: string | undefined;
    for (let week = 0; !confirm && week < 6; week++) {
      const times = await get(t, `${manage.replace(/\?.*$/, "")}/reschedule?week=${week}`);
      confirm = /href="([^"]*\/reschedule\/confirm\?[^"]*)"/.exec(times)?.[1];
    }
    expectQuickExit(await get(t, (confirm as string).replaceAll("&amp;", "&")), "reschedule confirm");

    // A details form sent back with a problem still carries it.
    const again = await get(t, await detailsHref());
    const field = (name: string) => new RegExp(`name="${name}" value="([^"]+)"`).exec(again)?.[1] ?? "";
    const refused = await t.app.inject({
      method: "POST",
      url: "/book",
      remoteAddress: freshAddress(),
      headers: { "sec-fetch-site": "same-origin" },
      payload: {
        _form: formTokenIn(again, "/book"),
        kind: field("kind"),
        zone: field("zone"),
        start: field("start"),
        submissionId: field("submissionId"),
        website: "",
        name: "Cal Cedar",
        email: "cal@",
        contactBy: "email",
        leaveMessage: "no",
        meeting: "video",
        adult: "yes",
        privacy: "yes",
      },
    });
    expect(refused.statusCode).toBe(400);
    expectQuickExit(refused.body, "details with a problem");
  });

  it("is on the pages that say a link or the booking cannot be used", async () => {
    expectQuickExit(await get(t, "/book/manage/not-a-real-token"), "unusable link");
    expectQuickExit(await get(empty, "/book?kind=individual"), "nobody takes bookings");
  });

  it("is left out of the embedded flow, which offers the full page in a new tab instead", async () => {
    for (const url of ["/embed/book", "/embed/book?kind=couple&zone=Europe%2FLondon"]) {
      const html = await get(t, url);
      expect(html, url).not.toContain("data-quick-exit");
      expect(html, url).toContain('target="_blank"');
    }
  });
});
