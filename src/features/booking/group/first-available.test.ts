import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fairOrder, pooledSlots } from "./first-available.ts";

const slot = (start: number, minutes = 20) => ({ start, end: start + minutes * 60_000 });

describe("the times a group practice offers for first available", () => {
  it("is every therapist's times together, once each, with who offers them", () => {
    const pooled = pooledSlots([
      { therapistId: "ann", slots: [slot(0), slot(30), slot(60)] },
      { therapistId: "ben", slots: [slot(30, 50), slot(90)] },
    ]);
    expect(pooled.map((p) => [p.start, p.therapistIds])).toEqual([
      [0, ["ann"]],
      [30, ["ann", "ben"]],
      [60, ["ann"]],
      [90, ["ben"]],
    ]);
    expect(pooled[1]?.end).toBe(30 + 50 * 60_000);
  });

  it("keeps every start any therapist offers, and no other, sorted (property)", () => {
    const offers = fc.array(
      fc.record({
        therapistId: fc.constantFrom("a", "b", "c"),
        slots: fc
          .uniqueArray(fc.integer({ min: 0, max: 10_000 }), { maxLength: 20 })
          .map((s) => s.map((x) => slot(x))),
      }),
      { maxLength: 4 },
    );
    fc.assert(
      fc.property(offers, (list) => {
        const pooled = pooledSlots(list);
        const starts = new Set(list.flatMap((o) => o.slots.map((s) => s.start)));
        expect(pooled.map((p) => p.start)).toEqual([...starts].sort((a, b) => a - b));
        for (const p of pooled)
          for (const id of p.therapistIds)
            expect(list.some((o) => o.therapistId === id && o.slots.some((s) => s.start === p.start))).toBe(
              true,
            );
      }),
    );
  });
});

describe("who is offered a first-available booking first", () => {
  it("is whoever was booked least recently, someone never booked before anyone", () => {
    const last = new Map([
      ["ann", 300],
      ["ben", 100],
    ]);
    expect(fairOrder(["ann", "ben", "cat"], last)).toEqual(["cat", "ben", "ann"]);
  });

  it("shares bookings out in turn: each booking goes to whoever waited longest", () => {
    const last = new Map<string, number>();
    const given: string[] = [];
    for (let moment = 1; moment <= 9; moment++) {
      const [chosen] = fairOrder(["ann", "ben", "cat"], last);
      given.push(chosen as string);
      last.set(chosen as string, moment);
    }
    expect(given).toEqual(["ann", "ben", "cat", "ann", "ben", "cat", "ann", "ben", "cat"]);
  });
});
