// Words of the practice home's sections ("the day at a glance"), in one place so they can be translated.
export const glanceMessages = {
  consultationsHeading: "Consultations this week",
  today: "Today",
  laterThisWeek: "Later this week",
  noneThisWeek: "No consultations in the next seven days.",
  requested: "waiting for your answer",
  confirmed: "confirmed",
  kind: { individual: "on their own", couple: "as a couple", unsure: "not sure yet" },
  meeting: { video: "video", phone: "phone" },
  sharedNote: "a note",
  sharedSelfCheck: "their self-check",
  sharedNothing: "Shared nothing beyond how to reach them.",
  shared: (things: string[]) => `Shared ${things.join(" and ")}.`,
  noMessages: "Asked for no messages to be left.",
  allConsultations: "All consultations and what each visitor shared",
  requestsHeading: "Requests waiting",
  requestsWaiting: (count: number) =>
    count === 1 ? "1 request is waiting for your answer" : `${count} requests are waiting for your answer`,
  invitationsHeading: "Invitations not accepted",
  invitationsIntro:
    "Invited more than seven days ago: the link has lapsed. Invite them again, or let it rest.",
  invitedOn: (name: string, when: string) => `${name}, invited ${when}`,
  measuresHeading: "Questionnaires waiting",
  measuresWaiting: (name: string, count: number) =>
    count === 1 ? `${name}: 1 questionnaire waiting` : `${name}: ${count} questionnaires waiting`,
  overdue: (when: string) => `overdue, first asked ${when}`,
  due: (when: string) => `asked ${when}`,
  flagsHeading: "Scores past the cut-off",
  screenNeedsAttention: "A screen for harm needs your attention:",
  openRecord: (name: string) => `open ${name}'s record`,
  failuresHeading: "Calendars and email",
  calendarsUnread: (count: number) =>
    count === 1 ? "One of your calendars could not be read" : `${count} of your calendars could not be read`,
  calendarsStale: "— times it shows as busy may be out of date.",
};
