/**
 * The choices a partner can tick for their side of the cycle, each in two wordings: the first person
 * on their own form ("I go quiet"), and as a move in the loop both partners see ("goes quiet").
 * Moves, not labels: nothing here names a kind of person. Control (tracking, checking, threatening,
 * punishing) is never offered as a move or a need — cycle-choices.test.ts reads every wording.
 * These are words, kept with their ids as data, as instrument definitions keep their facts.
 */
export type Choice = { id: string; mine: string; seen: string };

const same = (id: string, words: string): Choice => ({ id, mine: words, seen: words });

export const moveChoices: readonly Choice[] = [
  { id: "push-to-talk", mine: "I push to talk it through, now", seen: "pushes to talk it through" },
  { id: "raise-voice", mine: "I raise my voice", seen: "raises their voice" },
  { id: "criticise", mine: "I criticise or complain", seen: "criticises or complains" },
  { id: "bring-it-up", mine: "I keep bringing it up", seen: "keeps bringing it up" },
  { id: "sarcasm", mine: "I turn sharp or sarcastic", seen: "turns sharp or sarcastic" },
  { id: "go-quiet", mine: "I go quiet", seen: "goes quiet" },
  { id: "leave-room", mine: "I leave the room", seen: "leaves the room" },
  { id: "shut-down", mine: "I shut down inside", seen: "shuts down inside" },
  { id: "get-busy", mine: "I get busy with something else", seen: "gets busy with something else" },
  { id: "explain", mine: "I defend myself or explain", seen: "defends or explains" },
  { id: "make-light", mine: "I make light of it", seen: "makes light of it" },
  { id: "give-in", mine: "I give in to keep the peace", seen: "gives in to keep the peace" },
  { id: "cry", mine: "I cry", seen: "cries" },
];

export const surfaceChoices: readonly Choice[] = [
  same("angry", "angry"),
  same("frustrated", "frustrated"),
  same("irritated", "irritated"),
  same("on-edge", "on edge"),
  same("numb", "numb"),
  same("cold", "cold or distant"),
  same("calm-outside", "calm on the outside"),
  same("fed-up", "fed up"),
];

export const underneathChoices: readonly Choice[] = [
  same("afraid", "afraid"),
  same("hurt", "hurt"),
  same("lonely", "lonely"),
  same("ashamed", "ashamed"),
  same("unimportant", "unimportant"),
  same("not-good-enough", "not good enough"),
  same("overwhelmed", "overwhelmed"),
  same("helpless", "helpless"),
  same("sad", "sad"),
  same("rejected", "rejected"),
  same("unwanted", "unwanted"),
];

export const longingChoices: readonly Choice[] = [
  same("to-matter", "to matter"),
  same("reassured", "to be reassured"),
  same("accepted", "to be accepted"),
  same("enough", "to be enough"),
  same("close", "to be close"),
  same("comforted", "to be comforted"),
  same("understood", "to be understood"),
  same("safe", "to feel safe"),
  same("wanted", "to be wanted"),
  same("calm", "some calm between us"),
];

/** Every list, by the part of a side it belongs to. */
export const choicesFor = {
  moves: moveChoices,
  surface: surfaceChoices,
  underneath: underneathChoices,
  longing: longingChoices,
} as const;

export type ChoicePart = keyof typeof choicesFor;

/** The wordings of the chosen ids, in the list's order; an id no longer offered is left out. */
export function chosen(part: ChoicePart, ids: readonly string[], wording: "mine" | "seen"): string[] {
  return choicesFor[part].filter((choice) => ids.includes(choice.id)).map((choice) => choice[wording]);
}
