// The self-check's steps, in our own words. A reflection, not a test: nothing here diagnoses anyone.

export type Choice = { value: string; label: string };
export type Question =
  | { id: string; kind: "one"; legend: string; hint?: string; choices: Choice[] }
  | { id: string; kind: "many"; legend: string; hint?: string; choices: Choice[] }
  | { id: string; kind: "text"; legend: string; hint?: string };

export type Step = { id: string; title: string; intro: string; questions: Question[] };

export const reflectionSteps: Step[] = [
  {
    id: "moment",
    title: "The moment",
    intro:
      "Think of one moment when you reached for your partner, or they reached for you, and it went wrong.",
    questions: [
      {
        id: "moment",
        kind: "one",
        legend: "Which of these comes closest?",
        choices: [
          {
            value: "betrayal",
            label:
              "Trust was broken — an affair, a lie about something that mattered, secrets shared with others",
          },
          {
            value: "absence",
            label: "One of us wasn't there at a vulnerable time — an illness, a loss, a frightening moment",
          },
          {
            value: "protection",
            label:
              "One of us didn't stand up for the other — with family, in a conflict, or by playing down a deep hurt",
          },
          {
            value: "disappointment",
            label: "A promise or shared dream was broken, or a big decision was made alone",
          },
          { value: "other", label: "Something else" },
        ],
      },
      {
        id: "when",
        kind: "one",
        legend: "When did it happen?",
        choices: [
          { value: "recent", label: "In the last few months" },
          { value: "year", label: "Within the last year or two" },
          { value: "long", label: "Longer ago, but it still hurts" },
          { value: "before", label: "Before this relationship" },
        ],
      },
    ],
  },
  {
    id: "now",
    title: "How it shows up now",
    intro: "An old hurt often lives on in small everyday moments. Tick any that sound familiar.",
    questions: [
      {
        id: "signs",
        kind: "many",
        legend: "These days…",
        choices: [
          {
            value: "triggers",
            label: "Small things — a late reply, a phone turned over — set off a big reaction",
          },
          { value: "vigilance", label: "I stay on guard, waiting for it to happen again" },
          { value: "withdrawal", label: "One of us goes quiet or pulls away to stop things getting worse" },
          { value: "neverEnough", label: "Whatever is said or done, it never seems to be enough" },
        ],
      },
    ],
  },
  {
    id: "pattern",
    title: "The pattern between you",
    intro:
      "Couples often get caught in a loop where each person's way of protecting themselves sets off the other's.",
    questions: [
      {
        id: "pattern",
        kind: "one",
        legend: "Which sounds most like the two of you?",
        choices: [
          {
            value: "pursue-withdraw",
            label: "One of us pushes to talk about it; the other shuts down or leaves",
          },
          { value: "blame-defend", label: "Hurt comes out as blame, and the other explains or defends" },
          { value: "shutdown", label: "We've both stopped raising it; things are polite but distant" },
          { value: "unsure", label: "I'm not sure" },
        ],
      },
    ],
  },
  {
    id: "part",
    title: "Your part in it",
    intro: "There is no right answer, and no blame in any of these.",
    questions: [
      {
        id: "part",
        kind: "one",
        legend: "In this hurt, you are…",
        choices: [
          { value: "hurt", label: "The one who was hurt" },
          { value: "caused", label: "The one who caused the hurt" },
          { value: "both", label: "Both, at different times" },
          { value: "old-wound", label: "Carrying an old wound from before this relationship" },
        ],
      },
    ],
  },
  {
    id: "hope",
    title: "What you hope for",
    intro: "Only if you want to. Nothing you type here is sent anywhere unless you choose to later.",
    questions: [
      {
        id: "together",
        kind: "one",
        legend: "Would your partner be open to coming too?",
        choices: [
          { value: "yes", label: "Yes, I think so" },
          { value: "maybe", label: "Maybe" },
          { value: "no", label: "No, or I'd rather come alone" },
        ],
      },
      { id: "hope", kind: "text", legend: "In a few words, what would you like to be different?" },
    ],
  },
];

/** The private safety questions (DOMAIN.md §4). Every one may be skipped. */
export const safetyQuestions: { id: SafetyQuestionId; label: string }[] = [
  { id: "afraid", label: "Are you ever afraid of your partner?" },
  { id: "hurt", label: "Has your partner hit, pushed, choked or otherwise hurt you?" },
  { id: "forced", label: "Has your partner made you do sexual things you didn't want to do?" },
  {
    id: "control",
    label: "Does your partner threaten you, or control where you go, who you see, your money or your phone?",
  },
  { id: "usedAbuse", label: "Have you hurt or frightened your partner, or do you worry that you might?" },
  { id: "suicide", label: "Are you having thoughts of ending your life, or of hurting yourself?" },
  { id: "harmOthers", label: "Are you having thoughts of hurting someone else?" },
];

export type SafetyQuestionId =
  | "afraid"
  | "hurt"
  | "forced"
  | "control"
  | "usedAbuse"
  | "suicide"
  | "harmOthers";
