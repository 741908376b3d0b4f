import type { Recommendation } from "./recommend.ts";
import type { SelfCheckAnswers } from "./self-check-answers.ts";
import { reflectionSteps } from "./self-check-questions.ts";

/**
 * What a person may choose to share with the therapist from their self-check: the reflection in their
 * own choices' words, whether the result was "safety first" (so the therapist reads that first), and
 * whether they said they have hurt their partner. The individual safety answers are never part of it.
 */
export type ReflectionSummary = {
  safetyFirst: boolean;
  /** They said they have hurt or frightened their partner (DOMAIN.md §4: the therapist is flagged privately). */
  hurtPartner: boolean;
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
  return {
    safetyFirst: recommendation.kind === "safety-first",
    hurtPartner: recommendation.help.forPeopleWhoUseAbuse,
    recommended: recommendation.kind,
    lines,
  };
}
