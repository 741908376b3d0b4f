import type { SelfCheckAnswers } from "./self-check-answers.ts";

export type Recommendation = {
  /** What the result page leads with. */
  kind: "couple" | "individual" | "safety-first";
  /** Help the person needs to see first, whatever else they answered. */
  help: {
    crisis: boolean;
    domesticAbuse: boolean;
    forPeopleWhoUseAbuse: boolean;
  };
};

/**
 * Pure: the self-check's recommendation. Any "yes" to fear, harm, forced sex or control means safety
 * first (an individual consultation, and help now); saying one has hurt one's partner is met without
 * shame, with help for people who use abuse. "No" to everything never clears anyone for couples work:
 * the consultation itself includes a private conversation about safety.
 */
export function recommend(
  answers: SelfCheckAnswers,
  typed: { crisisWords: boolean } = { crisisWords: false },
): Recommendation {
  const yes = (id: keyof SelfCheckAnswers["safety"]) => answers.safety[id] === "yes";
  const abuse = yes("afraid") || yes("hurt") || yes("forced") || yes("control");
  const help = {
    // Crisis words typed in the free text count as a "yes": help first, never a couples booking.
    crisis: yes("suicide") || yes("harmOthers") || typed.crisisWords,
    domesticAbuse: abuse,
    forPeopleWhoUseAbuse: yes("usedAbuse"),
  };
  if (abuse || help.crisis) return { kind: "safety-first", help };
  if (help.forPeopleWhoUseAbuse) return { kind: "individual", help };
  const { part, together } = answers.reflection;
  if (part === "old-wound" || together === "no") return { kind: "individual", help };
  return { kind: "couple", help };
}
