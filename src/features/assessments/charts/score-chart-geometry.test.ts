import { describe, expect, it } from "vitest";
import { scoreChart, scoreChartGeometry, scorePath } from "./score-chart-geometry.ts";

const day = (n: number) => new Date(Date.UTC(2026, 10, 2 + n));
const checkIn = { min: 0, max: 4 };

describe("scoreChartGeometry", () => {
  it("spans the answers across the plot and the whole scale up it", () => {
    const g = scoreChartGeometry(
      [
        [
          { at: day(0), score: 0 },
          { at: day(14), score: 4 },
        ],
      ],
      checkIn,
    );
    const [line] = g.lines;
    expect(line?.[0]).toMatchObject({ x: scoreChart.left, y: g.baseline });
    expect(line?.[1]).toMatchObject({ x: scoreChart.width - scoreChart.right, y: scoreChart.top });
    expect(g.valueTicks.map((t) => t.value)).toEqual([0, 2, 4]);
    expect(scorePath(line ?? [])).toBe(`M 48 ${g.baseline} L 624 16`);
  });

  it("puts two people's answers on one time scale", () => {
    const g = scoreChartGeometry(
      [
        [{ at: day(0), score: 2 }],
        [
          { at: day(7), score: 2 },
          { at: day(14), score: 3 },
        ],
      ],
      checkIn,
    );
    expect(g.lines[0]?.[0]?.x).toBe(48);
    expect(g.lines[1]?.[0]?.x).toBe(336);
    expect(g.lines[1]?.[1]?.x).toBe(624);
    expect(g.lines[0]?.[0]?.y).toBe(g.lines[1]?.[0]?.y);
  });

  it("centres a single answer in a week-wide span", () => {
    const g = scoreChartGeometry([[{ at: day(3), score: 1 }]], checkIn);
    expect(g.lines[0]?.[0]?.x).toBe(336);
    expect(g.timeTicks).toHaveLength(1);
  });

  it("draws a cut-off inside the scale and none outside it", () => {
    const csi4 = { min: 0, max: 21 };
    const points = [[{ at: day(0), score: 10 }]];
    expect(scoreChartGeometry(points, csi4, 13.5).cutOffY).toBeCloseTo(220 - (13.5 / 21) * 204, 1);
    expect(scoreChartGeometry(points, csi4, 30).cutOffY).toBeUndefined();
    expect(scoreChartGeometry(points, csi4).cutOffY).toBeUndefined();
  });

  it("has nothing to place without answers", () => {
    const g = scoreChartGeometry([[], []], checkIn);
    expect(g.lines).toEqual([[], []]);
    expect(g.timeTicks).toEqual([]);
  });
});
