/** Words a client reads on their individual path. No order to finish, no dates, nothing to complete. */
export const pathMessages = {
  title: "Your own path",
  backToSpace: "← Your space",
  backToPath: "← Your own path",
  intro:
    "This is a place for your own work between sessions: where old hurts came from, what you learned to expect, and what you need. Your therapist opens a piece here when it may help. Everything you write is private unless you choose to share it.",
  nothingYet:
    "Nothing has been opened for you yet. Your therapist opens a piece here when the time is right.",
  openForYou: "Open for you",
  stopped: "Saved. Come back whenever you like — your words will be here.",
  exportTitle: "Pieces of your own path your therapist opened for you",
  erasureGoesNow: "Which pieces of your own path were opened for you",
} as const;

/** Words the therapist reads about a client's individual path. */
export const pathTherapistMessages = {
  title: (name: string) => `Own path: ${name}`,
  backToRecord: "← Back to the record",
  intro:
    "Pieces for this person's own work between sessions, opened one at a time. Nobody else sees them: opening one needs no joint work, and a partner is never told.",
  piecesHeading: "Pieces of their own path",
  open: "Open for them",
  close: "Close",
  isOpen: "Open now.",
  wasOpen: "Closed; what they wrote stays theirs.",
  notOpened: "Not opened.",
  questions: (count: number) => (count === 1 ? "One question." : `${count} questions.`),
  withCoach: "The language coach helps here when you have turned it on for them.",
  opened: "Opened. They will see it in their own path.",
  closed: "Closed. They no longer see it; their answers are kept.",
  sharedHeading: "Shared with you",
  nothingShared: "Nothing from their path has been shared with you.",
  sharedOn: (day: string) => `Shared on ${day}:`,
  recordLink: "Own path",
} as const;
