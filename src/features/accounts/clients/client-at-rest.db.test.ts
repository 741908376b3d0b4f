import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dumpDatabase } from "../../../../test/support/database-dump.ts";
import { openTestDatabase, type TestDatabaseHandle } from "../../../../test/support/test-database.ts";
import { lookupHash } from "../../../platform/security/lookup-hash.ts";
import { secretKeys } from "../../../platform/security/secret-key.ts";
import { therapists } from "../therapist.schema.ts";
import { clients } from "./client.schema.ts";
import { sealClientField } from "./client-crypto.ts";

const ring = { current: secretKeys("e".repeat(64)) };
let handle: TestDatabaseHandle;
beforeAll(async () => {
  handle = await openTestDatabase();
});
afterAll(() => handle.close());

describe("clients at rest", () => {
  it("holds no plaintext of a client's name or email in a dump of the database", async () => {
    const [therapist] = await handle.db
      .insert(therapists)
      .values({ displayName: "Tess Teak", timeZone: "Europe/London" })
      .returning();
    const id = randomUUID();
    await handle.db.insert(clients).values({
      id,
      therapistId: therapist?.id as string,
      nameEncrypted: sealClientField(ring, id, "name_encrypted", "Beatrix Quillfeather"),
      emailEncrypted: sealClientField(ring, id, "email_encrypted", "beatrix.quill@example.org"),
      emailLookup: lookupHash(ring, "beatrix.quill@example.org"),
    });
    const dump = await dumpDatabase(handle);
    expect(dump.includes("Tess Teak")).toBe(true); // a therapist's name is public: the rows are in the dump
    expect(dump.includes("Beatrix Quillfeather")).toBe(false);
    expect(dump.includes("beatrix.quill")).toBe(false);
  });
});
