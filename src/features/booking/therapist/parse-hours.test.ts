import { describe, expect, it } from "vitest";
import { formatHours, maxRangesPerDay, parseHours } from "./parse-hours.ts";

const ranges = (text: string) => {
  const parsed = parseHours(text);
  if (!parsed.ok) throw new Error(`expected ${text} to parse, got: ${parsed.message}`);
  return parsed.ranges;
};
const problem = (text: string) => {
  const parsed = parseHours(text);
  if (parsed.ok) throw new Error(`expected ${text} to be refused`);
  return parsed.message;
};

describe("reading a day's hours", () => {
  it("reads ranges as minutes from midnight", () => {
    expect(ranges("09:00-12:30, 13:30-17:00")).toEqual([
      { startMinute: 540, endMinute: 750 },
      { startMinute: 810, endMinute: 1020 },
    ]);
  });

  it("takes empty text, or only spaces and commas, as no hours that day", () => {
    expect(ranges("")).toEqual([]);
    expect(ranges("   ")).toEqual([]);
    expect(ranges(" , ; ")).toEqual([]);
  });

  it("accepts H, HH, H:MM and HH:MM, a hyphen or an en dash, commas or semicolons, and spaces", () => {
    expect(ranges("9-12:30")).toEqual([{ startMinute: 540, endMinute: 750 }]);
    expect(ranges("9 – 12")).toEqual([{ startMinute: 540, endMinute: 720 }]);
    expect(ranges("08:15–09:45; 18-20")).toEqual([
      { startMinute: 495, endMinute: 585 },
      { startMinute: 1080, endMinute: 1200 },
    ]);
    expect(ranges("0-1,")).toEqual([{ startMinute: 0, endMinute: 60 }]);
  });

  it("allows 24:00 (or 24) as the end of the day, and only as an end", () => {
    expect(ranges("20:00-24:00")).toEqual([{ startMinute: 1200, endMinute: 1440 }]);
    expect(ranges("0-24")).toEqual([{ startMinute: 0, endMinute: 1440 }]);
    expect(problem("24:00-24:00")).toContain("“24:00” can only end a range");
  });

  it("sorts ranges typed out of order, and lets ranges touch", () => {
    expect(ranges("14-17, 9-12, 12-13")).toEqual([
      { startMinute: 540, endMinute: 720 },
      { startMinute: 720, endMinute: 780 },
      { startMinute: 840, endMinute: 1020 },
    ]);
  });

  it("names a time that is not a time", () => {
    expect(problem("25:00-26:00")).toContain("“25:00” is not a time");
    expect(problem("09:00-12:60")).toContain("“12:60” is not a time");
    expect(problem("9am-5pm")).toContain("“9am” is not a time");
    expect(problem("9.30-12")).toContain("“9.30” is not a time");
    expect(problem("09:5-12")).toContain("“09:5” is not a time");
    expect(problem("123-130")).toContain("“123” is not a time");
  });

  it("asks for a start and an end when a piece is not a range", () => {
    expect(problem("09:00")).toContain("“09:00” is not a range of times");
    expect(problem("9-")).toContain("“9-” is not a range of times");
    expect(problem("9-12-15")).toContain("“9-12-15” is not a range of times");
  });

  it("refuses a range that ends when or before it starts", () => {
    expect(problem("17:00-09:00")).toBe("“17:00-09:00”: each range must end after it starts.");
    expect(problem("9-9")).toContain("each range must end after it starts");
  });

  it("refuses overlapping ranges and names both", () => {
    const message = problem("13:00-17:00, 09:00-13:30");
    expect(message).toContain("ranges overlap");
    expect(message).toContain("“09:00-13:30”");
    expect(message).toContain("“13:00-17:00”");
  });

  it("refuses more ranges than a day can sensibly hold", () => {
    const many = Array.from({ length: maxRangesPerDay + 1 }, (_, i) => `${i}-${i}:30`).join(", ");
    expect(problem(many)).toContain(`${maxRangesPerDay} ranges or fewer`);
  });
});

describe("writing a day's hours back", () => {
  it("writes sorted HH:MM ranges, and nothing for no hours", () => {
    expect(
      formatHours([
        { startMinute: 810, endMinute: 1020 },
        { startMinute: 540, endMinute: 750 },
      ]),
    ).toBe("09:00-12:30, 13:30-17:00");
    expect(formatHours([{ startMinute: 1200, endMinute: 1440 }])).toBe("20:00-24:00");
    expect(formatHours([])).toBe("");
  });

  it("round-trips: what it writes reads back to the same ranges", () => {
    for (const text of ["9-12:30, 13:30-17", "0-24", "", "18:45-19:15; 7-8"]) {
      const first = ranges(text);
      expect(ranges(formatHours(first))).toEqual(first);
    }
  });
});
