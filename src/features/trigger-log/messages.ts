/** Words of the trigger log, for the client and for their therapist. */
export const triggerMessages = {
  title: "Your trigger log",
  description: "The small moments that set off the old alarm, and what you needed.",
  back: "Back to your space",
  intro:
    "Sometimes a small thing — a look at a phone, a door closing, a late reply — sets off an alarm far bigger than the moment. Writing these down, soon after, helps you and your therapist see what the alarm is guarding.",
  formHeading: "Write down a moment",
  happenedLabel: "What happened?",
  strengthLegend: "How strong was the alarm? (0 is barely, 10 is overwhelming)",
  remindedLabel: "What did it remind you of? (optional)",
  didLabel: "What did you do? (optional)",
  neededLabel: "What did you need? (optional)",
  save: "Save this moment",
  saving: "Saving…",
  saved: "Saved.",
  happenedMissing: "Please write a few words about what happened.",
  tooLong: (limit: number) => `Please keep this under ${limit} characters.`,
  strengthMissing: "Please choose how strong it was, from 0 to 10.",
  chartHeading: "The last 12 weeks",
  chartLabel: (moments: number, weeks: number) =>
    `A bar chart of ${moments} moments over the last ${weeks} weeks, with each week's average strength as dots. The numbers are in the table below.`,
  tableCaption: "Moments each week, and how strong on average",
  weekOf: "Week of",
  moments: "Moments",
  meanStrength: "Average strength (0–10)",
  none: "–",
  axisMoments: "moments",
  axisStrength: "strength",
  listHeading: "Your moments",
  nothingYet: "Nothing written down yet.",
  strengthShort: (strength: number) => `Strength ${strength} of 10`,
  open: "Open",
  openMoment: (day: string) => `: the moment of ${day}, to choose who can read it or delete it`,
} as const;

export const triggerTherapistMessages = {
  title: (name: string) => `${name}’s trigger log`,
  description: "What this client chose to share with you of their trigger log.",
  back: "Back to the record",
  onlyShared: "Only the moments this client chose to share with you are counted and listed here.",
  nothingShared: "Nothing shared with you yet.",
  sharedOn: (day: string) => `Shared on ${day}`,
} as const;
