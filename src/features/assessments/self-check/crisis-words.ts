/**
 * Words in free text that mean someone may be in danger now. Finding one shows help at once; it never
 * blocks what they are doing and never sends anything anywhere. Deliberately broad: showing help to
 * someone who did not need it costs little; missing someone who did costs a great deal.
 */
const phrases = [
  "kill myself",
  "killing myself",
  "hang myself",
  "end it all",
  "ending it all",
  "don't want to be here",
  "dont want to be here",
  "not want to live",
  "end my life",
  "ending my life",
  "take my life",
  "take my own life",
  "suicide",
  "suicidal",
  "want to die",
  "better off dead",
  "better off without me",
  "no reason to live",
  "hurt myself",
  "harm myself",
  "self harm",
  "self-harm",
  "cut myself",
  "overdose",
  "kill him",
  "kill her",
  "kill them",
  "he will kill me",
  "she will kill me",
  "going to kill me",
  "afraid for my life",
  "scared for my life",
];

/** Letters only, single spaces, lower case, curly apostrophes straightened: "Kill  MYSELF!" → "kill myself". */
function normalise(text: string): string {
  return ` ${text
    .toLowerCase()
    .replace(/[’‘]/g, "'")
    .replace(/[^a-z'-]+/g, " ")
    .trim()} `;
}

export function containsCrisisWords(text: string): boolean {
  const normalised = normalise(text);
  return phrases.some((phrase) => normalised.includes(` ${phrase} `) || normalised.includes(` ${phrase}`));
}

/** The list, for the browser's own check (the same words, so with or without JavaScript the answer is the same). */
export const crisisPhrases: readonly string[] = phrases;
