import type { InstrumentDefinition } from "../instruments/instrument-definition.ts";
import type { Answers } from "../instruments/score-instrument.ts";
import type { MeasureWording } from "./measure-wording.ts";

export type AnswerLine = { question: string; answer: string };

/** Said for a question the person left with "I'd rather not say". */
export const skippedAnswer = "I’d rather not say";

/**
 * Each question with the answer given, in words a person can read. The wording may be missing (a
 * published measure whose pack was taken away): the question is then named by its number, and the
 * answer by its number on the scale. A safety question inside a questionnaire is left out unless `which`
 * asks for the safety questions alone (the therapist's record; never a page or file the client opens).
 */
export function answerLines(
  definition: InstrumentDefinition,
  wording: MeasureWording | undefined,
  answers: Answers,
  which: "shown-again" | "safety-only" = "shown-again",
): AnswerLine[] {
  const isSafety = (itemId: string) => definition.safetyItems.includes(itemId);
  const lines = definition.items.map((itemId, index) => {
    const item = wording?.items.find((i) => i.id === itemId);
    const value = answers[itemId];
    const label = item?.options.find((option) => option.value === value)?.label;
    // Yes and no are said plainly (a pack's labels may reword them); on a scale the number helps read
    // the score beside it.
    const answer =
      value === undefined
        ? skippedAnswer
        : definition.responseScale.kind === "yes-no"
          ? value === 1
            ? "Yes"
            : "No"
          : !label || label === String(value)
            ? String(value)
            : `${label} (${value})`;
    return { itemId, question: `${index + 1}. ${item?.text ?? `Question ${index + 1}`}`, answer };
  });
  return lines
    .filter((line) => (which === "safety-only" ? isSafety(line.itemId) : !isSafety(line.itemId)))
    .map(({ question, answer }) => ({ question, answer }));
}
