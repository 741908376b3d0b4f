import type { NotificationKind } from "../../notifications/notification.schema.ts";
import type { ScoreSummary } from "./build-timeline.ts";

const flagNames: Record<NotificationKind, string> = {
  "crisis-words": "Crisis words in something written",
  "positive-screen": "A screen for harm came out positive",
  "shared-with-therapist": "Shared something with you",
  "measure-answered": "Answered a questionnaire",
  "request-waiting": "A request is waiting",
  "injury-suggested": "Suggested an injury to work on",
  "control-words": "Words about control in something written",
  "safety-answer": "A yes to a safety question",
};

const scoreWords = (score: ScoreSummary): string => {
  const past = (yes: boolean) => (yes ? " Past the cut-off." : "");
  switch (score.kind) {
    case "total":
      return score.score === null
        ? "Not enough answers for a score."
        : `Score ${score.score}.${past(score.pastCutOff)}`;
    case "screen":
      return { positive: "Positive.", negative: "Negative.", incomplete: "Incomplete." }[score.result];
    case "dimensional":
      return `Scored.${past(score.pastCutOff)}`;
    case "declined":
      return "Chose not to answer.";
    case "none":
      return "";
  }
};

/** Words of the therapist's timeline of a client or couple. */
export const timelineMessages = {
  title: (name: string) => `Timeline: ${name}`,
  description: "What has happened so far, newest first.",
  back: "Back to the record",
  heading: "Timeline",
  intro: "Newest first. Only what you may see: what was shared with you, and safety flags by kind and time.",
  coupleIntro: "Both partners' events, as each shared them with you. Private entries never appear here.",
  empty: "Nothing has happened yet.",
  together: "Together",
  invited: "Invitation sent",
  accepted: "Invitation accepted",
  measureAssigned: (title: string) => `Asked to answer ${title}`,
  measureAnswered: (title: string, score: ScoreSummary) => `Answered ${title}. ${scoreWords(score)}`.trim(),
  seeCharts: "See the measures and charts",
  shared: (kind: "note" | "trigger") =>
    kind === "trigger" ? "Shared a trigger log moment with you" : "Shared a note with you",
  readShared: "Read it on the record",
  flag: (kind: NotificationKind) => flagNames[kind],
  session: (status: "scheduled" | "cancelled") =>
    status === "cancelled" ? "Session (cancelled)" : "Session",
  mark: (step: string) => `Repair mark: ${step}`,
  openRepair: "Open the repair map",
  closed: "Account closed",
  consultation: (kind: "individual" | "couple" | "unsure") =>
    kind === "couple"
      ? "Free consultation, as a couple"
      : kind === "individual"
        ? "Free consultation, on their own"
        : "Free consultation",
  recordLink: "See the timeline",
  separator: " · ",
};
