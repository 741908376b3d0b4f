/**
 * Words in a client's free text about control: tracking, checking, threatening, punishing, keeping
 * someone from people or money (DOMAIN.md §4: coercive control makes couples work unsafe). Whoever
 * writes them, about a partner or about themselves, gets the same response as crisis words: help at
 * once (help-now lists lines for people who are controlled and for people who control), and a
 * content-free alert to their therapist. Never a block, never a change to what is saved.
 *
 * Each pattern is a regular expression over normalised text (letters, apostrophes and hyphens, single
 * spaces, lower case), matched from a word's start. They are strings so that the browser compiles the
 * very same patterns (enhance.ts): with or without JavaScript the answer is the same.
 */
const whose = "(my|his|her|their|your)";
const patterns: readonly string[] = [
  `(check|checks|checked|checking|go through|goes through|went through|going through) ${whose} (phone|messages|texts|emails?)`,
  `(read|reads|reading|track|tracks|tracked|tracking|monitor|monitors|monitored|monitoring) ${whose} (phone|messages|texts|emails|location|car|spending)`,
  `(control|controls|controlled|controlling) ${whose} (money|phone|spending|friends)`,
  `(take|takes|took|taking|hide|hides|hid|hiding) ${whose} (phone|keys|car keys|passport|money)`,
  // "Me" only where "you" or "him" would catch everyday phrases ("I won't let you down").
  "(won'?t|doesn'?t|didn'?t|never) lets? me",
  "(follows|followed|following|locked|locks) me ",
  "(punish|punishes|punished|punishing|isolate|isolates|isolated|isolating) (me|him|her|them|you) ",
  "threat(en|ens|ened|ening|s)?",
  "not allowed (to see|to go|out)",
  "(keeps|kept|keep) me from seeing",
  "(make|makes|made) me pay for",
  "(scared|afraid) of what (he|she)",
];

const compiled = patterns.map((pattern) => new RegExp(` ${pattern}`));

function normalise(text: string): string {
  return ` ${text
    .toLowerCase()
    .replace(/[’‘]/g, "'")
    .replace(/[^a-z'-]+/g, " ")
    .trim()} `;
}

export function containsControlWords(text: string): boolean {
  const normalised = normalise(text);
  return compiled.some((pattern) => pattern.test(normalised));
}

/** The patterns, for the browser's own check in the client space. */
export const controlPatterns: readonly string[] = patterns;
