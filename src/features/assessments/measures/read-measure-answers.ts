import type { InstrumentDefinition } from "../instruments/instrument-definition.ts";
import { itemRange } from "../instruments/instrument-definition.ts";
import type { Answers } from "../instruments/score-instrument.ts";

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
};

/**
 * Answers from a submitted form. Each item may be answered or skipped on purpose; anything else (a
 * value outside the scale, an edited form) is named beside the question instead of being stored.
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
  const problem =
    Object.keys(errors).length > 0
      ? "Some questions still need an answer. They are marked below."
      : answeredAny
        ? undefined
        : "Every question is skipped. Answer at least one, or come back to this later.";
  return { answers, chosen, errors, ...(problem ? { problem } : {}) };
}
