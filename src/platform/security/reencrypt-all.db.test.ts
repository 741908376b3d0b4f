import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase } from "../../../test/support/test-database.ts";
import type { DatabaseHandle } from "../db/database.ts";
import { jobs } from "../jobs/job.schema.ts";
import { claimDueJobs, enqueueJob } from "../jobs/job-queue.ts";
import { platformEncryptedColumns } from "./encrypted-columns.ts";
import { fieldKeyId } from "./field-encryption.ts";
import { reencryptAll } from "./reencrypt-all.ts";
import { secretKeys } from "./secret-key.ts";
import { verifySecretKey, WrongSecretKeyError } from "./verify-secret-key.ts";

const oldKeys = secretKeys("o".repeat(64));
const newKeys = secretKeys("n".repeat(64));
// The platform's own columns; src/encrypted-columns.db.test.ts checks the register of every column.
const columns = { encryptedColumns: platformEncryptedColumns, lookupColumns: [] };

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await openTestDatabase();
});
afterAll(() => handle.close());

describe("key rotation", () => {
  it("rewrites every value under the new key and moves the key check, so the old key can go", async () => {
    await verifySecretKey(handle.db, oldKeys);
    await enqueueJob(handle.db, { current: oldKeys }, "test.kind", { note: "a private sentence" });
    await enqueueJob(handle.db, { current: oldKeys }, "test.kind", { note: "another" });

    const rotating = { current: newKeys, previous: oldKeys };
    await verifySecretKey(handle.db, newKeys, oldKeys); // start-up during the rotation
    const report = await reencryptAll(handle.db, rotating, columns);
    expect(report).toContainEqual({ table: "jobs", column: "payload_encrypted", rewritten: 2 });

    const rows = await handle.db.select({ value: jobs.payloadEncrypted }).from(jobs);
    expect(rows.map((r) => fieldKeyId(r.value))).toEqual([newKeys.id, newKeys.id]);
    await expect(verifySecretKey(handle.db, newKeys)).resolves.toBeUndefined(); // previous no longer needed
    await expect(verifySecretKey(handle.db, oldKeys)).rejects.toThrow(WrongSecretKeyError);
    const claimed = await claimDueJobs(handle.db, { current: newKeys });
    expect(claimed.map((j) => j.payload)).toContainEqual({ note: "a private sentence" });
    expect(
      (await reencryptAll(handle.db, { current: newKeys }, columns)).every((r) => r.rewritten === 0),
    ).toBe(true);
  });
});
