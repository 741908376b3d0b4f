import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openPostgres } from "../../src/platform/db/open-postgres.ts";
import { resultRows } from "../../src/platform/db/result-rows.ts";
import { bookingFormFields, detailsLinksIn } from "../support/booking-form.ts";
import { freshAddress } from "../support/forms.ts";
import { startTcpProxy, type TcpProxy } from "../support/tcp-proxy.ts";
import { createTestApp, type TestApp } from "../support/test-app.ts";
import { testDatabaseLane } from "../support/test-database-lane.ts";

// Visitors keep booking while the network to PostgreSQL black-holes, heals, resets and heals again.
// PGlite runs inside the process: it has no network to cut, so this runs on the PostgreSQL lane.

type Outcome = { submissionId: string; status: number; at: number };
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.skipIf(testDatabaseLane() !== "postgres")(
  "bookings while the network to PostgreSQL fails (PostgreSQL only)",
  () => {
    let app: TestApp;
    let proxy: TcpProxy;
    beforeAll(async () => {
      app = await createTestApp({
        reach: async (direct) => {
          const url = new URL(direct.connectionString as string);
          proxy = await startTcpProxy({ host: url.hostname, port: Number(url.port || 5432) });
          url.port = String(proxy.port);
          return openPostgres(url.toString(), {
            poolSize: 3,
            timeouts: { connectMs: 500, statementMs: 500 },
          });
        },
      });
    });
    afterAll(async () => {
      await app?.close();
      await proxy?.close();
    });

    it("answers only 303 or 503, loses no acknowledged booking, doubles none, and heals by itself", {
      timeout: 180_000,
    }, async () => {
      const queue: string[] = [];
      for (let week = 0; week < 8; week++) {
        const page = await app.app.inject({ url: `/book?kind=individual&zone=Europe%2FLondon&week=${week}` });
        queue.push(...detailsLinksIn(page.body));
      }
      expect(queue.length).toBeGreaterThan(20);
      const outcomes: Outcome[] = [];
      const statuses = new Set<number>();
      let running = true;
      let n = 0;
      const visitor = async () => {
        while (running && queue.length > 0) {
          const href = queue.shift() as string;
          const remoteAddress = freshAddress();
          const details = await app.app.inject({ url: href, remoteAddress });
          statuses.add(details.statusCode);
          if (details.statusCode !== 200) {
            queue.push(href); // the visitor comes back to the same time later
            await pause(50);
            continue;
          }
          n++;
          const fields = bookingFormFields(details.body, `Visitor ${n}`, `load${n}@example.org`);
          const posted = await app.app.inject({
            method: "POST",
            url: "/book",
            remoteAddress,
            headers: { "sec-fetch-site": "same-origin" },
            payload: fields,
          });
          statuses.add(posted.statusCode);
          outcomes.push({ submissionId: fields.submissionId, status: posted.statusCode, at: Date.now() });
        }
      };
      const visitors = Promise.all([visitor(), visitor(), visitor()]);
      await pause(300);
      proxy.blackHole();
      await pause(1500);
      proxy.heal();
      await pause(600);
      proxy.reset();
      await pause(1000);
      const healedAt = Date.now();
      proxy.heal();
      while (!outcomes.some((o) => o.status === 303 && o.at > healedAt) && Date.now() - healedAt < 60_000)
        await pause(100);
      const recoverySeconds = (Date.now() - healedAt) / 1000;
      await pause(500);
      running = false;
      await visitors;

      const counts = new Map(
        resultRows<{ submission_id: string; n: number }>(
          await app.handle.db.execute(
            sql`select submission_id, count(*)::int as n from bookings group by submission_id`,
          ),
        ).map((row) => [row.submission_id, row.n]),
      );
      const acknowledged = outcomes.filter((o) => o.status === 303);
      const refused = outcomes.filter((o) => o.status === 503).length;
      const lost = acknowledged.filter((o) => !counts.has(o.submissionId)).length;
      const duplicated = [...counts.values()].filter((count) => count > 1).length;
      console.log(
        `bookings through black-hole and reset (postgres): ${acknowledged.length} acknowledged, ${refused} answered 503, ${acknowledged.length - lost} present, ${lost} lost, ${duplicated} duplicated; first booking ${recoverySeconds.toFixed(1)} s after the network healed`,
      );
      expect([...statuses].filter((s) => s !== 200 && s !== 303 && s !== 503)).toEqual([]);
      expect(refused).toBeGreaterThan(0); // the faults did reach the bookings
      expect(acknowledged.some((o) => o.at > healedAt)).toBe(true);
      expect(lost).toBe(0);
      expect(duplicated).toBe(0);
    });
  },
);
