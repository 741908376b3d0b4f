import type { NotificationKind } from "./notification.schema.ts";

/** Words of the therapist's "Needs you": who and what kind, never what was written or answered. */
export const notificationMessages = {
  heading: "Needs you",
  intro: "Newest first. Each stays here until someone marks it seen.",
  nothing: "Nothing needs you right now.",
  formerClient: "a former client",
  aVisitor: "a visitor",
  kind: {
    "crisis-words": (who: string) =>
      `${who} wrote words that may mean they are in danger or thinking of ending their life`,
    "positive-screen": (who: string) => `${who} answered yes on a screen for harm`,
    "shared-with-therapist": (who: string) => `${who} shared something with you`,
    "measure-answered": (who: string) => `${who} answered a questionnaire`,
    "request-waiting": (who: string) => `A consultation request from ${who} is waiting for your answer`,
    "injury-suggested": (who: string) => `${who} suggested something to work on in the repair`,
    "control-words": (who: string) => `${who} used words about control or threats, in either direction`,
    "safety-answer": (who: string) =>
      `${who} answered yes to the check-in's question about thoughts of suicide, self-harm or harming someone`,
  } satisfies Record<NotificationKind, (who: string) => string>,
  open: "Open",
  safetyHeading: "Safety alerts",
  safetyIntro:
    "Who, what kind and when. What they wrote or answered is only in their record. Each stays here until someone marks it seen.",
  safetyNothing: "No safety alerts right now.",
  coveringFor: (name: string) =>
    `${name}'s client. You are covering while ${name} is away: follow the practice's safety plan.`,
  markSeen: "Mark as seen",
  seenNotice: "Marked as seen.",
  emailLegend: "Email me when something needs me",
  emailHint:
    "One short email with no names or details, at most one an hour: “Something in Haven needs your attention.”",
  emailOn: "Yes, email me",
  emailOff: "No emails",
  emailSave: "Save",
  emailSaved: "Saved your email choice.",
  email: (practiceUrl: string) =>
    `Something in Haven needs your attention.\n\nSign in to see it: ${practiceUrl}\n\nYou asked for this email in Haven; you can turn it off on your practice home.`,
};
