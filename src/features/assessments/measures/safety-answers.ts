import type { InstrumentDefinition } from "../instruments/instrument-definition.ts";
import type { Answers } from "../instruments/score-instrument.ts";

/**
 * The safety questions inside a questionnaire (the check-in's question about thoughts of suicide,
 * self-harm or harming someone; DOMAIN.md §4). Pure, so every place that must treat them apart —
 * the answer's response, the therapist's notice, the export, the charts — asks the same way.
 */
export function saidYesToSafety(definition: InstrumentDefinition, answers: Answers | null): boolean {
  return definition.safetyItems.some((itemId) => answers?.[itemId] === 1);
}

/** The answers without the safety questions: what may be shown again, exported or charted. */
export function withoutSafetyAnswers(definition: InstrumentDefinition, answers: Answers): Answers {
  return Object.fromEntries(
    Object.entries(answers).filter(([itemId]) => !definition.safetyItems.includes(itemId)),
  );
}
