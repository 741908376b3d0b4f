import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formTokenIn, freshAddress } from "../../../../test/support/forms.ts";
import { addTherapist, type TestTherapist } from "../../../../test/support/people.ts";
import { createTestApp, type TestApp } from "../../../../test/support/test-app.ts";
import { bookings } from "../booking.schema.ts";
import { bookingSettings } from "../booking-settings.schema.ts";
import { weeklyHours } from "../weekly-hours.schema.ts";

// A practice of two: Ann sees people from 8 to 14, Ben from 12 to 20, every day, London time; the
// demo therapist is removed so the practice is exactly these two.
let t: TestApp;
let ann: TestTherapist;
let ben: TestTherapist;

async function giveHours(therapistId: string, from: number, to: number) {
  await t.handle.db.insert(weeklyHours).values(
    [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({
      therapistId,
      weekday,
      startMinute: from * 60,
      endMinute: to * 60,
    })),
  );
  await t.handle.db.insert(bookingSettings).values({ therapistId, minimumNoticeMinutes: 0, horizonDays: 14 });
}

const hrefs = (html: string, pattern: RegExp) =>
  [...html.matchAll(pattern)].map((m) => (m[1] as string).replace(/&amp;/g, "&"));
const page = (url: string) => t.app.inject({ url });
const startsOn = (html: string) =>
  hrefs(html, /href="(\/book\/details\?[^"]+)"/g).map((href) =>
    Number(new URLSearchParams(href.split("?")[1]).get("start")),
  );
const londonHour = (start: number) =>
  Number(
    new Intl.DateTimeFormat("en-GB", { hour: "2-digit", hourCycle: "h23", timeZone: "Europe/London" }).format(
      start,
    ),
  );

/** Opens the details page now; the returned function sends its form later, as a person would. */
async function openDetails(detailsHref: string) {
  const details = await page(detailsHref);
  const hidden = (name: string) => new RegExp(`name="${name}" value="([^"]+)"`).exec(details.body)?.[1] ?? "";
  return (email: string) =>
    t.app.inject({
      method: "POST",
      url: "/book",
      remoteAddress: freshAddress(),
      headers: { "sec-fetch-site": "same-origin" },
      payload: {
        _form: formTokenIn(details.body, "/book"),
        kind: hidden("kind"),
        zone: hidden("zone"),
        start: hidden("start"),
        with: hidden("with"),
        submissionId: hidden("submissionId"),
        website: "",
        name: "Bea Birch",
        email,
        phone: "",
        contactBy: "email",
        leaveMessage: "no",
        meeting: "video",
        note: "",
        adult: "yes",
        privacy: "yes",
      },
    });
}
const book = async (detailsHref: string, email: string) => (await openDetails(detailsHref))(email);

beforeAll(async () => {
  t = await createTestApp({ env: { HAVEN_DEMO: "0" } });
  ann = await addTherapist(t, "Ann Ash", "ann@example.org");
  ben = await addTherapist(t, "Ben Beech", "ben@example.org");
});
afterAll(() => t.close());

describe("booking in a group practice", () => {
  it("asks nothing of the visitor while one therapist takes bookings", async () => {
    await giveHours(ann.id, 8, 14);
    const times = await page("/book?kind=individual&zone=Europe%2FLondon");
    expect(times.statusCode).toBe(200);
    expect(times.body).not.toContain("Who would you like to see?");
  });

  it("offers first available (everyone's times together) or one therapist's own times", async () => {
    await giveHours(ben.id, 12, 20);
    const any = await page("/book?kind=individual&zone=Europe%2FLondon&week=1");
    expect(any.body).toContain("Who would you like to see?");
    expect(any.body).toContain('<strong aria-current="true">First available</strong>');
    const hoursAny = new Set(startsOn(any.body).map(londonHour));
    expect(Math.min(...hoursAny)).toBe(8);
    expect(Math.max(...hoursAny)).toBe(19);

    const benLink = hrefs(any.body, /href="(\/book\?[^"]*with=[^"]+)">Ben Beech</g)[0] as string;
    const benTimes = await page(`${benLink}&week=1`);
    expect(benTimes.body).toContain('<strong aria-current="true">Ben Beech</strong>');
    const hoursBen = new Set(startsOn(benTimes.body).map(londonHour));
    expect(Math.min(...hoursBen)).toBe(12);
    // The choice travels with every link: the week links and each time's details page.
    expect(benTimes.body).toContain(`with=${ben.id}`);
  });

  it("books a chosen therapist, and shares first-available bookings for the same time between the two", async () => {
    const benTimes = await page(`/book?kind=couple&zone=Europe%2FLondon&with=${ben.id}&week=1`);
    const benDetails = hrefs(benTimes.body, /href="(\/book\/details\?[^"]+)"/g)[0] as string;
    expect(benDetails).toContain(`with=${ben.id}`);
    const chosen = await book(benDetails, "cal@example.org");
    expect(chosen.statusCode).toBe(303);

    const any = await page("/book?kind=couple&zone=Europe%2FLondon&week=1");
    // A time both work (13:00 London, on the hour) that nobody has booked yet: not Ben's chosen time,
    // which can itself be a 13:00 when the test runs late in the morning.
    const chosenStart = new URLSearchParams(benDetails.split("?")[1]).get("start");
    const shared = hrefs(any.body, /href="(\/book\/details\?[^"]+)"/g).find((href) => {
      const start = Number(new URLSearchParams(href.split("?")[1]).get("start"));
      return (
        londonHour(start) === 13 && new Date(start).getUTCMinutes() === 0 && String(start) !== chosenStart
      );
    }) as string;
    expect(shared).toContain("with=any");
    // Three people open that time's page before any of them sends it.
    const [dee, eve, fay] = await Promise.all([
      openDetails(shared),
      openDetails(shared),
      openDetails(shared),
    ]);
    const first = await dee("dee@example.org");
    const second = await eve("eve@example.org");
    const third = await fay("fay@example.org");
    expect(first.statusCode).toBe(303);
    expect(second.statusCode).toBe(303);
    expect(third.statusCode).toBe(409);
    expect(third.body).toContain("someone booked that time a moment ago");
    const start = Number(new URLSearchParams(shared.split("?")[1]).get("start"));
    const atThatTime = await t.handle.db
      .select()
      .from(bookings)
      .where(eq(bookings.startsAt, new Date(start)));
    expect(new Set(atThatTime.map((b) => b.therapistId))).toEqual(new Set([ann.id, ben.id]));
  });

  it("never books someone else when the therapist chosen stops taking bookings: it says so and books nothing", async () => {
    const benTimes = await page(`/book?kind=individual&zone=Europe%2FLondon&with=${ben.id}&week=1`);
    const benDetails = hrefs(benTimes.body, /href="(\/book\/details\?[^"]+)"/g)[0] as string;
    const send = await openDetails(benDetails);
    await t.handle.db
      .update(bookingSettings)
      .set({ acceptsBookings: false })
      .where(eq(bookingSettings.therapistId, ben.id));
    const before = (await t.handle.db.select().from(bookings)).length;
    const refused = await send("gil@example.org");
    expect(refused.statusCode).toBe(409);
    expect(refused.body).toContain("The therapist you chose isn't taking bookings online just now.");
    expect((await t.handle.db.select().from(bookings)).length).toBe(before);
    // Their old links say the same, on the times and details pages.
    expect((await page(benDetails)).body).toContain("isn't taking bookings online just now");
    const times = await page(`/book?kind=individual&zone=Europe%2FLondon&with=${ben.id}`);
    expect(times.body).toContain("isn't taking bookings online just now");
    expect((await page("/book?kind=individual&zone=Europe%2FLondon&with=any")).body).not.toContain(
      "isn't taking bookings online",
    );
  });

  it("words the form as a request when a therapist who might take the time approves each booking first", async () => {
    await t.handle.db
      .update(bookingSettings)
      .set({ acceptsBookings: true })
      .where(eq(bookingSettings.therapistId, ben.id));
    await t.handle.db
      .update(bookingSettings)
      .set({ approvalRequired: true, minimumNoticeMinutes: 0 })
      .where(eq(bookingSettings.therapistId, ann.id));
    const any = await page("/book?kind=individual&zone=Europe%2FLondon&week=1");
    // On the hour exactly: a 13:30 start runs past Ann's 14:00 and is Ben's alone.
    const details = (hour: number) =>
      hrefs(any.body, /href="(\/book\/details\?[^"]+)"/g).find((href) => {
        const start = Number(new URLSearchParams(href.split("?")[1]).get("start"));
        return londonHour(start) === hour && new Date(start).getUTCMinutes() === 0;
      }) as string;
    // 09:00 is Ann's alone, 13:00 both of theirs, 18:00 Ben's alone.
    const wordsAt = async (hour: number) => (await page(details(hour))).body;
    const request = /Request this time/;
    expect(await wordsAt(9)).toMatch(request);
    expect(await wordsAt(13)).toMatch(request);
    expect(await wordsAt(18)).not.toMatch(request);
  });
});
