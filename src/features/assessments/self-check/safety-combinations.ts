import type { SafetyAnswer } from "./self-check-answers.ts";
import { type SafetyQuestionId, safetyQuestions } from "./self-check-questions.ts";

// For tests: the self-check's safety answers enumerated, so tables can cover every case.
const values: SafetyAnswer[] = ["yes", "no", "skip"];

/** Every way the safety questions can be answered (3 ^ 7), each also with and without crisis words typed. */
export function everySafetyCombination(): {
  safety: Record<SafetyQuestionId, SafetyAnswer>;
  crisisWords: boolean;
}[] {
  let combinations: Record<string, SafetyAnswer>[] = [{}];
  for (const { id } of safetyQuestions) {
    combinations = combinations.flatMap((partial) => values.map((value) => ({ ...partial, [id]: value })));
  }
  return combinations.flatMap((safety) =>
    [false, true].map((crisisWords) => ({
      safety: safety as Record<SafetyQuestionId, SafetyAnswer>,
      crisisWords,
    })),
  );
}
