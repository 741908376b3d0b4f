import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase } from "../../../test/support/test-database.ts";
import { auditLog } from "../../platform/audit/audit.schema.ts";
import type { DatabaseHandle } from "../../platform/db/database.ts";
import { createTherapist } from "./create-therapist.ts";
import { signInBackoffSeconds, signInTherapist } from "./sign-in-therapist.ts";
import { therapists } from "./therapist.schema.ts";

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await openTestDatabase();
});
afterAll(() => handle.close());

const context = { actor: "cli", timeZone: "Europe/London" };
const password = "the kettle sings at dawn";

describe("therapist accounts", () => {
  it("makes the first therapist the owner and the next one not", async () => {
    const first = await createTherapist(
      handle.db,
      { displayName: "Ann Ash", email: "Ann@Example.org ", password },
      context,
    );
    const second = await createTherapist(
      handle.db,
      { displayName: "Bo Birch", email: "bo@example.org", password },
      context,
    );
    expect(first).toMatchObject({ ok: true, isOwner: true });
    expect(second).toMatchObject({ ok: true, isOwner: false });
    const [ann] = await handle.db.select().from(therapists).where(eq(therapists.email, "ann@example.org"));
    expect(ann?.passwordHash).toMatch(/^scrypt\$/);
    expect(ann?.passwordHash).not.toContain(password);
  });

  it("explains each bad field and stores nothing", async () => {
    const before = await handle.db.select().from(therapists);
    const result = await createTherapist(
      handle.db,
      { displayName: " ", email: "nope", password: "short" },
      context,
    );
    expect(result).toEqual({
      ok: false,
      errors: {
        displayName: "Please enter your name.",
        email: "That email address looks incomplete — please check it.",
        password: expect.stringMatching(/at least 12/),
      },
    });
    expect(await handle.db.select().from(therapists)).toHaveLength(before.length);
  });

  it("refuses a second account with the same email, beside the email field", async () => {
    const again = await createTherapist(
      handle.db,
      { displayName: "Ann", email: "ann@example.org", password },
      context,
    );
    expect(again).toEqual({
      ok: false,
      errors: { email: "An account with that email address already exists." },
    });
  });

  it("signs in with the right password, whatever the email's case", async () => {
    const result = await signInTherapist(handle.db, { email: " ANN@example.org", password });
    expect(result.outcome).toBe("password-accepted");
  });

  it("gives the same answer for an unknown email and a wrong password", async () => {
    expect(await signInTherapist(handle.db, { email: "nobody@example.org", password })).toEqual({
      outcome: "no-match",
    });
    expect(await signInTherapist(handle.db, { email: "bo@example.org", password: "wrong but long" })).toEqual(
      {
        outcome: "no-match",
      },
    );
  });

  it("holds an account for longer after each failed attempt, and records every failure", async () => {
    const now = new Date("2026-11-22T10:00:00Z");
    for (let i = 0; i < 3; i++)
      await signInTherapist(handle.db, { email: "bo@example.org", password: "x".repeat(12) }, now);
    const held = await signInTherapist(handle.db, { email: "bo@example.org", password }, now);
    expect(held).toEqual({ outcome: "wait", minutes: 1 });
    const later = new Date(now.getTime() + 60_000);
    expect((await signInTherapist(handle.db, { email: "bo@example.org", password }, later)).outcome).toBe(
      "password-accepted",
    );
    const failures = await handle.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, "therapist.sign-in-failed"));
    expect(failures.length).toBeGreaterThanOrEqual(5);
    expect(JSON.stringify(failures)).not.toContain("nobody@example.org");
  });

  it("backs off from 2 seconds, doubling, to at most 15 minutes", () => {
    expect([1, 2, 3, 4, 5].map(signInBackoffSeconds)).toEqual([0, 0, 2, 4, 8]);
    expect(signInBackoffSeconds(30)).toBe(900);
  });
});
