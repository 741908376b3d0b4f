import { PGlite } from "@electric-sql/pglite";
import { sql } from "drizzle-orm";
import { customType, date, integer, interval, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { drizzle, type PgliteDatabase } from "drizzle-orm/pglite";
import { PglitePreparedQuery } from "drizzle-orm/pglite/session";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openPglite } from "./open-pglite.ts";
import { keptAsText } from "./pglite-text-parsers.ts";

// Whatever the lane, this is about the embedded engine: a PGlite of its own in memory, as Haven opens it
// (its parsers held, record 074), beside one opened as drizzle expects, and every kind of value read
// through both must come back the same.

const timestampArray = customType<{ data: string }>({ dataType: () => "timestamp[]" });
const values = pgTable("kinds", {
  id: integer("id").primaryKey(),
  at: timestamp("at", { withTimezone: true }),
  plain: timestamp("plain"),
  day: date("day"),
  span: interval("span"),
  note: text("note"),
  moments: timestampArray("moments"),
});

const setup = `
  create table kinds (id int primary key, at timestamptz, plain timestamp, day date, span interval,
    note text, moments timestamp[]);
  insert into kinds values
    (1, '2026-03-29 00:30:00+00', '2026-10-25 01:30:00', '2026-02-28', '1 day 02:03:04', 'first',
      array['2026-01-01 10:00', '2026-07-01 10:00']::timestamp[]),
    (2, null, null, null, null, null, null);`;

const query = sql`select id, at, plain, day, span, note, moments, at::date as at_day,
  array[day, day + 1] as days, array[1.5, 2.25]::numeric[] as amounts, array[span] as spans,
  array[at] as ats, 7 as n, '{"a":1}'::jsonb as doc, true as yes from kinds order by id`;

let held: Awaited<ReturnType<typeof openPglite>>;
let plain: PGlite;
let heldDb: PgliteDatabase;
let plainDb: PgliteDatabase;
beforeAll(async () => {
  held = await openPglite({ memory: true });
  plain = await PGlite.create();
  for (const client of [held.client, plain]) await client.exec(setup);
  heldDb = held.db as unknown as PgliteDatabase;
  plainDb = drizzle({ client: plain });
});
const heldClient = () => held.client;
afterAll(async () => {
  await held.close();
  await plain.close();
});

describe("drizzle's parsers held by the PGlite client", () => {
  it("are the ones drizzle passes with every query", () => {
    // Its configs are private to drizzle: read here only to compare the lists.
    const Prepared = PglitePreparedQuery as unknown as new (
      ...args: unknown[]
    ) => Record<"queryConfig" | "rawQueryConfig", { parsers?: Record<string, unknown> }>;
    const prepared = new Prepared(plain, "select 1", []);
    for (const config of [prepared.queryConfig, prepared.rawQueryConfig]) {
      expect(
        Object.keys(config.parsers ?? {})
          .map(Number)
          .sort(),
      ).toEqual([...keptAsText].sort());
    }
  });

  it("give the same rows as drizzle with its own, for a raw query and a typed select", async () => {
    expect((await heldDb.execute(query)).rows).toEqual((await plainDb.execute(query)).rows);
    const typed = await heldDb.select().from(values).orderBy(values.id);
    expect(typed).toEqual(await plainDb.select().from(values).orderBy(values.id));
    // Drizzle still makes its own dates from the text: the value is a Date at the right instant.
    expect(typed[0]?.at?.toISOString()).toBe("2026-03-29T00:30:00.000Z");
    expect(typed[0]?.day).toBe("2026-02-28");
  });

  it("give the same rows inside a transaction", async () => {
    const read = (db: PgliteDatabase) =>
      db.transaction(async (tx) => ({
        raw: (await tx.execute(query)).rows,
        typed: await tx.select().from(values).orderBy(values.id),
      }));
    expect(await read(heldDb)).toEqual(await read(plainDb));
  });

  it("leave a query that brings another parser to use it", async () => {
    const result = await held.client.query<{ n: string }>("select 7 as n", [], {
      parsers: { 23: (value: string) => `seven is ${value}`, 1114: (value: string) => value },
    });
    expect(result.rows[0]?.n).toBe("seven is 7");
  });

  it("reach PGlite without drizzle's parsers, and stay held when PGlite remakes its array types", async () => {
    // The client's own parser for timestamptz, changed for a moment: a query that still brought drizzle's
    // parsers would not use it.
    const client = heldClient();
    const kept = client.parsers[1184];
    client.parsers[1184] = (value: string) => `held ${value}`;
    try {
      const rows = (await heldDb.execute(sql`select at from kinds where id = 1`)).rows;
      expect(rows[0]?.at).toBe("held 2026-03-29 00:30:00+00");
    } finally {
      client.parsers[1184] = kept as (value: string) => unknown;
    }
    await client.refreshArrayTypes();
    expect((await heldDb.execute(query)).rows).toEqual((await plainDb.execute(query)).rows);
  });

  it("leave a query that brings its own parser for one of those types to use it", async () => {
    const result = await heldClient().query<{ at: string }>("select at from kinds where id = 1", [], {
      parsers: { 1184: (value: string) => `own ${value}` },
    });
    expect(result.rows[0]?.at).toBe("own 2026-03-29 00:30:00+00");
  });
});
