import type { SelfCheckAnswers } from "./self-check-answers.ts";

/**
 * The parts of the result page, most urgent first:
 * - "crisis": thoughts of ending one's life, hurting oneself or hurting someone (or such words typed);
 * - "afraid": fear of the partner, being hurt, forced sex or control;
 * - "own-behaviour": having hurt or frightened one's partner;
 * - "reflection": the reflection itself, shown only when nothing above puts safety first.
 */
export type ResultSection = "crisis" | "afraid" | "own-behaviour" | "reflection";

/** The order the page shows sections in: the most urgent first. */
export const sectionOrder: readonly ResultSection[] = ["crisis", "afraid", "own-behaviour", "reflection"];

export type Recommendation = {
  /** Which consultation the result offers: safety first and individual both mean an individual one. */
  kind: "couple" | "individual" | "safety-first";
  /** Help the person needs to see first, whatever else they answered. */
  help: {
    crisis: boolean;
    domesticAbuse: boolean;
    forPeopleWhoUseAbuse: boolean;
  };
  /** What the result page shows, in this order (a subsequence of sectionOrder). */
  sections: ResultSection[];
};

/**
 * Pure: the self-check's recommendation. Any "yes" to fear, harm, forced sex or control means safety
 * first (an individual consultation, and help now); thoughts of suicide, self-harm or harming someone
 * mean crisis help first, in words about that; saying one has hurt one's partner is met without
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
  const applies: Record<ResultSection, boolean> = {
    crisis: help.crisis,
    afraid: help.domesticAbuse,
    "own-behaviour": help.forPeopleWhoUseAbuse,
    reflection: !help.crisis && !help.domesticAbuse,
  };
  const sections = sectionOrder.filter((section) => applies[section]);
  if (abuse || help.crisis) return { kind: "safety-first", help, sections };
  if (help.forPeopleWhoUseAbuse) return { kind: "individual", help, sections };
  const { part, together } = answers.reflection;
  if (part === "old-wound" || together === "no") return { kind: "individual", help, sections };
  return { kind: "couple", help, sections };
}
