import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase, type TestDatabaseHandle } from "../test/support/test-database.ts";
import { clientDataTables } from "./client-data.ts";
import { resultRows } from "./platform/db/result-rows.ts";

// The resource types the policy knows (policies/policy.ts); a registration naming another is a typo.
const policyResources = [
  "entry",
  "safety-answers",
  "client-account",
  "client-export",
  "measure",
  "notification",
  "injury-suggestion",
  "opened-piece",
  "story",
  "cycle-half",
  "language-coach",
  "path-piece",
  "session",
];

let handle: TestDatabaseHandle;
beforeAll(async () => {
  handle = await openTestDatabase();
});
afterAll(() => handle.close());

describe("the register of client data", () => {
  it("names every table that has a client_id column, and the clients table itself", async () => {
    const tables = resultRows<{ table_name: string }>(
      await handle.db.execute(
        sql`select distinct table_name from information_schema.columns
             where table_schema = 'public' and column_name = 'client_id'`,
      ),
    ).map((row) => row.table_name);
    expect(tables.length).toBeGreaterThan(0);
    const registered = clientDataTables.map((t) => t.table);
    for (const table of [...tables, "clients"])
      expect(registered, `${table} has no policy, export and erasure`).toContain(table);
  });

  it("names only tables that exist, each once, with a known policy", async () => {
    const existing = resultRows<{ table_name: string }>(
      await handle.db.execute(
        sql`select table_name from information_schema.tables where table_schema = 'public'`,
      ),
    ).map((row) => row.table_name);
    const registered = clientDataTables.map((t) => t.table);
    expect(new Set(registered).size).toBe(registered.length);
    for (const entry of clientDataTables) {
      expect(existing).toContain(entry.table);
      expect(policyResources).toContain(entry.policy);
    }
  });
});
