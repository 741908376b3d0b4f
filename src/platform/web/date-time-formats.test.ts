import { describe, expect, it } from "vitest";
import { dateTimeFormat } from "./date-time-formats.ts";

const clock = { hour: "2-digit", minute: "2-digit" } as const;
// 1 July 2026, 12:00 UTC.
const noon = Date.UTC(2026, 6, 1, 12);

describe("dateTimeFormat", () => {
  it("makes one format per style and zone and hands the same one back", () => {
    const first = dateTimeFormat("test-clock", "Europe/London", clock);
    expect(dateTimeFormat("test-clock", "Europe/London", clock)).toBe(first);
    expect(dateTimeFormat("test-clock", "Australia/Sydney", clock)).not.toBe(first);
  });

  it("formats in the zone it was asked for", () => {
    expect(dateTimeFormat("test-clock", "Europe/London", clock).format(noon)).toBe("13:00");
    expect(dateTimeFormat("test-clock", "Australia/Sydney", clock).format(noon)).toBe("22:00");
  });

  it("refuses an unknown zone each time instead of keeping a broken format", () => {
    expect(() => dateTimeFormat("test-clock", "Mars/Olympus", clock)).toThrow(RangeError);
    expect(() => dateTimeFormat("test-clock", "Mars/Olympus", clock)).toThrow(RangeError);
  });
});
