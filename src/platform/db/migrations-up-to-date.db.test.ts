import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase, type TestDatabaseHandle } from "../../../test/support/test-database.ts";
import { migrationsUpToDate } from "./migrations-up-to-date.ts";
import { resultRows } from "./result-rows.ts";

let handle: TestDatabaseHandle;
beforeAll(async () => {
  handle = await openTestDatabase();
});
afterAll(async () => {
  await handle.close();
});

describe("the start-up check of migrations", () => {
  it("says up to date for a migrated database, and not when the newest migration is missing", async () => {
    expect(await migrationsUpToDate(handle.db)).toBe(true);
    const [newest] = resultRows<{ id: number; hash: string; created_at: string }>(
      await handle.db.execute(
        sql`select id, hash, created_at::text from drizzle.__drizzle_migrations order by created_at desc limit 1`,
      ),
    );
    if (!newest) throw new Error("a migrated test database records its migrations");
    await handle.db.execute(sql`delete from drizzle.__drizzle_migrations where id = ${newest.id}`);
    expect(await migrationsUpToDate(handle.db)).toBe(false);
    await handle.db.execute(
      sql`insert into drizzle.__drizzle_migrations (id, hash, created_at) values (${newest.id}, ${newest.hash}, ${newest.created_at}::bigint)`,
    );
    expect(await migrationsUpToDate(handle.db)).toBe(true);
  });

  it("says not up to date (so the migrator runs) where no migration was ever recorded", async () => {
    await handle.db.execute(sql`alter table drizzle.__drizzle_migrations rename to __put_aside`);
    try {
      expect(await migrationsUpToDate(handle.db)).toBe(false);
    } finally {
      await handle.db.execute(sql`alter table drizzle.__put_aside rename to __drizzle_migrations`);
    }
  });
});
