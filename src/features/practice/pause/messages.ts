/** Words of pausing a client's work: the therapist's page, and what a paused client reads. */
export const pauseMessages = {
  recordLink: "Pause or resume",
  title: (name: string) => `Pause the work with ${name}`,
  description: "Pause or resume a client's work in Haven.",
  back: "Back to the record",
  intro: (name: string) =>
    `While paused, ${name} can still sign in, read their space and reach help now, but cannot write, share or answer anything new. Safety alerts still reach you. Nothing is deleted.`,
  confirm: "I want to pause this client's work",
  confirmMissing: "Please tick the box to confirm the pause.",
  pauseButton: "Pause",
  pausedNow: (name: string) => `The work with ${name} is paused.`,
  resumeButton: "Resume",
  notOpen: (name: string) => `${name}'s account is not active, so it cannot be paused.`,
  // What a paused client reads when they try to write.
  clientTitle: "Your space is paused",
  clientBody:
    "Your therapist has paused the work in Haven for now, so nothing new can be saved. You can still read what is here. If you need to talk, contact your therapist.",
  clientBack: "Back to your space",
};
