import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dumpDatabase } from "../../../test/support/database-dump.ts";
import { openTestDatabase, type TestDatabaseHandle } from "../../../test/support/test-database.ts";
import { queueEmail } from "../mail/email-job.ts";
import { secretKeys } from "./secret-key.ts";

const sentence = "When I needed you at the hospital you stayed at work";
const ring = { current: secretKeys("d".repeat(64)) };

let handle: TestDatabaseHandle;
beforeAll(async () => {
  handle = await openTestDatabase();
});
afterAll(() => handle.close());

describe("data at rest", () => {
  it("holds no plaintext of a message's words in a dump of the database", async () => {
    await queueEmail(handle.db, ring, {
      to: "client@example.org",
      subject: "A message",
      text: sentence,
      html: `<p>${sentence}</p>`,
    });
    const dump = await dumpDatabase(handle);
    // The row itself is in the dump (its plain kind column), so the absences below mean something.
    expect(dump.includes("email.send")).toBe(true);
    expect(dump.includes(sentence)).toBe(false);
    expect(dump.includes("client@example.org")).toBe(false);
  });
});
