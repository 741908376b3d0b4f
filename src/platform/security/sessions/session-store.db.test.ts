import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase } from "../../../../test/support/test-database.ts";
import type { DatabaseHandle } from "../../db/database.ts";
import { sessions } from "./session.schema.ts";
import {
  createSession,
  endAllSessions,
  endSession,
  endSessionByRef,
  listActiveSessions,
  resolveSession,
  therapistSessionPolicy,
} from "./session-store.ts";

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await openTestDatabase();
});
afterAll(() => handle.close());

const t0 = new Date("2026-11-22T10:00:00Z");
const minutes = (n: number) => new Date(t0.getTime() + n * 60_000);
const therapist = () => ({ kind: "therapist" as const, id: randomUUID() });

describe("session store", () => {
  it("signs in with the token and keeps only its hash", async () => {
    const account = therapist();
    const token = await createSession(handle.db, account, therapistSessionPolicy, "Firefox on Linux", t0);
    expect(await resolveSession(handle.db, token, minutes(1))).toEqual({ ...account, assurance: "full" });
    const stored = await handle.db.select({ tokenHash: sessions.tokenHash }).from(sessions);
    expect(stored.map((s) => s.tokenHash)).not.toContain(token);
    expect(await resolveSession(handle.db, `${token}x`, minutes(1))).toBeUndefined();
  });

  it("ends after 30 idle minutes, but activity keeps it alive", async () => {
    const token = await createSession(handle.db, therapist(), therapistSessionPolicy, "Safari on iOS", t0);
    expect(await resolveSession(handle.db, token, minutes(20))).toBeDefined(); // touches last seen
    expect(await resolveSession(handle.db, token, minutes(45))).toBeDefined();
    expect(await resolveSession(handle.db, token, minutes(80))).toBeUndefined();
  });

  it("ends at the absolute time-out", async () => {
    const token = await createSession(handle.db, therapist(), therapistSessionPolicy, "Edge on Windows", t0);
    for (let m = 20; m < 12 * 60; m += 20) await resolveSession(handle.db, token, minutes(m));
    expect(await resolveSession(handle.db, token, minutes(12 * 60))).toBeUndefined();
  });

  it("signs out one session, or every session of the person, and no one else's", async () => {
    const me = therapist();
    const other = therapist();
    const phone = await createSession(handle.db, me, therapistSessionPolicy, "Chrome on Android", t0);
    const laptop = await createSession(handle.db, me, therapistSessionPolicy, "Firefox on Linux", t0);
    const theirs = await createSession(handle.db, other, therapistSessionPolicy, "Safari on macOS", t0);
    await endSession(handle.db, phone, minutes(1));
    expect(await resolveSession(handle.db, phone, minutes(2))).toBeUndefined();
    expect(await resolveSession(handle.db, laptop, minutes(2))).toBeDefined();
    expect(await endAllSessions(handle.db, me, minutes(3))).toBe(1);
    expect(await resolveSession(handle.db, laptop, minutes(4))).toBeUndefined();
    expect(await resolveSession(handle.db, theirs, minutes(4))).toEqual({ ...other, assurance: "full" });
  });

  it("lists a person's active sign-ins and ends one by its ref, refusing another person's ref", async () => {
    const me = therapist();
    const other = therapist();
    const current = await createSession(handle.db, me, therapistSessionPolicy, "Firefox on Linux", t0);
    await createSession(handle.db, me, therapistSessionPolicy, "Chrome on Android", t0);
    const theirs = await createSession(handle.db, other, therapistSessionPolicy, "Safari on macOS", t0);
    const mine = await listActiveSessions(handle.db, me, current, minutes(1));
    expect(mine.map((s) => [s.deviceLabel, s.current]).sort()).toEqual([
      ["Chrome on Android", false],
      ["Firefox on Linux", true],
    ]);
    const [theirListing] = await listActiveSessions(handle.db, other, theirs, minutes(1));
    expect(await endSessionByRef(handle.db, me, theirListing?.ref as string, minutes(2))).toBe(false);
    expect(await resolveSession(handle.db, theirs, minutes(2))).toEqual({ ...other, assurance: "full" });
    const phone = mine.find((s) => !s.current);
    expect(await endSessionByRef(handle.db, me, phone?.ref as string, minutes(2))).toBe(true);
    expect(await listActiveSessions(handle.db, me, current, minutes(3))).toHaveLength(1);
  });
});
