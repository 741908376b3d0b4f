// Words of the questionnaires a therapist asks for, in one place so they can be translated later.
export const measureMessages = {
  cutOffUnchecked: " (This cut-off is still to be checked against its source.)",
  tooManyUnanswered: "Too many questions were left unanswered to compare this with the usual ranges.",
  thanksTitle: "Thank you",
  screenSent:
    "Your answers have gone to your therapist only. Nobody reads them live: your therapist sees them when they next open your record, and may talk them through with you on your own.",
  screenGone:
    "This page will not be shown again, and these questions no longer appear in your list. If you would like to talk to your therapist on your own, you can ask them for an individual session.",
  helpNowHeading: "Help you can reach now",
  afraidOfPartner: "If you are afraid of your partner",
  worriedAboutSelf: "If you are worried about how you treat your partner",
  helpLinesFor: (country: string) => `Help lines for ${country} and other countries`,
  backToList: "← Your questionnaires",
  listTitle: "Your questionnaires",
  listDescription: "Questionnaires",
  backToSpace: "← Your space",
  listIntro: (inCouple: boolean) =>
    inCouple
      ? "Your therapist may ask you to answer a short questionnaire now and then. Answer on your own, when you have a quiet moment. Your partner never sees your answers or that you were asked."
      : "Your therapist may ask you to answer a short questionnaire now and then. Answer when you have a quiet moment. Only you and your therapist see your answers.",
  waitingHeading: "Waiting for you",
  nothingWaiting: "Nothing is waiting for you.",
  askedOn: (day: string) => `Asked on ${day}`,
  answeredHeading: "Answered",
  answeredOn: (day: string) => `Answered on ${day}`,
  goesThroughWithYou: " — your therapist will go through it with you",
  exampleWording: "Example wording — not a real questionnaire.",
  exampleWordingExplained:
    "These questions are stand-in text for trying Haven out. Answers to them are not scored, and no result is shown.",
  somewherePrivate:
    "Before you start: are you somewhere private, where nobody can see your screen? If not, leave this for later — it will wait for you. Only your therapist sees your answers, and once you send them these questions leave your list.",
  ratherNotSay: "I’d rather not say",
  cannotChange: "Once you send your answers they cannot be changed, so take your time.",
  sendAnswers: "Send my answers",
  thankYou: (day: string) => `Thank you. You answered this on ${day}.`,
  yourResults: "Your results",
  notAVerdict:
    "These are numbers to talk about with your therapist, not a verdict about you or your relationship.",
  therapistWillGoThrough: "Your therapist will go through it with you.",
  unavailableTitle: "Not available just now",
  unavailable:
    "This questionnaire cannot be opened at the moment. Nothing is lost; your therapist can sort it out.",
  answersNotSent:
    "This page was open for a long time, so your answers were not sent. Please send them again.",
};

/** The questionnaires section of a client's record, as the therapist reads it. */
export const therapistMeasureMessages = {
  heading: "Questionnaires",
  // An individual client has no partner, so the record does not speak of one.
  answersAlone: (name: string, inCouple: boolean) =>
    inCouple
      ? `${name} answers alone. Their partner never sees the answers, the results, or that you asked.`
      : `${name} answers in their own space. Only you see the answers and the results, unless you choose to show them.`,
  askedNotAnswered: (day: string) => `Asked on ${day}; not answered yet.`,
  clientSeesResults: " · the client can see these results",
  youOnly: " · seen by you only",
  exampleWording: " · example wording, not a real questionnaire",
  declinedLabel: "Declined.",
  declined: (name: string) =>
    `${name} chose “I’d rather not say” for every question. That is not a negative screen: it may be worth asking again, in a private moment.`,
  exampleWordingLabel: "Example wording — not a real questionnaire.",
  exampleAnswered: (name: string) =>
    `${name} answered the placeholder pack's stand-in questions, so there is no score.`,
  unscorable:
    "These answers could not be scored: the questionnaire's definition and the stored answers no longer fit together. The answers are kept; whoever looks after Haven can check the definition.",
  withheld: (titles: string[]) => {
    const one = titles.length === 1;
    return `Not offered: ${titles.join(", ")}. The practice's instrument pack holds only placeholder wording for ${one ? "it" : "them"}, not the real questions, so ${one ? "it" : "they"} cannot be given to a client. `;
  },
  measuresLink: "Measures",
  withheldTail: " shows what each one needs.",
  askHeading: "Ask for a questionnaire",
  noneReady: "No questionnaire is ready: published ones need their wording from an instrument pack.",
  whichOne: "Which questionnaire?",
  forYouOnly: " (results for you only, unless you tick below)",
  letClientSee: (name: string) =>
    `Let ${name} see the results of a questionnaire that is normally for you only (never for a screen for harm)`,
  askClient: (name: string) => `Ask ${name}`,
  howOften: "How often?",
  once: "Once, now",
  weekly: "Every week, on the day below (the first time now)",
  weekdayLabel: "Day of the week (in the practice's time zone)",
  weekdays: ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"],
  weekdayMissing: "Choose the day of the week.",
  oftenMissing: "Choose once or every week.",
  scheduledHeading: "Asked every week",
  scheduledLine: (title: string, weekday: string, since: string) =>
    `${title}: every ${weekday}, since ${since}.`,
  stop: "Stop",
  stopWhat: (title: string) => ` asking for ${title} every week`,
  stopped: "Stopped. Nothing more will be asked; earlier answers stay.",
};
