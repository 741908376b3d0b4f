import { describe, expect, it } from "vitest";
import { retryDelaySeconds } from "./retry-delay.ts";

describe("retryDelaySeconds", () => {
  it("doubles from 15 seconds and stops growing at an hour", () => {
    expect([1, 2, 3, 4].map(retryDelaySeconds)).toEqual([15, 30, 60, 120]);
    expect(retryDelaySeconds(9)).toBe(3600);
    expect(retryDelaySeconds(40)).toBe(3600);
  });
});
