import { describe, expect, it } from "vitest";
import { chart, chartGeometry, countScaleTop, linePath } from "./chart-geometry.ts";
import { weeklySummary } from "./weekly-summary.ts";

const at = (iso: string) => new Date(iso);
// Monday 7 December 2026, in London.
const now = at("2026-12-07T10:00:00Z");

describe("the trigger log's weeks", () => {
  it("counts moments and averages their strength per week, Monday to Sunday in the practice's zone", () => {
    const weeks = weeklySummary(
      [
        { at: at("2026-12-07T08:00:00Z"), strength: 6 },
        { at: at("2026-12-06T23:30:00Z"), strength: 2 }, // Sunday night: last week
        { at: at("2026-11-30T09:00:00Z"), strength: 5 },
        { at: at("2026-09-01T09:00:00Z"), strength: 9 }, // more than 12 weeks ago: not shown
      ],
      now,
      "Europe/London",
    );
    expect(weeks).toHaveLength(12);
    expect(weeks.at(-1)).toEqual({ weekStart: "2026-12-07", count: 1, meanStrength: 6 });
    expect(weeks.at(-2)).toEqual({ weekStart: "2026-11-30", count: 2, meanStrength: 3.5 });
    expect(weeks[0]?.weekStart).toBe("2026-09-21");
    expect(weeks.slice(0, 10).every((w) => w.count === 0 && w.meanStrength === null)).toBe(true);
  });

  it("puts a moment in the week of its local date, not of UTC", () => {
    // 00:30 on Monday in Sydney is still Sunday in UTC.
    const [week] = weeklySummary(
      [{ at: at("2026-12-06T13:30:00Z"), strength: 4 }],
      now,
      "Australia/Sydney",
      1,
    );
    expect(week).toEqual({ weekStart: "2026-12-07", count: 1, meanStrength: 4 });
  });

  it("leaves out a moment dated after today", () => {
    const weeks = weeklySummary([{ at: at("2026-12-20T09:00:00Z"), strength: 4 }], now, "Europe/London");
    expect(weeks.every((w) => w.count === 0)).toBe(true);
  });
});

describe("the weekly chart's geometry", () => {
  const weeks = [
    { weekStart: "2026-11-16", count: 0, meanStrength: null },
    { weekStart: "2026-11-23", count: 3, meanStrength: 4 },
    { weekStart: "2026-11-30", count: 6, meanStrength: 10 },
    { weekStart: "2026-12-07", count: 0, meanStrength: null },
  ];

  it("draws bars inside the plot, as tall as their counts, on one baseline", () => {
    const g = chartGeometry(weeks);
    expect(g.bars).toHaveLength(4);
    for (const bar of g.bars) {
      expect(bar.x).toBeGreaterThanOrEqual(chart.left);
      expect(bar.x + bar.width).toBeLessThanOrEqual(chart.width - chart.right);
      expect(bar.y + bar.height).toBeCloseTo(g.baseline);
      expect(bar.y).toBeGreaterThanOrEqual(chart.top);
    }
    expect(g.bars[0]?.height).toBe(0);
    expect(g.bars[2]?.height).toBeCloseTo(2 * (g.bars[1]?.height ?? 0));
    expect(g.bars[2]?.y).toBeCloseTo(chart.top);
  });

  it("joins the weekly means only across weeks that have moments, on a 0–10 scale", () => {
    const g = chartGeometry(weeks);
    expect(g.meanLines).toHaveLength(1);
    const [line] = g.meanLines;
    expect(line).toHaveLength(2);
    expect(line?.[1]?.y).toBeCloseTo(chart.top);
    expect(linePath(line ?? [])).toMatch(/^M [\d.]+ [\d.]+ L [\d.]+ [\d.]+$/);
    const broken = chartGeometry([weeks[1], weeks[0], weeks[2]].filter((w) => w !== undefined));
    expect(broken.meanLines).toHaveLength(2);
  });

  it("keeps the count scale a whole, even number of at least four", () => {
    expect([0, 1, 4, 5, 9, 10].map(countScaleTop)).toEqual([4, 4, 4, 6, 10, 10]);
  });
});
