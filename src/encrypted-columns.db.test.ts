import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase, type TestDatabaseHandle } from "../test/support/test-database.ts";
import { encryptedColumns, lookupColumns } from "./encrypted-columns.ts";
import { resultRows } from "./platform/db/result-rows.ts";
import { reencryptAll } from "./platform/security/reencrypt-all.ts";
import { secretKeys } from "./platform/security/secret-key.ts";
import { verifySecretKey } from "./platform/security/verify-secret-key.ts";

let handle: TestDatabaseHandle;
beforeAll(async () => {
  handle = await openTestDatabase();
});
afterAll(() => handle.close());

describe("key rotation", () => {
  it("knows every encrypted column the schema has", async () => {
    const columns = resultRows<{ table_name: string; column_name: string }>(
      await handle.db.execute(
        sql`select table_name, column_name from information_schema.columns
             where table_schema = 'public' and column_name like '%\\_encrypted'`,
      ),
    ).map((c) => `${c.table_name}.${c.column_name}`);
    expect(columns.length).toBeGreaterThan(0);
    expect(columns.sort()).toEqual(encryptedColumns.map((c) => `${c.table}.${c.column}`).sort());
  });

  it("walks every registered column and lookup hash in one pass", async () => {
    const oldKeys = secretKeys("o".repeat(64));
    const newKeys = secretKeys("n".repeat(64));
    await verifySecretKey(handle.db, oldKeys);
    const report = await reencryptAll(
      handle.db,
      { current: newKeys, previous: oldKeys },
      { encryptedColumns, lookupColumns },
    );
    expect(report.map((r) => `${r.table}.${r.column}`)).toEqual(
      [...encryptedColumns, ...lookupColumns].map((c) => `${c.table}.${c.column}`),
    );
  });
});
