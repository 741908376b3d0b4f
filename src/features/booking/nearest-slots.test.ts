import { describe, expect, it } from "vitest";
import { nearestSlots } from "./nearest-slots.ts";

const at = (minutes: number) => ({ start: minutes * 60_000, end: (minutes + 20) * 60_000 });

describe("nearestSlots", () => {
  it("picks the closest times either side and returns them in time order", () => {
    const slots = [at(0), at(30), at(60), at(90), at(120), at(300)];
    expect(nearestSlots(slots, 75 * 60_000).map((s) => s.start / 60_000)).toEqual([30, 60, 90]);
    expect(nearestSlots(slots, 400 * 60_000, 2).map((s) => s.start / 60_000)).toEqual([120, 300]);
    expect(nearestSlots([], 0)).toEqual([]);
  });
});
