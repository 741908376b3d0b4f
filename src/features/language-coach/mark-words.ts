import { type CoachMode, type CoachRule, coachRules, type MarkKind } from "./coach-rules.ts";
import { coachMustBeSilent } from "./harm-words.ts";

/** One phrase the coach noticed: where it is in the text (UTF-16 offsets, end exclusive) and why. */
export type Mark = { start: number; end: number; ruleId: string; kind: MarkKind };

type Compiled = { rule: CoachRule; regex: RegExp };

const compiledByMode = new Map<CoachMode, Compiled[]>(
  (["hurt", "reply"] as const).map((mode) => [
    mode,
    coachRules
      .filter((rule) => rule.modes.includes(mode))
      // From a word's start: a letter or apostrophe before the phrase means it is inside a word.
      .map((rule) => ({ rule, regex: new RegExp(`(?<![a-z'])(?:${rule.pattern})`, "gi") })),
  ]),
);

/**
 * Stretches of quoted speech: what someone said, reported, is not the writer's own words ("when you
 * said ‘it wasn't that bad’ I …" is telling what happened). Double quotes, straight or curly, and
 * single quotes that open before a word and close after one (an apostrophe inside a word is neither).
 * A quote that never closes is not a quote.
 */
export function quotedSpans(text: string): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  const letter = (i: number) => /[\p{L}\p{N}]/u.test(text[i] ?? "");
  const closers: Record<string, string> = { '"': '"', "“": "”", "‘": "’", "'": "'" };
  let i = 0;
  while (i < text.length) {
    const ch = text[i] ?? "";
    const closer = closers[ch];
    const opensSingle = (ch === "'" || ch === "‘") && !letter(i - 1) && letter(i + 1);
    if (closer && (ch === '"' || ch === "“" || opensSingle)) {
      let j = i + 1;
      for (; j < text.length; j++) {
        const c = text[j];
        if (c === "\n" && text[j + 1] === "\n")
          j = text.length; // a quote ends with its paragraph
        else if (c === closer && (closer === '"' || closer === "”" || !letter(j + 1))) break;
      }
      if (j < text.length) {
        spans.push([i, j + 1]);
        i = j + 1;
        continue;
      }
    }
    i++;
  }
  return spans;
}

const negation =
  /\b(?:not|never|nobody|hardly|don't|doesn't|didn't|isn't|wasn't|aren't|weren't|won't|wouldn't|can't|couldn't|shouldn't|dont|didnt|isnt|wasnt)\b/i;

/** A negation in the few words before a phrase, in the same sentence: "I'm not saying you always …". */
function negatedBefore(text: string, start: number): boolean {
  const before = text.slice(Math.max(0, start - 40), start);
  const sentence = before.split(/[.!?;,\n]/).pop() ?? "";
  const lastWords = sentence.trim().split(/\s+/).slice(-4).join(" ");
  return negation.test(lastWords);
}

/**
 * The phrases in a piece of writing the coach would gently point at, in order and never overlapping.
 * Pure: no I/O, the same in Node and in the browser. Nothing at all when the text may be about harm,
 * violence, threats or fear (harm-words.ts): that gets the safety response, not a suggestion.
 */
export function markWords(text: string, mode: CoachMode): Mark[] {
  if (text.trim() === "" || coachMustBeSilent(text)) return [];
  const straight = text.replace(/[’‘]/g, (ch, at: number) =>
    // A curly closing quote used as an apostrophe ("wasn’t") reads as one; an opening one stays a quote.
    ch === "’" && /[a-z]/i.test(text[at - 1] ?? "") && /[a-z]/i.test(text[at + 1] ?? "") ? "'" : ch,
  );
  const quotes = quotedSpans(straight);
  const inQuote = (start: number) => quotes.some(([from, to]) => start >= from && start < to);
  const found: Mark[] = [];
  for (const { rule, regex } of compiledByMode.get(mode) ?? []) {
    regex.lastIndex = 0;
    for (let match = regex.exec(straight); match; match = regex.exec(straight)) {
      const start = match.index;
      const end = start + match[0].length;
      if (end === start) {
        regex.lastIndex++;
        continue;
      }
      if (inQuote(start) || (rule.negatable && negatedBefore(straight, start))) continue;
      found.push({ start, end, ruleId: rule.id, kind: rule.kind });
    }
  }
  // Earliest first; of two that overlap, the one that starts first (or is longer) stays.
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const marks: Mark[] = [];
  for (const mark of found) {
    const last = marks[marks.length - 1];
    if (!last || mark.start >= last.end) marks.push(mark);
  }
  return marks;
}

/** The words a mark covers, as written. */
export const markedPhrase = (text: string, mark: Mark): string => text.slice(mark.start, mark.end);
