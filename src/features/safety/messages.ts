/** Words of the safety gates: crisis help in the client space, and joint work. */
export const safetyMessages = {
  crisisLead:
    "If you are in danger or thinking of ending your life, please don't wait for your next session.",
  crisisHelpLink: "Find help now",
  crisisControl:
    "If someone is tracking, checking or threatening you, or keeping you from people or money — or if you find yourself doing that to your partner — the same page lists people who can help, in confidence.",
  crisisNobodyReads:
    "Nobody reads Haven as you write. What you wrote is saved as you wrote it and stays private.",
  crisisTherapistTold:
    "Your therapist will be told that you may need support — not what you wrote — and will see it the next time they open Haven, which may not be until their next working day.",
  jointWorkClosed:
    "Sharing with your partner is not open at the moment. Your therapist opens it for you both when the time is right.",
  bookedHeading: "Your consultation is booked",
  bookedRequestedHeading: "Your request has been sent",
  bookedCrisisLead:
    "Something you wrote made us want to say: if you are in danger or thinking of ending your life, please don't wait for this consultation.",
  bookedNobodyReads:
    "Nobody reads the booking form live. The practice will be told that you may need support — not what you wrote — when they next open Haven.",
  bookedContinue: "See your consultation",
  partnerShareRefused: "Sharing with your partner is not open at the moment — please choose another option.",
} as const;

/** The therapist's words for the joint-work gate on a couple's record. */
export const jointWorkMessages = {
  heading: "Joint work",
  isClosed:
    "Joint work is closed: the partners cannot share with each other. It stays closed until you open it.",
  isOpen: "Joint work is open: the partners can share with each other.",
  screenedOn: (name: string, day: string) => `${name}: seen alone and screened privately on ${day}.`,
  notScreened: (name: string) => `${name}: no private screen recorded yet.`,
  recordScreen: (name: string) => `Record that I saw ${name} alone and screened them privately`,
  notReady:
    "Record a private screen for each partner first. A screen is not an assessment: answering no to everything never clears a couple by itself — opening is your decision.",
  openHint:
    "Both partners have been screened privately. Opening lets them share with each other; you can close it again at any time.",
  open: "Open joint work",
  closeHint:
    "Closing stops new shares between the partners. Both see the same neutral sentence; nothing says why.",
  close: "Close joint work",
  sharedBefore:
    "These partners began sharing with each other before joint work was opened (before Haven asked for it). Those shares stay as they are.",
  busy: "Saving…",
};
