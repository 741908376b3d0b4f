import { containsCrisisWords } from "../assessments/self-check/crisis-words.ts";
import { containsControlWords } from "../safety/control-words.ts";

/**
 * Words about violence, threats, fear or sexual harm. Where any appear the coach says nothing at all
 * (record 048): someone describing being hit or frightened must never be told to soften their words.
 * Crisis words and words about control get the safety response on every post (features/safety); this
 * wider list only keeps the coach quiet. Broad on purpose: a missed suggestion costs nothing.
 */
const harmPatterns: readonly string[] = [
  "(hit|hits|hitting|punch\\w*|slap\\w*|kick\\w*|shov\\w*|chok\\w*|strangl\\w*|beat|beats|beaten|beating) (me|him|her|them|you|us|the)",
  "(pushed|grabbed|pinned|restrained|threw|throws|thrown|locked) (me|him|her|them|you|us|things)",
  "violen(t|ce)",
  "abus(e|ed|es|ing|ive)",
  "(weapon|knife|knives|gun|guns)",
  "(afraid|scared|frightened|terrified|fear|fearful|unsafe)",
  "(rape|raped|raping|sexual|sexually|assault\\w*|molest\\w*|forced me|force me|made me have sex)",
  "(kill|harm) (me|myself|him|her|them|you|us)",
  "(threat\\w*|intimidat\\w*)",
];

const compiled = harmPatterns.map((pattern) => new RegExp(`(^|[^a-z'])${pattern}`, "i"));

/** Whether the coach must stay silent on this text, because it may be about harm or danger. */
export function coachMustBeSilent(text: string): boolean {
  return (
    containsCrisisWords(text) || containsControlWords(text) || compiled.some((pattern) => pattern.test(text))
  );
}
