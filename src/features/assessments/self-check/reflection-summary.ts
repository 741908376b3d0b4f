import type { Recommendation } from "./recommend.ts";
import type { SelfCheckAnswers } from "./self-check-answers.ts";
import { reflectionSteps } from "./self-check-questions.ts";

/**
 * What a person may choose to share with the therapist from their self-check: the reflection in their
 * own choices' words, and whether the result was "safety first" (so the therapist reads that first).
 * The safety answers themselves are never part of it.
 */
export type ReflectionSummary = {
  safetyFirst: boolean;
  recommended: Recommendation["kind"];
  lines: { question: string; answer: string }[];
};

export function reflectionSummary(
  answers: SelfCheckAnswers,
  recommendation: Recommendation,
): ReflectionSummary {
  const lines: ReflectionSummary["lines"] = [];
  for (const step of reflectionSteps) {
    for (const question of step.questions) {
      const value = answers.reflection[question.id];
      if (value === undefined) continue;
      const answer =
        question.kind === "text"
          ? String(value)
          : [value]
              .flat()
              .map((v) => question.choices.find((c) => c.value === v)?.label ?? "")
              .filter(Boolean)
              .join("; ");
      if (answer) lines.push({ question: question.legend, answer });
    }
  }
  return { safetyFirst: recommendation.kind === "safety-first", recommended: recommendation.kind, lines };
}
