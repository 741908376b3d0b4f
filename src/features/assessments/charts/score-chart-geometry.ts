import type { ScaleRange, ScorePoint } from "./score-series.ts";

/**
 * A measure's chart as numbers: time across (from the first answer to the last, at least a week), the
 * measure's whole scale up the side, one line per person and the cut-off as a level. No markup here, so
 * it is tested without a browser (score-chart-geometry.test.ts).
 */
export const scoreChart = { width: 640, height: 260, left: 48, right: 16, top: 16, bottom: 40 } as const;
const plotWidth = scoreChart.width - scoreChart.left - scoreChart.right;
const plotHeight = scoreChart.height - scoreChart.top - scoreChart.bottom;
const baseline = scoreChart.top + plotHeight;
const weekMs = 7 * 86_400_000;
const tenth = (n: number) => Math.round(n * 10) / 10;

export type PlacedPoint = { x: number; y: number; score: number; at: Date };
export type ScoreChartGeometry = {
  lines: PlacedPoint[][];
  cutOffY: number | undefined;
  valueTicks: { y: number; value: number }[];
  timeTicks: { x: number; at: Date }[];
  baseline: number;
};

export function scoreChartGeometry(
  series: readonly (readonly ScorePoint[])[],
  range: ScaleRange,
  cutOff?: number,
): ScoreChartGeometry {
  const times = series.flat().map((p) => p.at.getTime());
  const first = times.length > 0 ? Math.min(...times) : 0;
  const last = times.length > 0 ? Math.max(...times) : 0;
  // A single answer sits in the middle of a week-wide span rather than on an edge.
  const span = Math.max(last - first, weekMs);
  const start = last - first < weekMs ? first - (weekMs - (last - first)) / 2 : first;
  const x = (ms: number) => tenth(scoreChart.left + ((ms - start) / span) * plotWidth);
  const y = (value: number) => tenth(baseline - ((value - range.min) / (range.max - range.min)) * plotHeight);
  const middle = (range.min + range.max) / 2;
  return {
    lines: series.map((points) =>
      points.map((p) => ({ x: x(p.at.getTime()), y: y(p.score), score: p.score, at: p.at })),
    ),
    cutOffY: cutOff === undefined || cutOff < range.min || cutOff > range.max ? undefined : y(cutOff),
    valueTicks: [range.min, middle, range.max].map((value) => ({ y: y(value), value })),
    timeTicks:
      times.length === 0 ? [] : [...new Set([first, last])].map((ms) => ({ x: x(ms), at: new Date(ms) })),
    baseline,
  };
}

/** A person's line as an SVG path (a single answer is drawn as its marker alone). */
export const scorePath = (points: readonly PlacedPoint[]) =>
  points.map((p, i) => `${i === 0 ? "M" : "L"} ${p.x} ${p.y}`).join(" ");
