// The databases the booking benchmarks run on: a fresh in-memory PGlite, and, when a PostgreSQL URL is
// given, a fresh database there reached through two pools standing in for two app instances.
import { randomUUID } from "node:crypto";
import pg from "pg";
import type { DatabaseHandle } from "../src/platform/db/database.ts";
import { openPglite } from "../src/platform/db/open-pglite.ts";
import { openPostgres } from "../src/platform/db/open-postgres.ts";

/** One statement on the PostgreSQL server at `url` (creating or dropping a bench's database). */
export async function adminQuery(url: string, statement: string): Promise<void> {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query(statement);
  } finally {
    await admin.end();
  }
}

/** Runs `measure` on each database in turn, each migrated and thrown away afterwards. */
export async function onBenchDatabases<T>(
  postgresUrl: string | undefined,
  measure: (database: string, handles: DatabaseHandle[]) => Promise<T[]>,
): Promise<T[]> {
  const reports: T[] = [];
  const lite = await openPglite({ memory: true });
  try {
    await lite.migrate();
    reports.push(...(await measure("PGlite", [lite])));
  } finally {
    await lite.close();
  }
  if (!postgresUrl) return reports;
  const name = `haven_bench_${randomUUID().replace(/-/g, "").slice(0, 12)}`;
  const admin = new pg.Client({ connectionString: postgresUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(postgresUrl);
  url.pathname = `/${name}`;
  const first = await openPostgres(url.toString(), 10);
  const second = await openPostgres(url.toString(), 10);
  try {
    await first.migrate();
    reports.push(...(await measure("PostgreSQL, two instances", [first, second])));
  } finally {
    await first.close();
    await second.close();
    await dropDatabase(postgresUrl, name);
  }
  return reports;
}

/**
 * A closed pool may still be saying goodbye: wait for its connections to go, so the forced drop does not
 * cut them off mid-way (each would be reported as a lost connection).
 */
async function dropDatabase(postgresUrl: string, name: string): Promise<void> {
  const admin = new pg.Client({ connectionString: postgresUrl });
  await admin.connect();
  try {
    for (let i = 0; i < 50; i++) {
      const { rows } = await admin.query(
        "select count(*)::int as n from pg_stat_activity where datname = $1",
        [name],
      );
      if (rows[0]?.n === 0) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    await admin.query(`drop database if exists ${name} with (force)`);
  } finally {
    await admin.end();
  }
}
