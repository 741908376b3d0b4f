import { describe, expect, it } from "vitest";
import { containsControlWords } from "./control-words.ts";

// Control is a safety matter, whoever writes about it (DOMAIN.md §4): about a partner or about oneself.
const marked = [
  "He checks my phone every night.",
  "I check her phone when she is asleep.",
  "She went through my messages again",
  "he TRACKS MY LOCATION",
  "He controls my money.",
  "She took my passport.",
  "He won’t let me see my sister.",
  "She punished me for days by not speaking.",
  "He threatened to take the children.",
  "I threaten to leave when I feel ignored",
  "I'm not allowed to see my friends.",
  "He followed me to work.",
];
const unmarked = [
  "I go quiet and leave the room.",
  "I check the time and feel my chest go tight.",
  "I won't let you down this time.",
  "I'm following your advice about breathing.",
  "I read your message and felt close to you.",
  "We keep a shared calendar on my phone.",
  "I want to matter to you.",
];

describe("words about control", () => {
  for (const text of marked) it(`marks “${text}”`, () => expect(containsControlWords(text)).toBe(true));
  for (const text of unmarked)
    it(`leaves “${text}” alone`, () => expect(containsControlWords(text)).toBe(false));
});
