import type { MeasureOutcome } from "../../assessments/measures/score-measure.ts";
import type { ScoreSummary } from "./build-timeline.ts";

/** A measure's outcome as the timeline says it: the total or the screen's result, and any cut-off passed. */
export function scoreSummary(outcome: MeasureOutcome): ScoreSummary {
  if (outcome.kind === "declined") return { kind: "declined" };
  if (outcome.kind !== "scored") return { kind: "none" };
  const { overall, cutOffs } = outcome.score;
  const pastCutOff = cutOffs.some((cutOff) => cutOff.met === true);
  if (overall.kind === "screen") return { kind: "screen", result: overall.result };
  if (overall.kind === "total") return { kind: "total", score: overall.score, pastCutOff };
  return { kind: "dimensional", pastCutOff };
}
