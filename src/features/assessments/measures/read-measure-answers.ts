import type { InstrumentDefinition } from "../instruments/instrument-definition.ts";
import { itemRange } from "../instruments/instrument-definition.ts";
import type { Answers } from "../instruments/score-instrument.ts";
import { isSafetyScreen } from "./measure-wording.ts";

/** The form field that carries one item's answer. */
export const itemField = (itemId: string) => `item-${itemId}`;

/** The value a person chooses to leave a question unanswered ("I'd rather not say"). */
export const skipValue = "skip";

export type ReadAnswers = {
  answers: Answers;
  /** What the person typed or chose, to show again beside the question when something is wrong. */
  chosen: Record<string, string>;
  errors: Record<string, string>;
  /** Said at the top of the form when the form as a whole cannot be saved. */
  problem?: string;
  /** Every question of a screen for harm left with "I'd rather not say": saved as declined. */
  declined?: true;
};

/**
 * Answers from a submitted form. Each item may be answered or skipped on purpose; anything else (a
 * value outside the scale, an edited form) is named beside the question instead of being stored. A
 * screen for harm may be declined as a whole (DOMAIN.md §4: allow skipping); any other questionnaire
 * needs at least one answer to mean anything.
 */
export function readMeasureAnswers(definition: InstrumentDefinition, body: unknown): ReadAnswers {
  const fields = (body && typeof body === "object" ? body : {}) as Record<string, unknown>;
  const answers: Answers = {};
  const chosen: Record<string, string> = {};
  const errors: Record<string, string> = {};
  for (const itemId of definition.items) {
    const raw = fields[itemField(itemId)];
    const value = typeof raw === "string" ? raw.trim() : "";
    chosen[itemId] = value;
    if (value === skipValue) continue;
    const { min, max } = itemRange(definition, itemId);
    const number = /^\d{1,2}$/.test(value) ? Number(value) : Number.NaN;
    if (value === "") errors[itemId] = "Choose an answer, or “I’d rather not say”.";
    else if (!Number.isInteger(number) || number < min || number > max)
      errors[itemId] = "That answer is not one of the choices. Please choose again.";
    else answers[itemId] = number;
  }
  const answeredAny = Object.keys(answers).length > 0;
  if (Object.keys(errors).length > 0)
    return {
      answers,
      chosen,
      errors,
      problem: "Some questions still need an answer. They are marked below.",
    };
  if (answeredAny) return { answers, chosen, errors };
  if (isSafetyScreen(definition)) return { answers, chosen, errors, declined: true };
  return {
    answers,
    chosen,
    errors,
    problem: "Every question is skipped. Answer at least one, or come back to this later.",
  };
}
