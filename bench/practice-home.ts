// The practice home with a full caseload (issue 14): 200 clients, 2,000 entries, 500 consultations and some
// notifications and questionnaires, on an in-memory PGlite, measured through the app's own inject (no
// network, so the figure is the page's work: queries, decryption, rendering). Prints median and p99.
// Run: `npx tsx bench/practice-home.ts` (BENCH_PRACTICE_REQUESTS, default 300). Not a test: no time limit.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { pino } from "pino";
import { loadConfig } from "../src/config.ts";
import { measureAssignments } from "../src/features/assessments/measures/measure-assignment.schema.ts";
import { therapistNotifications } from "../src/features/notifications/notification.schema.ts";
import { workspaceEntries } from "../src/features/workspace/entry.schema.ts";
import { openPglite } from "../src/platform/db/open-pglite.ts";
import { encryptField } from "../src/platform/security/field-encryption.ts";
import { loadOrCreateKeyFile, secretKeys } from "../src/platform/security/secret-key.ts";
import { loadStartupFiles } from "../src/startup/load-startup-files.ts";
import { prepareApp } from "../src/startup/prepare-app.ts";
import { addClients, addTherapist, signInTherapist } from "../test/support/people.ts";
import { seedConsultation } from "../test/support/seed-consultation.ts";
import type { TestApp } from "../test/support/test-app.ts";

const requests = Number(process.env.BENCH_PRACTICE_REQUESTS ?? 300);
const day = 24 * 60 * 60 * 1000;

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;

async function main() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "haven-bench-home-"));
  const config = loadConfig({ HAVEN_DATA_DIR: dataDir, HAVEN_DEMO: "0" });
  const handle = await openPglite({ memory: true });
  await handle.migrate();
  const app = await prepareApp(handle, config, loadStartupFiles(config), {
    freshEmbedded: false,
    logger: pino({ level: "silent" }),
  });
  await app.ready();
  const keys = { current: secretKeys(config.secretKey ?? loadOrCreateKeyFile(dataDir)) };
  const t = { app, handle, config, keys, close: async () => {} } as unknown as TestApp;
  try {
    const seedStart = performance.now();
    const tess = await addTherapist(t, "Tess Teak", "tess@example.org");
    const db = handle.db;
    const clientIds: string[] = [];
    // 60 couples and 80 people seen alone: 200 clients.
    for (let i = 0; i < 140; i++) {
      const people =
        i < 60
          ? [
              { name: `Partner A${i}`, email: `a${i}@example.org` },
              { name: `Partner B${i}`, email: `b${i}@example.org` },
            ]
          : [{ name: `Client ${i}`, email: `c${i}@example.org` }];
      for (const client of await addClients(t, tess.id, people)) clientIds.push(client.id);
    }
    const entries = Array.from({ length: 2000 }, (_, i) => {
      const id = crypto.randomUUID();
      const clientId = clientIds[i % clientIds.length] as string;
      return {
        id,
        clientId,
        bodyEncrypted: encryptField(keys, `A note, number ${i}, written between sessions.`, {
          table: "workspace_entries",
          column: "body_encrypted",
          id,
        }),
        sharedWithTherapistAt: i % 3 === 0 ? new Date() : null,
      };
    });
    for (let i = 0; i < entries.length; i += 250)
      await db.insert(workspaceEntries).values(entries.slice(i, i + 250));
    // 500 consultations over the coming 50 days, ten a day, a week of them on the page.
    for (let i = 0; i < 500; i++)
      await seedConsultation(db, keys, {
        therapistId: tess.id,
        startsAt: new Date(Date.now() + (Math.floor(i / 10) + 0.5) * day + (i % 10) * 60 * 60_000),
        visitor: { name: `Visitor ${i}`, note: i % 2 ? "A note for the therapist." : "" },
      });
    await db.insert(therapistNotifications).values(
      clientIds.slice(0, 20).map((clientId, i) => ({
        therapistId: tess.id,
        clientId,
        kind: i % 4 === 0 ? ("crisis-words" as const) : ("shared-with-therapist" as const),
      })),
    );
    await db.insert(measureAssignments).values(
      clientIds.slice(0, 40).map((clientId, i) => ({
        clientId,
        therapistId: tess.id,
        instrumentId: "ecr-r",
        assignedAt: new Date(Date.now() - (i % 14) * day),
      })),
    );
    const seedSeconds = (performance.now() - seedStart) / 1000;
    const cookie = await signInTherapist(t, tess);

    if (process.env.BENCH_PARTS) {
      const { listClientsOf } = await import("../src/features/accounts/clients/list-clients.ts");
      const { consultationsThisWeek } = await import(
        "../src/features/booking/therapist/consultations-this-week.ts"
      );
      const { needsYou } = await import("../src/features/notifications/needs-you.ts");
      const { safetyAlertsFor } = await import("../src/features/notifications/safety-alerts.ts");
      const { measuresDue } = await import("../src/features/assessments/measures/measures-due.ts");
      const { staleInvitations } = await import("../src/features/accounts/clients/stale-invitations.ts");
      const { bookingAttention } = await import("../src/features/booking/therapist/booking-attention.ts");
      const parts: Record<string, () => Promise<unknown>> = {
        list: () => listClientsOf(db, keys, tess.id),
        week: () => consultationsThisWeek(db, keys, tess.id, "Europe/London"),
        needs: () => needsYou(db, keys, tess.id),
        safety: () => safetyAlertsFor(db, keys, tess.id),
        due: () => measuresDue(db, tess.id),
        stale: () => staleInvitations(db, keys, tess.id),
        booking: () => bookingAttention(db, tess.id),
      };
      for (const [name, run] of Object.entries(parts)) {
        const s0 = performance.now();
        for (let i = 0; i < 20; i++) await run();
        console.log(name, ((performance.now() - s0) / 20).toFixed(1), "ms");
      }
    }
    // The reference, measured in the same run and interleaved with the page so a noisy neighbour touches
    // both: /readyz, one database round trip through the same app (the floor for any page that reads). It
    // answers 503 here, as no job runner runs in the bench; the round trip is made all the same.
    const timed = async (url: string, headers: Record<string, string>, expected = 200) => {
      const start = performance.now();
      const response = await app.inject({ url, headers });
      if (response.statusCode !== expected) throw new Error(`GET ${url} answered ${response.statusCode}`);
      return { ms: performance.now() - start, bytes: response.body.length };
    };
    for (let i = 0; i < 20; i++) await timed("/practice", { cookie }); // warm-up
    const home: number[] = [];
    const floor: number[] = [];
    let bytes = 0;
    for (let i = 0; i < requests; i++) {
      const page = await timed("/practice", { cookie });
      home.push(page.ms);
      bytes = page.bytes;
      floor.push((await timed("/readyz", {}, 503)).ms);
    }
    home.sort((a, b) => a - b);
    floor.sort((a, b) => a - b);
    console.log(
      `Practice home (GET /practice, app.inject, in-memory PGlite; 200 clients, 2,000 entries, 500 consultations; seeded in ${seedSeconds.toFixed(1)} s; load average ${os.loadavg()[0]?.toFixed(1)})`,
    );
    console.log(
      `  ${requests} requests: median ${percentile(home, 50).toFixed(1)} ms, p99 ${percentile(home, 99).toFixed(1)} ms, page ${(bytes / 1024).toFixed(0)} KB (goal: median under 50 ms)`,
    );
    console.log(
      `  reference, same run: GET /readyz (one database round trip) median ${percentile(floor, 50).toFixed(2)} ms, p99 ${percentile(floor, 99).toFixed(2)} ms; the home costs ${(percentile(home, 50) / percentile(floor, 50)).toFixed(0)} of them`,
    );
  } finally {
    await app.close();
    await handle.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
