import { reflectionSteps, type SafetyQuestionId, safetyQuestions } from "./self-check-questions.ts";

export type SafetyAnswer = "yes" | "no" | "skip";
export type SelfCheckAnswers = {
  reflection: Record<string, string | string[]>;
  private: "yes" | "no" | undefined;
  safety: Partial<Record<SafetyQuestionId, SafetyAnswer>>;
};

const asList = (value: unknown): string[] =>
  (Array.isArray(value) ? value : [value]).filter((v): v is string => typeof v === "string");

/**
 * What a posted self-check form holds, keeping only values the questions offer (anything else is
 * dropped, never echoed back). Free text is trimmed and capped.
 */
export function readAnswers(body: unknown): SelfCheckAnswers {
  const form = (body ?? {}) as Record<string, unknown>;
  const reflection: Record<string, string | string[]> = {};
  for (const step of reflectionSteps) {
    for (const question of step.questions) {
      const raw = asList(form[question.id]);
      if (question.kind === "text") {
        const text = (raw[0] ?? "").trim().slice(0, 1000);
        if (text) reflection[question.id] = text;
      } else {
        const allowed = new Set(question.choices.map((c) => c.value));
        const chosen = raw.filter((v) => allowed.has(v));
        if (question.kind === "one" && chosen[0]) reflection[question.id] = chosen[0];
        if (question.kind === "many" && chosen.length > 0) reflection[question.id] = chosen;
      }
    }
  }
  const privateAnswer = asList(form.private)[0];
  const safety: SelfCheckAnswers["safety"] = {};
  for (const { id } of safetyQuestions) {
    const answer = asList(form[`safety-${id}`])[0];
    if (answer === "yes" || answer === "no" || answer === "skip") safety[id] = answer;
  }
  return {
    reflection,
    private: privateAnswer === "yes" || privateAnswer === "no" ? privateAnswer : undefined,
    safety,
  };
}
