import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../../src/platform/db/database.ts";
import { openPglite } from "../../src/platform/db/open-pglite.ts";
import { resultRows } from "../../src/platform/db/result-rows.ts";
import { bookingFormFields, detailsLinksIn } from "../support/booking-form.ts";
import { type HavenProcess, startHaven } from "../support/haven-process.ts";
import { openTestDatabase, type TestDatabaseHandle } from "../support/test-database.ts";
import { testDatabaseLane } from "../support/test-database-lane.ts";

// Haven killed with SIGKILL while visitors book (a crash, the OOM killer, a pulled plug), then started
// again on the same database: every booking a visitor was told about must be there exactly once. On
// PGlite the process holds the database itself; on PostgreSQL it holds a pool to it.

const killAfterAcknowledged = 12;
const workers = 6;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "haven-kill-"));
const lane = testDatabaseLane();
let postgres: TestDatabaseHandle | undefined;
let running: HavenProcess | undefined;

afterAll(async () => {
  running?.child.kill("SIGKILL");
  await postgres?.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

async function envFor(): Promise<Record<string, string>> {
  const env: Record<string, string> = {
    HAVEN_DATA_DIR: dataDir,
    HAVEN_DEMO: "1",
    HAVEN_TRUST_PROXY: "1", // each booking comes "from" its own address, as visitors do
    HAVEN_SECRET_KEY: secret,
  };
  if (lane === "postgres") {
    postgres ??= await openTestDatabase();
    env.DATABASE_URL = postgres.connectionString as string;
  }
  return env;
}
const secret = randomBytes(32).toString("hex");

let nextVisitor = 0;
/** One visitor books the time behind `href`: the submission id, and whether Haven acknowledged it. */
async function book(base: string, href: string): Promise<{ submissionId: string; acknowledged: boolean }> {
  const n = ++nextVisitor;
  const address = { "x-forwarded-for": `10.9.${Math.floor(n / 250)}.${n % 250}` };
  const details = await fetch(base + href, { headers: address });
  const fields = bookingFormFields(await details.text(), `Visitor ${n}`, `visitor${n}@example.org`);
  try {
    const posted = await fetch(`${base}/book`, {
      method: "POST",
      redirect: "manual",
      headers: {
        ...address,
        "sec-fetch-site": "same-origin",
        "content-type": "application/x-www-form-urlencoded",
      },
      body: new URLSearchParams(fields).toString(),
    });
    const location = posted.headers.get("location") ?? "";
    return {
      submissionId: fields.submissionId,
      acknowledged: posted.status === 303 && location.startsWith("/book/manage/"),
    };
  } catch {
    return { submissionId: fields.submissionId, acknowledged: false }; // the process died under it
  }
}

/** Offered times over the next weeks, each a details-page address. */
async function offeredTimes(base: string): Promise<string[]> {
  const links = new Set<string>();
  for (let week = 0; week < 8; week++) {
    const page = await fetch(`${base}/book?kind=individual&zone=Europe%2FLondon&week=${week}`);
    for (const link of detailsLinksIn(await page.text())) links.add(link);
  }
  return [...links];
}

async function bookingCounts(handle: DatabaseHandle): Promise<Map<string, number>> {
  const rows = resultRows<{ submission_id: string; n: number }>(
    await handle.db.execute(
      sql`select submission_id, count(*)::int as n from bookings group by submission_id`,
    ),
  );
  return new Map(rows.map((row) => [row.submission_id, row.n]));
}

describe(`Haven killed with SIGKILL during bookings (${lane})`, () => {
  it("keeps every acknowledged booking exactly once, and books again after a restart", {
    timeout: 300_000,
  }, async () => {
    running = startHaven(await envFor());
    const base = `http://127.0.0.1:${await running.ready}`;
    const times = await offeredTimes(base);
    expect(times.length).toBeGreaterThan(killAfterAcknowledged * 2);

    const outcomes: { submissionId: string; acknowledged: boolean }[] = [];
    const victim = running;
    let killed = false;
    const queue = [...times];
    await Promise.all(
      Array.from({ length: workers }, async () => {
        while (!killed && queue.length > 0) {
          const outcome = await book(base, queue.shift() as string).catch(() => undefined);
          if (!outcome) break;
          outcomes.push(outcome);
          if (!killed && outcomes.filter((o) => o.acknowledged).length >= killAfterAcknowledged) {
            killed = true;
            victim.child.kill("SIGKILL");
          }
        }
      }),
    );
    expect((await victim.exited).signal).toBe("SIGKILL");

    const restartedAt = Date.now();
    running = startHaven(await envFor());
    const again = `http://127.0.0.1:${await running.ready}`;
    const after = await book(again, queue.find(Boolean) ?? (times.at(-1) as string));
    const recoverySeconds = (Date.now() - restartedAt) / 1000;
    expect(after.acknowledged).toBe(true);
    running.child.kill("SIGTERM");
    expect((await running.exited).code).toBe(0);
    running = undefined;

    const handle =
      lane === "postgres"
        ? (postgres as TestDatabaseHandle)
        : await openPglite({ dataDir: path.join(dataDir, "pgdata") });
    const counts = await bookingCounts(handle);
    if (handle !== postgres) await handle.close();
    const acknowledged = [...outcomes.filter((o) => o.acknowledged), after];
    const present = acknowledged.filter((o) => counts.get(o.submissionId) === 1).length;
    const lost = acknowledged.filter((o) => !counts.has(o.submissionId)).length;
    const duplicated = [...counts.values()].filter((n) => n > 1).length;
    const cutOff = outcomes.filter((o) => !o.acknowledged).length;
    console.log(
      `kill -9 during bookings (${lane}): ${acknowledged.length - 1} acknowledged before the kill and 1 after the restart, ${cutOff} cut off unanswered; ${present} present once, ${lost} lost, ${duplicated} duplicated; restart to first booking ${recoverySeconds.toFixed(1)} s`,
    );
    expect(lost).toBe(0);
    expect(duplicated).toBe(0);
    expect(present).toBe(acknowledged.length);
  });
});
