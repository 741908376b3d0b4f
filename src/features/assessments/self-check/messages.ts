// Words of the public self-check and its result, in one place so they can be translated later. The
// questions themselves are in self-check-questions.ts; crisis-words.ts is a word list for detection.
export const selfCheckMessages = {
  title: "A private self-check",
  description: "A short, private reflection.",
  intro:
    "A few minutes of reflection about a hurt between you and your partner. It is not a test and it won't label you. Nothing is saved unless you choose to send it with a booking.",
  crisisLead: "If you are in danger or thinking of ending your life, please don't wait.",
  crisisNobodyReads: " Nobody reads this page live. ",
  findHelpNow: "Find help now",
  stepOf: (step: number, steps: number, title: string) => `${step} of ${steps}: ${title}`,
  continue: "Continue",
  safetyTitle: "Your safety",
  seeWhatItMeans: "See what this may mean",
  somewherePrivate: "Are you somewhere private right now, where nobody can see your screen?",
  yes: "Yes",
  no: "No",
  skipThese: "No — I'll skip these questions",
  ratherNotSay: "I'd rather not say",
  safetyIntro:
    "These questions are only for you. Your answers are not stored, not emailed and never shown to a partner; they only decide what this page shows you next. You can skip any of them.",

  resultTitle: "What this may mean",
  resultDescription: "Your reflection.",
  helpNowHeading: "Help you can reach now",
  forCrisis: "If you are thinking of ending your life, or of hurting yourself or someone else",
  afraidOfPartner: "If you are afraid of your partner",
  worriedAboutSelf: "If you are worried about how you treat your partner",
  helpLinesFor: (country: string) => `Help lines for ${country} and other countries`,
  nothingSaved: "Nobody reads this page live, and your answers have not been saved or sent to anyone.",
  oneMoment: "One moment…",
  shareConsent:
    "Share this reflection with the therapist when I book. It is kept, encrypted, for up to two hours. It includes your answers to the reflection and whether the result put safety first — not your answers to each safety question.",
  crisisHeading: "Please talk to someone today",
  crisisBody: [
    "Thoughts of ending your life, of hurting yourself or of hurting someone else can feel overwhelming. You do not have to carry them alone, and you do not have to wait for an appointment to talk about them.",
    "The services above are there for exactly this, at any hour. If you feel you might act on these thoughts soon, call the emergency number above now.",
    "When you feel ready, a private conversation with the practice can help too — as well as those services, not instead of them.",
  ],
  afraidHeading: "Your safety comes first",
  afraidBody:
    "What you shared matters. When someone is afraid of their partner, or being hurt or controlled, couples sessions are not the safe place to start. A private, individual conversation is — with the practice, or with the services above.",
  ownBehaviourHeading: "Wanting to change is a strong place to start",
  ownBehaviourBody: [
    "Noticing that you have hurt or frightened your partner, and wanting that to stop, takes courage. What you do is yours to change, and you can change it. It takes time, and it is easier with help.",
    "There are people whose work is helping with exactly this, listed above. If you feel things building up before then, stepping away before you say or do something keeps everyone safer.",
    "An individual consultation is a good next step: a private place to talk about what happens and what you can do differently.",
  ],
  reflectionHeading: "Your reflection",
  hurtAround: (moment: string) =>
    `You described a hurt around ${moment}. Hurts like this often don't fade on their own: small everyday moments can set the old alarm off again, and reactions can seem bigger than the moment because they answer then as well as now.`,
  tookAFewMinutes: "You took a few minutes to think about a hurt between you. That is often the first step.",
  patternWhere: (pattern: string) =>
    `You recognised a pattern where ${pattern}. Seen this way, the pattern is the problem, not either of you — and patterns can change.`,
  notAnAssessment:
    "This is a reflection, not an assessment, and it doesn't tell you what is wrong with anyone. A free 20-minute consultation is the place to talk it through, including privately about safety.",
  nextStepHeading: "A next step",
  bookCouple: "Book a couples consultation",
  onYourOwnFirst: "Or talk to someone on your own first",
  yourHopeLead: "In your own words, this is what you would like to be different:",
  yourHopeAfter: "Hold on to that. It is a good place to begin a first conversation.",
  bookPrivateIndividual: "Book a private individual consultation",
  bookIndividual: "Book an individual consultation",
  readMore: "Read more about attachment injuries and how couples repair them",
  moments: {
    betrayal: "trust being broken",
    absence: "a partner not being there at a vulnerable time",
    protection: "a partner not standing up for the other",
    disappointment: "a promise or a shared dream being broken",
  } as Record<string, string>,
  /** Words for the part the person said they had in the hurt: no labels, no blame, each its own way on. */
  roles: {
    hurt: "You said you were the one who was hurt. What you feel makes sense: when the person you turned to was not there, the hurt goes deep. Repair does not ask you to simply move on. It asks your partner to hear the hurt, fully, without defending.",
    caused:
      "You said you caused the hurt. Being willing to look at that is where repair begins. What helps most is hearing your partner's pain without explaining or defending too soon, and staying with it. That is hard, and it can be learned.",
    both: "You said each of you has hurt the other at different times. Repair can take turns: one hurt at a time, each of you heard in full before the other speaks.",
    "old-wound":
      "You said you carry a wound from before this relationship. Old wounds can make today's moments land harder than anyone expects. Understanding where the alarm comes from helps, and an individual conversation is a good place to start.",
  } as Record<string, string>,
  patterns: {
    "pursue-withdraw": "one of you reaches and the other retreats",
    "blame-defend": "hurt comes out as blame and is met with defence",
    shutdown: "you have both gone quiet to keep the peace",
  } as Record<string, string>,
};
