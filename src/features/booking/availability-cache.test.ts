import { describe, expect, it } from "vitest";
import type { Database } from "../../platform/db/database.ts";
import { AvailabilityCache } from "./availability-cache.ts";

/** A database whose reads of the versions answer only when the test says, in the order they were asked. */
function heldBackDatabase() {
  const pending: ((version: number) => void)[] = [];
  const db = {
    execute: () =>
      new Promise((resolve) => {
        pending.push((version) => resolve({ rows: [{ therapist_id: "ann", version }] }));
      }),
  } as unknown as Database;
  const settle = async () => {
    for (let i = 0; i < 5; i++) await Promise.resolve();
  };
  return { db, pending, settle };
}

describe("reading the availability versions", () => {
  it("never answers a request with a read begun before it arrived, and shares the next among those waiting", async () => {
    const { db, pending, settle } = heldBackDatabase();
    const cache = new AvailabilityCache(db);
    const first = cache.versions();
    await settle();
    expect(pending).toHaveLength(1);
    // Three requests arrive while the first read is under way (a booking may have committed meanwhile).
    const later = [cache.versions(), cache.versions(), cache.versions()];
    await settle();
    expect(pending).toHaveLength(1);
    pending[0]?.(1);
    expect((await first).get("ann")).toBe(1);
    await settle();
    // One more read, begun after they arrived, answers all three.
    expect(pending).toHaveLength(2);
    pending[1]?.(2);
    for (const versions of await Promise.all(later)) expect(versions.get("ann")).toBe(2);
    expect(pending).toHaveLength(2);
  });
});
