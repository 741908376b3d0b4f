/** Words of the language coach (record 048): for the client who writes, and for their therapist. */

/** Feelings that often sit under blame, offered as words to borrow. */
const feelingsUnderneath = [
  "hurt",
  "alone",
  "frightened",
  "let down",
  "unimportant",
  "invisible",
  "ashamed",
  "not good enough",
];

export const coachMessages = {
  check: "Check my words",
  checking: "Checking…",
  heading: "A second look at your words",
  intro:
    "These are only suggestions. Nothing has been changed or saved, and you can send your words just as they are.",
  nothingMarked: "Nothing stood out. Your words are ready whenever you are.",
  phrase: (phrase: string) => `“${phrase}”`,
  feelingsLabel: "Words for what may be underneath:",
  feelings: feelingsUnderneath,
  liveLabel: "Suggestions as you write",

  /** One sentence for each kind of mark: why it was noticed. */
  explain: {
    blame: "Words that put the cause on the other person tend to bring a defence rather than comfort.",
    absolute: "“Always” and “never” are hard to hear as true, so the argument can turn to the exceptions.",
    insult: "A word about who someone is, rather than what happened, is likely to hurt and close them off.",
    "feel-that-you":
      "“I feel that you …” is usually a thought about the other person, not a feeling of your own.",
    defending: "A “but” tends to cancel what came before it, and the other person may stop feeling heard.",
    explaining: "Explaining too soon can sound as though their pain needs a reason before it counts.",
    minimising: "Making the hurt sound smaller can leave the other person feeling more alone with it.",
  },

  /** What might help instead, by the mode of the writing. */
  suggest: {
    hurt: "You might try the shape “I felt … when … ; what I needed was …”, naming the feeling underneath.",
    reply:
      "You might stay with their pain first: say what you hear it was like for them, and leave your side for later.",
  },

  // The therapist's side: the setting on the client record.
  settingHeading: "Language coach",
  settingOn:
    "The language coach is on. This client can ask for a second look at what they write about a hurt, or in a reply.",
  settingOff:
    "The language coach is off. When it is on, this client can ask for a second look at what they write about a hurt, or in a reply. Their partner never sees it.",
  turnOn: "Turn the coach on",
  turnOff: "Turn the coach off",
  saving: "Saving…",
  exportTitle: "The language coach setting",
};
