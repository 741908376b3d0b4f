import type { WeekSummary } from "./weekly-summary.ts";

/**
 * The weekly chart as numbers: a bar per week for how many moments (left scale), and a dot per week for
 * how strong on average (right scale, 0 to 10), joined where weeks follow each other. No markup here.
 */
export const chart = { width: 640, height: 280, left: 44, right: 44, top: 16, bottom: 44 } as const;
const plotWidth = chart.width - chart.left - chart.right;
const plotHeight = chart.height - chart.top - chart.bottom;
const baseline = chart.top + plotHeight;

export type Bar = { x: number; y: number; width: number; height: number };
export type Dot = { x: number; y: number };
export type ChartGeometry = {
  bars: Bar[];
  /** One path per run of weeks that have a mean; a week without moments breaks the line. */
  meanLines: Dot[][];
  /** Where each week's label sits, under its bar. */
  labelX: number[];
  countTicks: { y: number; value: number }[];
  strengthTicks: { y: number; value: number }[];
  baseline: number;
};

/** A count scale's top: at least 4, and a whole number the ticks divide evenly. */
export function countScaleTop(maxCount: number): number {
  const top = Math.max(4, maxCount);
  return top % 2 === 0 ? top : top + 1;
}

/** Coordinates to a tenth of a unit: enough for a 640-wide drawing, and a page a few bytes lighter. */
const tenth = (n: number) => Math.round(n * 10) / 10;

export function chartGeometry(weeks: readonly WeekSummary[]): ChartGeometry {
  const slot = plotWidth / Math.max(1, weeks.length);
  const barWidth = slot * 0.6;
  const top = countScaleTop(Math.max(0, ...weeks.map((w) => w.count)));
  const yForCount = (count: number) => baseline - (count / top) * plotHeight;
  const yForStrength = (strength: number) => baseline - (strength / 10) * plotHeight;
  const centre = (i: number) => chart.left + slot * i + slot / 2;
  const bars = weeks.map((week, i) => ({
    x: tenth(centre(i) - barWidth / 2),
    y: tenth(yForCount(week.count)),
    width: tenth(barWidth),
    height: tenth(baseline - yForCount(week.count)),
  }));
  const meanLines: Dot[][] = [];
  let run: Dot[] = [];
  weeks.forEach((week, i) => {
    if (week.meanStrength === null) {
      if (run.length > 0) meanLines.push(run);
      run = [];
      return;
    }
    run.push({ x: tenth(centre(i)), y: tenth(yForStrength(week.meanStrength)) });
  });
  if (run.length > 0) meanLines.push(run);
  return {
    bars,
    meanLines,
    labelX: weeks.map((_, i) => tenth(centre(i))),
    countTicks: [0, top / 2, top].map((value) => ({ y: tenth(yForCount(value)), value })),
    strengthTicks: [0, 5, 10].map((value) => ({ y: tenth(yForStrength(value)), value })),
    baseline,
  };
}

/** A run of dots as an SVG path (a single dot is drawn as a dot, not a path). */
export const linePath = (dots: readonly Dot[]) =>
  dots.map((dot, i) => `${i === 0 ? "M" : "L"} ${dot.x.toFixed(1)} ${dot.y.toFixed(1)}`).join(" ");
