/** Words of the cycle map, for the partners and for their therapist. */
const list = new Intl.ListFormat("en-GB", { style: "long", type: "conjunction" });
export const andList = (items: readonly string[]) => list.format(items);

export const cycleMessages = {
  title: "Your cycle",
  description: "The pattern you two get caught in, drawn from what you each share.",
  back: "Back to your space",
  link: "Your cycle",
  intro:
    "When you get stuck, you each do something that makes sense from the inside — and it lands on the other in a way that sets off their next move. Round it goes. The pattern is the problem, not either of you. Here you each describe your side, privately, in your own time.",
  loopHeading: "The loop you get caught in",
  loopWhen:
    "The loop appears here when you have both shared your side. Nothing shows until then, for either of you.",
  loopNamed: (name: string) => `Your therapist calls it: “${name}”`,
  sideHeading: "Your side",
  sidePrivate: "This is private. Nobody sees it — not your partner, not your therapist — until you share it.",
  movesLegend: "When we get stuck, what do I do?",
  movesHint: "Tick any that fit. It can be more than one.",
  ownWords: "In my own words (optional)",
  outsideLabel: "What does it look like from the outside — what would your partner see? (optional)",
  surfaceLegend: "What do I feel on the surface?",
  underneathLegend: "What do I feel underneath?",
  underneathHint: "Often quieter, and harder to say. Take your time.",
  longingLegend: "What do I long for?",
  save: "Save my side",
  saving: "Saving…",
  saved: "Saved. It stays private until you share it.",
  savedShared: "Saved. Your shared side now reads as you left it.",
  nothingChosen: "Please tick or write at least one thing before saving.",
  ownTooLong: (limit: number) => `Please keep this under ${limit} characters.`,
  outsideTooLong: (limit: number) => `Please keep this under ${limit} characters.`,
  shareHeading: "Sharing your side",
  sharePrivate:
    "Your side is private. When you share it, your therapist can read it, and the loop is drawn for you both once your partner has shared theirs too.",
  shareButton: "Share my side",
  shareSaveFirst: "Save your side first; you can share it afterwards.",
  sharedOn: (day: string) => `You shared your side on ${day}. Any change you save shows at once.`,
  unshareButton: "Take my side back",
  sharedNotice: "Shared. Your therapist can read it, and the loop appears once you have both shared.",
  unsharedNotice: "Taken back. Your side is private again.",
  unsavedHeading: "What you wrote",
  unsavedIntro:
    "It was not saved, because sharing between you is not open just now. Your words are here so you can copy them somewhere of your own.",
  buttonExpired: "That page was open a long time, so nothing changed. Please try again.",
  // The loop, as both partners and the therapist read it.
  loopLabel: "The loop drawn as a circle of four steps. The same steps are listed below it.",
  textVersion: "The loop, step by step",
  roundAgain: "…and round again.",
  didNotSay: "did not say",
  moveStep: (name: string, moves: string) => `${name} ${moves}`,
  inOwnWords: (name: string, words: string) => `in ${name}’s words, “${words}”`,
  landsAs: (name: string, surface: string) => `${name} feels ${surface}`,
  underneath: (feelings: string) => `underneath, ${feelings}`,
  longs: (name: string, longing: string) => `${name} longs ${longing}`,
  outside: (name: string, words: string) => `From the outside (${name}): “${words}”`,
} as const;

/** The therapist's words for a couple's cycle map. */
export const cycleTherapistMessages = {
  title: "The cycle map",
  description: "What each partner shared of their side, and the loop once both have.",
  back: "Back to the record",
  linkFromRecord: "The cycle map",
  jointWorkClosed: "Joint work is closed, so the partners cannot see or write their cycle map.",
  sideOf: (name: string) => `${name}’s side`,
  notShared: "Not shared with you.",
  sharedOn: (day: string) => `Shared on ${day}`,
  loopHeading: "The loop",
  loopWhen: "The loop is drawn when both partners have shared their side.",
  nameLabel: "Name the cycle in plain words",
  nameHint:
    "Both partners see it above their loop, for example “the chase and the freeze”. No labels for people.",
  nameSave: "Save the name",
  nameSaved: "Saved the name of the cycle.",
  nameEmpty: "Please write a few words, or leave the page as it is.",
  nameTooLong: (limit: number) => `Please keep the name under ${limit} characters.`,
  partLabels: {
    moves: "What I do",
    outside: "From the outside",
    surface: "On the surface",
    underneath: "Underneath",
    longing: "What I long for",
  },
} as const;
