import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase } from "../../../test/support/test-database.ts";
import { testDatabaseLane } from "../../../test/support/test-database-lane.ts";
import { auditLog } from "../../platform/audit/audit.schema.ts";
import type { DatabaseHandle } from "../../platform/db/database.ts";
import { takeTransactionLock } from "../../platform/db/transaction-lock.ts";
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

describe("the first owner", () => {
  // PGlite has one connection, so its transactions already take turns; on PostgreSQL two set-up
  // requests could both read "no owner yet". The lock makes them take turns there too.
  it.runIf(testDatabaseLane() === "postgres")(
    "makes a second set-up wait until the first has committed (PostgreSQL)",
    async () => {
      const fresh = await openTestDatabase();
      try {
        let releaseFirst: () => void = () => {};
        const firstHolds = new Promise<void>((resolve) => {
          releaseFirst = resolve;
        });
        const order: string[] = [];
        const first = fresh.db.transaction(async (tx) => {
          await takeTransactionLock(tx, "first-owner");
          order.push("first has the lock");
          await firstHolds;
          order.push("first commits");
        });
        while (order.length === 0) await new Promise((r) => setImmediate(r));
        const second = fresh.db.transaction(async (tx) => {
          await takeTransactionLock(tx, "first-owner");
          order.push("second has the lock");
        });
        await new Promise((r) => setTimeout(r, 50)); // give the second every chance to overtake
        releaseFirst();
        await Promise.all([first, second]);
        expect(order).toEqual(["first has the lock", "first commits", "second has the lock"]);
      } finally {
        await fresh.close();
      }
    },
  );

  it("is exactly one therapist when several accounts are created at once", async () => {
    const fresh = await openTestDatabase();
    try {
      const results = await Promise.all(
        ["a", "b", "c", "d", "e"].map((letter) =>
          createTherapist(
            fresh.db,
            { displayName: `Therapist ${letter}`, email: `${letter}@example.org`, password },
            context,
          ),
        ),
      );
      expect(results.every((r) => r.ok)).toBe(true);
      expect(await fresh.db.select().from(therapists).where(eq(therapists.isOwner, true))).toHaveLength(1);
    } finally {
      await fresh.close();
    }
  });
});
