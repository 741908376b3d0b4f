import type { InstrumentDefinition } from "../instruments/instrument-definition.ts";
import { isSafetyScreen } from "./measure-wording.ts";
import { isPositiveScreen, type MeasureOutcome } from "./score-measure.ts";

/**
 * The order of a client's measures for their therapist: a positive screen for harm first (it asks
 * for action), then a screen still waiting (so it is not forgotten under newer questionnaires), then
 * the rest as they came (newest first). Stable: within each group the given order is kept.
 */
export function orderForTherapist<T extends { definition: InstrumentDefinition; outcome: MeasureOutcome }>(
  measures: readonly T[],
): T[] {
  const rank = (m: T) =>
    isPositiveScreen(m.outcome) ? 0 : isSafetyScreen(m.definition) && m.outcome.kind === "unanswered" ? 1 : 2;
  return measures
    .map((m, index) => ({ m, index }))
    .sort((a, b) => rank(a.m) - rank(b.m) || a.index - b.index)
    .map(({ m }) => m);
}
