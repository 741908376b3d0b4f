import { coachMessages as m } from "./messages.ts";

/**
 * The language coach's rules, as data (record 048). Each rule is a phrase pattern with a kind; the
 * kind brings its one-sentence explanation, and the mode of the writing its suggestion. Patterns are
 * regular-expression sources, matched case-insensitively from a word's start over the text with curly
 * apostrophes straightened, so the browser runs the very same rules.
 *
 * "hurt" is writing about a hurt; "reply" is answering someone else's hurt. Blame, absolutes and
 * insults are marked in both; defending, explaining and minimising only in a reply.
 */
export type CoachMode = "hurt" | "reply";

export type MarkKind =
  | "blame"
  | "absolute"
  | "insult"
  | "feel-that-you"
  | "defending"
  | "explaining"
  | "minimising";

export type CoachRule = {
  id: string;
  kind: MarkKind;
  modes: readonly CoachMode[];
  pattern: string;
  /** Whether a negation just before it ("I'm not saying …", "it wasn't …") means it is not meant. */
  negatable: boolean;
};

const both: readonly CoachMode[] = ["hurt", "reply"];
const reply: readonly CoachMode[] = ["reply"];
const you = "you(?:'re| are| were|'ve| have)?";
const insults =
  "selfish|pathetic|stupid|useless|lazy|cruel|heartless|worthless|disgusting|a liar|an idiot|a coward|a joke|a narcissist|crazy|mental";

export const coachRules: readonly CoachRule[] = [
  {
    id: "your-fault",
    kind: "blame",
    modes: both,
    negatable: true,
    pattern: "(?:it'?s|it is|it was|this is|that'?s|that is) (?:all )?your (?:fault|doing)",
  },
  { id: "because-of-you", kind: "blame", modes: both, negatable: true, pattern: "because of you\\b" },
  {
    id: "you-made-me",
    kind: "blame",
    modes: both,
    negatable: true,
    pattern: "you (?:made|make|makes) me (?:feel|do|say|act|react|so|angry|like this)",
  },
  {
    id: "you-ruined",
    kind: "blame",
    modes: both,
    negatable: true,
    pattern: "you (?:ruined|ruin|wrecked|destroyed) (?:it|everything|us|this)",
  },
  {
    id: "you-always",
    kind: "absolute",
    modes: both,
    negatable: true,
    pattern: `${you} (?:always|constantly|forever)\\b`,
  },
  {
    id: "you-never",
    kind: "absolute",
    modes: both,
    negatable: true,
    pattern: `(?:${you}|you'll|you will|you'd) never\\b`,
  },
  {
    id: "every-time-you",
    kind: "absolute",
    modes: both,
    negatable: true,
    pattern: "every (?:single )?time you\\b",
  },
  {
    id: "you-insult",
    kind: "insult",
    modes: both,
    negatable: true,
    pattern: `you(?:'re| are)(?: just| always| so| such| being| really| completely)* (?:${insults})\\b`,
  },
  {
    id: "you-name",
    kind: "insult",
    modes: both,
    negatable: false,
    pattern: "you (?:idiot|liar|coward|loser|bastard|bitch)\\b",
  },
  {
    id: "i-feel-that-you",
    kind: "feel-that-you",
    modes: both,
    negatable: false,
    pattern: "i (?:feel|felt) (?:that|like|as if|as though) you(?:'re| are)?\\b",
  },
  { id: "but", kind: "defending", modes: reply, negatable: false, pattern: "but\\b(?! also\\b)" },
  {
    id: "not-what-happened",
    kind: "defending",
    modes: reply,
    negatable: false,
    pattern: "that'?s not (?:what happened|true|fair|how it was)",
  },
  {
    id: "you-are-the-one",
    kind: "defending",
    modes: reply,
    negatable: false,
    pattern: "you(?:'re| are) the one who\\b",
  },
  {
    id: "what-about-you",
    kind: "defending",
    modes: reply,
    negatable: false,
    pattern: "what about (?:when )?you\\b",
  },
  {
    id: "only-because",
    kind: "explaining",
    modes: reply,
    negatable: false,
    pattern: "i (?:only |just )?(?:did|said) (?:it|that|this) (?:only |just )?because\\b",
  },
  {
    id: "the-reason",
    kind: "explaining",
    modes: reply,
    negatable: false,
    pattern: "the (?:only )?reason (?:i|was)\\b",
  },
  {
    id: "have-to-understand",
    kind: "explaining",
    modes: reply,
    negatable: false,
    pattern: "you (?:have|need|'ve got|must|got) to understand\\b",
  },
  {
    id: "trying-to",
    kind: "explaining",
    modes: reply,
    negatable: false,
    pattern: "i was (?:only|just) trying to\\b",
  },
  { id: "let-me-explain", kind: "explaining", modes: reply, negatable: false, pattern: "let me explain\\b" },
  {
    id: "not-that-bad",
    kind: "minimising",
    modes: reply,
    negatable: true,
    pattern: "it (?:wasn'?t|was not|isn'?t|is not) (?:that|so|really that) (?:bad|big a deal|serious)",
  },
  {
    id: "not-a-big-deal",
    kind: "minimising",
    modes: reply,
    negatable: true,
    pattern: "(?:it|that)(?:'s not| is not| was not| isn'?t| wasn'?t) (?:a|such a) big deal|no big deal",
  },
  {
    id: "overreacting",
    kind: "minimising",
    modes: reply,
    negatable: true,
    pattern:
      "you(?:'re| are)(?: being| just)* (?:overreacting|over-reacting|too sensitive|so sensitive|dramatic)",
  },
  {
    id: "it-was-only",
    kind: "minimising",
    modes: reply,
    negatable: true,
    pattern: "it was (?:only|just) (?:a|one|once|the)\\b",
  },
  {
    id: "long-ago",
    kind: "minimising",
    modes: reply,
    negatable: true,
    pattern: "(?:it was|that was) (?:such |so )?a long time ago",
  },
  {
    id: "get-over-it",
    kind: "minimising",
    modes: reply,
    negatable: true,
    pattern: "(?:get over it|let it go|move on from it)\\b",
  },
];

/** The one-sentence explanation of a kind of mark. */
export const explanationOf = (kind: MarkKind): string => m.explain[kind];

/** What might help instead, for writing of this mode. */
export const suggestionFor = (mode: CoachMode): string => m.suggest[mode];
