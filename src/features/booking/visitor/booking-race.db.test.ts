import type { FastifyInstance } from "fastify";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formTokenIn, freshAddress } from "../../../../test/support/forms.ts";
import { createTestApp, type TestApp } from "../../../../test/support/test-app.ts";
import { testDatabaseLane } from "../../../../test/support/test-database-lane.ts";
import { openPostgres } from "../../../platform/db/open-postgres.ts";
import { loadStartupFiles } from "../../../startup/load-startup-files.ts";
import { prepareApp } from "../../../startup/prepare-app.ts";

// Fifty people press "Book" for the same time at the same moment, through the whole web stack:
// exactly one gets the booking, everyone else is told it was just taken, nobody sees an error page.
let t: TestApp;
const apps: FastifyInstance[] = [];
let closeSecond: (() => Promise<void>) | undefined;

beforeAll(async () => {
  t = await createTestApp();
  apps.push(t.app);
  if (testDatabaseLane() === "postgres") {
    // A second app instance on the same database, as two servers behind one address would be.
    const handle = await openPostgres(t.handle.connectionString as string, 5);
    const second = await prepareApp(handle, t.config, loadStartupFiles(t.config), {
      freshEmbedded: false,
      logger: pino({ level: "silent" }),
    });
    await second.ready();
    apps.push(second);
    closeSecond = async () => {
      await second.close();
      await handle.close();
    };
  }
});
afterAll(async () => {
  await closeSecond?.();
  await t.close();
});

async function firstOfferedDetails(): Promise<string> {
  for (let week = 0; week < 6; week++) {
    const page = await t.app.inject({ url: `/book?kind=individual&zone=Europe%2FLondon&week=${week}` });
    const href = /href="(\/book\/details\?[^"]+)"/.exec(page.body)?.[1];
    if (href) return href.replace(/&amp;/g, "&");
  }
  throw new Error("no times offered");
}

describe("fifty simultaneous bookings for one time (through two app instances on PostgreSQL)", () => {
  it("books exactly one, tells the other 49 it was just taken, and never fails with a 500", async () => {
    const details = await firstOfferedDetails();
    // Each person opens the form first (their own token and submission id), then all press at once.
    const forms = await Promise.all(
      Array.from({ length: 50 }, async (_, n) => {
        const app = apps[n % apps.length] as FastifyInstance;
        const page = await app.inject({ url: details });
        const hidden = (name: string) =>
          new RegExp(`name="${name}" value="([^"]+)"`).exec(page.body)?.[1] ?? "";
        return {
          app,
          payload: {
            _form: formTokenIn(page.body, "/book"),
            kind: hidden("kind"),
            zone: hidden("zone"),
            start: hidden("start"),
            submissionId: hidden("submissionId"),
            website: "",
            name: `Person ${n}`,
            email: `person${n}@example.org`,
            contactBy: "email",
            leaveMessage: "yes",
            meeting: "video",
            adult: "yes",
            privacy: "yes",
          },
        };
      }),
    );
    const responses = await Promise.all(
      forms.map(({ app, payload }) =>
        app.inject({
          method: "POST",
          url: "/book",
          remoteAddress: freshAddress(),
          headers: { "sec-fetch-site": "same-origin" },
          payload,
        }),
      ),
    );
    const statuses = responses.map((r) => r.statusCode);
    expect(statuses.filter((s) => s >= 500)).toEqual([]);
    expect(statuses.filter((s) => s === 303)).toHaveLength(1);
    const refused = responses.filter((r) => r.statusCode !== 303);
    expect(refused).toHaveLength(49);
    for (const r of refused) {
      expect(r.statusCode).toBe(409);
      expect(r.body).toContain("someone booked that time a moment ago");
    }
  });
});
