/** Words of the charts of measures over time, for clients and therapists. */
export const chartMessages = {
  heading: "Over time",
  you: "You",
  yourPartner: "Your partner",
  label: (title: string, people: string, answers: number) =>
    `A line chart of ${title} over time for ${people}: ${answers} ${answers === 1 ? "answer" : "answers"}. The numbers are in the table below.`,
  and: " and ",
  tableCaption: (title: string) => `${title}: each answer`,
  date: "Answered",
  who: "Whose",
  score: "Score",
  cutOffNote: (wording: string, value: number) => `The dashed line at ${value}: ${wording}`,
  reflectionNote: "A reflection, not a validated test: there is no cut-off to draw.",
  shareLegend: "Your partner",
  shareHint:
    "Your partner sees your line only if they choose to show theirs too, and only the scores: never your answers. Stop at any time.",
  shared: "Your line is shown to your partner once they show theirs.",
  share: "Show my line to my partner",
  unshare: "Stop showing my line",
  shareWhat: (title: string) => ` of ${title}`,
  sharedNotice: "Saved. Your partner sees your line once they show theirs too.",
  unsharedNotice: "Saved. Your line is yours alone again.",
  buttonExpired: "This page was open for a long time, so nothing changed. Please try again.",
  therapistTitle: (title: string) => `${title} over time`,
  therapistBoth: "Both partners agreed to show their lines to each other, so both are drawn.",
} as const;
