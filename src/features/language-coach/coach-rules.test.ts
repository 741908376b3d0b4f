import { describe, expect, it } from "vitest";
import { type CoachMode, coachRules, explanationOf, type MarkKind, suggestionFor } from "./coach-rules.ts";
import { markedPhrase, markWords, quotedSpans } from "./mark-words.ts";

// Sentence tables: [text, the phrases marked (as written), their kinds].
type Row = [string, string[], MarkKind[]];

const hurtMustMark: Row[] = [
  ["You never listen to me.", ["You never"], ["absolute"]],
  ["you always do this when your mother calls", ["you always"], ["absolute"]],
  ["You’re always on your phone.", ["You’re always"], ["absolute"]],
  ["Every time you go out I'm left waiting.", ["Every time you"], ["absolute"]],
  ["It's your fault we missed it.", ["It's your fault"], ["blame"]],
  ["it’s all your fault", ["it’s all your fault"], ["blame"]],
  ["Because of you I stopped trusting anyone.", ["Because of you"], ["blame"]],
  ["You made me feel like nothing.", ["You made me feel"], ["blame"]],
  ["You're so selfish.", ["You're so selfish"], ["insult"]],
  ["you are such a liar", ["you are such a liar"], ["insult"]],
  ["I feel that you don't care.", ["I feel that you"], ["feel-that-you"]],
  ["I feel like you're never there.", ["I feel like you're"], ["feel-that-you"]],
  ["No, you never listen.", ["you never"], ["absolute"]],
  ["You never call. It's your fault.", ["You never", "It's your fault"], ["absolute", "blame"]],
];

const hurtMustNotMark: string[] = [
  "I felt alone when you left the party early; what I needed was for you to stay.",
  "I'm not saying you always forget.",
  "It wasn't your fault that the train was late.",
  "I don't think you're selfish.",
  "You made me breakfast this morning and it helped.",
  // Quoted speech is reported, not the writer's own words.
  '"You never listen," he said, and I went quiet.',
  "When you said “it's your fault” I felt small.",
  "She told me 'you always do this' and walked away.",
  // Inside other words.
  "Yournever, doyou always: neverland.",
  // Defending words are only for replies.
  "I tried, but it was too much.",
  "",
];

const replyMustMark: Row[] = [
  ["I'm sorry, but you were late too.", ["but"], ["defending"]],
  ["I didn't mean to hurt you, but I was tired.", ["but"], ["defending"]],
  ["I only did it because I was scared of losing you.", [], []], // "scared": silent, see safety below
  ["I only did it because work was awful.", ["I only did it because"], ["explaining"]],
  ["I said that because I was tired.", ["I said that because"], ["explaining"]],
  ["You have to understand how hard that week was.", ["You have to understand"], ["explaining"]],
  ["It wasn't that bad.", ["It wasn't that bad"], ["minimising"]],
  ["it wasn’t that bad, honestly", ["it wasn’t that bad"], ["minimising"]],
  ["You're overreacting.", ["You're overreacting"], ["minimising"]],
  ["It was a long time ago.", ["It was a long time ago"], ["minimising"]],
  ["That's not what happened.", ["That's not what happened"], ["defending"]],
  ["You never ask how my day was.", ["You never"], ["absolute"]],
];

const replyMustNotMark: string[] = [
  "I hear how alone you were that night. I'm sorry.",
  "Not only did I leave, but also I didn't call.",
  "I'm not saying it wasn't that bad.",
  "It was a big deal, and I see that now.",
  "Butter, buttons and rebuttals.",
  "When I said 'it wasn't that bad' I was wrong.",
  '"But you were late too" is what I said, and it was unfair.',
];

// Words about violence, threats, fear or sexual harm: the coach says nothing; safety answers instead.
const safetyTexts: string[] = [
  "You always hit me when you drink.",
  "You never stop threatening me.",
  "You never let me see my friends.",
  "I only did it because I was afraid of you.",
  "It's your fault I'm scared to go home.",
  "You always check my phone.",
  "I feel that you forced me.",
  "You're so selfish and I want to die.",
  "You never listen and he pushed me against the wall.",
];

const phrasesOf = (text: string, mode: CoachMode) =>
  markWords(text, mode).map((mark) => markedPhrase(text, mark));
const kindsOf = (text: string, mode: CoachMode) => markWords(text, mode).map((mark) => mark.kind);

describe("the coach in writing about a hurt", () => {
  it.each(hurtMustMark)("marks %j", (text, phrases, kinds) => {
    expect(phrasesOf(text, "hurt")).toEqual(phrases);
    expect(kindsOf(text, "hurt")).toEqual(kinds);
  });
  it.each(hurtMustNotMark)("leaves %j alone", (text) => {
    expect(markWords(text, "hurt")).toEqual([]);
  });
});

describe("the coach in a reply to a hurt", () => {
  it.each(replyMustMark)("marks %j", (text, phrases, kinds) => {
    expect(phrasesOf(text, "reply")).toEqual(phrases);
    expect(kindsOf(text, "reply")).toEqual(kinds);
  });
  it.each(replyMustNotMark)("leaves %j alone", (text) => {
    expect(markWords(text, "reply")).toEqual([]);
  });
});

describe("words about harm", () => {
  it.each(safetyTexts)("are never marked: %j", (text) => {
    expect(markWords(text, "hurt")).toEqual([]);
    expect(markWords(text, "reply")).toEqual([]);
  });
});

describe("marks", () => {
  it("are in order, never overlap, and point at the text as written", () => {
    const text = "But you're always so selfish, and you never say sorry, but fine.";
    const marks = markWords(text, "reply");
    for (let i = 1; i < marks.length; i++)
      expect(marks[i]?.start).toBeGreaterThanOrEqual(marks[i - 1]?.end ?? 0);
    expect(marks.map((mark) => markedPhrase(text, mark))).toEqual([
      "But",
      "you're always so selfish",
      "you never",
      "but",
    ]);
  });

  it("never change the text: a mark's offsets are offsets into the original", () => {
    const text = "He said ‘fine’. You’re always late.";
    const [mark] = markWords(text, "hurt");
    expect(mark && text.slice(mark.start, mark.end)).toBe("You’re always");
  });

  it("find quoted speech in straight, curly and single quotes, but not apostrophes", () => {
    expect(quotedSpans('a "b" c')).toEqual([[2, 5]]);
    expect(quotedSpans("a “b” c")).toEqual([[2, 5]]);
    expect(quotedSpans("said 'it wasn't', then")).toEqual([[5, 16]]);
    expect(quotedSpans("the kids' toys and don't")).toEqual([]);
    expect(quotedSpans('an unclosed "quote')).toEqual([]);
  });
});

describe("the rules as data", () => {
  it("have unique ids, a pattern that compiles, and words for every kind and mode", () => {
    expect(new Set(coachRules.map((rule) => rule.id)).size).toBe(coachRules.length);
    for (const rule of coachRules) {
      expect(() => new RegExp(rule.pattern, "i")).not.toThrow();
      expect(explanationOf(rule.kind)).toMatch(/\.$/);
      expect(rule.modes.length).toBeGreaterThan(0);
    }
    expect(suggestionFor("hurt")).toContain("I felt");
    expect(suggestionFor("reply")).toMatch(/pain first/);
  });
});
