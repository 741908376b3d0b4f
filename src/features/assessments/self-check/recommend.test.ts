import { describe, expect, it } from "vitest";
import { type ResultSection, recommend } from "./recommend.ts";
import { everySafetyCombination } from "./safety-combinations.ts";
import type { SafetyAnswer, SelfCheckAnswers } from "./self-check-answers.ts";
import { type SafetyQuestionId, safetyQuestions } from "./self-check-questions.ts";

/**
 * The rules, written out again independently of recommend(): crisis before fear of the partner,
 * before one's own behaviour; the reflection only when neither crisis nor fear applies.
 */
function expectedSections(
  safety: Record<SafetyQuestionId, SafetyAnswer>,
  crisisWords: boolean,
): ResultSection[] {
  const expected: ResultSection[] = [];
  const crisis = safety.suicide === "yes" || safety.harmOthers === "yes" || crisisWords;
  const afraid = ["afraid", "hurt", "forced", "control"].some(
    (id) => safety[id as SafetyQuestionId] === "yes",
  );
  if (crisis) expected.push("crisis");
  if (afraid) expected.push("afraid");
  if (safety.usedAbuse === "yes") expected.push("own-behaviour");
  if (!crisis && !afraid) expected.push("reflection");
  return expected;
}

const reflection = { moment: "betrayal", pattern: "blame-defend", part: "both", together: "yes" };
const answersWith = (safety: SelfCheckAnswers["safety"]): SelfCheckAnswers => ({
  reflection,
  private: "yes",
  safety,
});

describe("the result's sections for every combination of safety answers", () => {
  const combinations = everySafetyCombination();

  it("covers all 3^7 answers, with and without crisis words", () => {
    expect(combinations).toHaveLength(3 ** 7 * 2);
  });

  it("shows each section that applies, most urgent first", () => {
    for (const { safety, crisisWords } of combinations) {
      const label = `${JSON.stringify(safety)} crisisWords=${crisisWords}`;
      expect(recommend(answersWith(safety), { crisisWords }).sections, label).toEqual(
        expectedSections(safety, crisisWords),
      );
    }
  });

  it("never offers a couples consultation after any yes, or after crisis words", () => {
    for (const { safety, crisisWords } of combinations) {
      const anyYes = Object.values(safety).includes("yes") || crisisWords;
      if (!anyYes) continue;
      expect(recommend(answersWith(safety), { crisisWords }).kind, JSON.stringify(safety)).not.toBe("couple");
    }
  });

  it("gives crisis help for suicide, self-harm or harming others without the text about fear of a partner", () => {
    for (const id of ["suicide", "harmOthers"] as const) {
      const result = recommend(answersWith({ [id]: "yes" }));
      expect(result.sections).toEqual(["crisis"]);
      expect(result.help).toEqual({ crisis: true, domesticAbuse: false, forPeopleWhoUseAbuse: false });
    }
  });

  it("treats skipped questions as unanswered, never as a yes or as clearing anything", () => {
    const allSkipped = Object.fromEntries(safetyQuestions.map(({ id }) => [id, "skip"]));
    expect(recommend(answersWith(allSkipped)).sections).toEqual(["reflection"]);
  });
});
