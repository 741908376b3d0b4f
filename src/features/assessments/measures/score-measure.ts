import type { InstrumentDefinition } from "../instruments/instrument-definition.ts";
import { type InstrumentScore, scoreInstrument } from "../instruments/score-instrument.ts";
import type { MeasureAssignment } from "./measure-assignments.ts";
import { isExampleWording } from "./measure-wording.ts";

/** What can be said about one measure's answers. */
export type MeasureOutcome =
  | { kind: "unanswered" }
  /** A screen for harm the client chose not to answer: no score, and never read as "negative". */
  | { kind: "declined" }
  | { kind: "scored"; score: InstrumentScore }
  /** Answers to placeholder wording (the demo's): stand-in questions, so no score exists for them. */
  | { kind: "example-wording" }
  /** Stored answers the current definition cannot score (a corrected or broken definition). */
  | { kind: "unscorable" };

/**
 * Scores a measure without letting one bad definition or stored answer take the whole page down:
 * scoring throws on answers outside the definition, and the page shows "could not be scored" for this
 * measure alone. Answers given to placeholder wording are never scored: the wording recorded with
 * them decides, so a score cannot appear for them whatever pack is loaded later.
 */
export function scoreMeasure(
  definition: InstrumentDefinition,
  measure: Pick<MeasureAssignment, "answeredAt" | "answers" | "declined"> &
    Partial<Pick<MeasureAssignment, "wording">>,
): MeasureOutcome {
  if (measure.answeredAt === null || !measure.answers) return { kind: "unanswered" };
  if (measure.declined) return { kind: "declined" };
  if (isExampleWording(measure.wording)) return { kind: "example-wording" };
  try {
    return { kind: "scored", score: scoreInstrument(definition, measure.answers) };
  } catch {
    return { kind: "unscorable" };
  }
}

/** A screen for harm whose answers came out positive: the therapist is flagged (DOMAIN.md §4). */
export const isPositiveScreen = (outcome: MeasureOutcome): boolean =>
  outcome.kind === "scored" &&
  outcome.score.overall.kind === "screen" &&
  outcome.score.overall.result === "positive";
