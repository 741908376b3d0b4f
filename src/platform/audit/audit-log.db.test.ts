import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase } from "../../../test/support/test-database.ts";
import { type DatabaseHandle, sqlState } from "../db/database.ts";
import { auditLog } from "./audit.schema.ts";
import { recordAudit } from "./record-audit.ts";

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await openTestDatabase();
});
afterAll(() => handle.close());

async function refusal(run: () => Promise<unknown>): Promise<string | undefined> {
  try {
    await run();
  } catch (error) {
    return sqlState(error);
  }
  return "accepted";
}

describe("the audit log", () => {
  it("records entries", async () => {
    await recordAudit(handle.db, { actor: "therapist:t1", action: "client.read", subject: "client:c1" });
    const rows = await handle.db.select().from(auditLog).where(eq(auditLog.subject, "client:c1"));
    expect(rows).toHaveLength(1);
    expect(rows[0]?.action).toBe("client.read");
  });

  it("refuses every change and deletion, in the database itself", async () => {
    expect(await refusal(() => handle.db.update(auditLog).set({ action: "nothing" }))).toBe("42501");
    expect(await refusal(() => handle.db.delete(auditLog))).toBe("42501");
    expect(await refusal(() => handle.db.execute(sql`truncate audit_log`))).toBe("42501");
    expect(await handle.db.select().from(auditLog)).toHaveLength(1);
  });
});
