import type { InstrumentDefinition } from "../instruments/instrument-definition.ts";
import type { MeasureAssignment } from "../measures/measure-assignments.ts";
import { scoreMeasure } from "../measures/score-measure.ts";

/**
 * A person's scores on one measure over time, for its chart. Pure. Only a measure with one overall score
 * (a total) is charted: a dimensional measure (ECR-R) has two, and a screen for harm is never charted.
 * The score comes from the subscales alone, so a safety question inside a questionnaire never reaches it.
 */
export type ScorePoint = { at: Date; score: number };
export type ScaleRange = { min: number; max: number };

export const isChartable = (definition: InstrumentDefinition) => definition.overall.kind === "total";

export function scoreSeries(
  definition: InstrumentDefinition,
  measures: readonly MeasureAssignment[],
): { points: ScorePoint[]; range: ScaleRange | undefined } {
  const points: ScorePoint[] = [];
  let range: ScaleRange | undefined;
  for (const measure of measures) {
    if (measure.instrumentId !== definition.id || measure.answeredAt === null) continue;
    const outcome = scoreMeasure(definition, measure);
    if (outcome.kind !== "scored" || outcome.score.overall.kind !== "total") continue;
    const { score, subscale } = outcome.score.overall;
    const scale = outcome.score.subscales.find((s) => s.id === subscale);
    if (score === null || !scale) continue;
    range = { min: scale.min, max: scale.max };
    points.push({ at: measure.answeredAt, score });
  }
  points.sort((a, b) => a.at.getTime() - b.at.getTime());
  return { points, range };
}
