import { type InstrumentDefinitionInput, itemIds } from "../instrument-definition.ts";

// Haven's own short weekly reflection, written for Haven: is my partner there for me (accessible),
// do they respond (responsive), are we close (engaged), and could I show what I needed. It is not a
// validated test, so it has no cut-off, and every screen that shows it says so. Its last question asks
// about thoughts of suicide, self-harm or harming someone (DOMAIN.md §4): never part of the score.
export const connectionCheckIn: InstrumentDefinitionInput = {
  id: "connection-check-in",
  title: "Connection check-in",
  shortTitle: "Check-in",
  nature: "reflection",
  licenceNote: "Written by the Haven project and shared with Haven under its licence. Not a validated test.",
  intendedUse: ["weekly"],
  visibility: "client-and-therapist",
  timeFrame: "the past week",
  items: itemIds("cci", 1, 5),
  responseScale: { min: 0, max: 4, overrides: { "cci-05": { min: 0, max: 1 } } },
  safetyItems: ["cci-05"],
  subscales: [
    { id: "connection", title: "How connected the week felt", items: itemIds("cci", 1, 4), method: "mean" },
  ],
  overall: { kind: "total", subscale: "connection" },
  missingRule: { maxMissingPerSubscale: 0 },
  requiresPack: false,
  ownWording: {
    notice:
      "A short reflection written by Haven, not a validated test. There are no right answers and nothing to reach: it simply helps you and your therapist notice how the week felt.",
    instructions:
      "Think about the past week with your partner. For each line, choose how true it felt for you. Answer on your own: your partner never sees your answers.",
    items: {
      "cci-01": "This week, when I wanted my partner, I could reach them.",
      "cci-02": "This week, when something mattered to me, my partner seemed to care.",
      "cci-03": "This week, there were moments when I felt close to my partner.",
      "cci-04": "This week, I felt able to let my partner know what I needed.",
      "cci-05":
        "This week, have you had thoughts of ending your life, of hurting yourself, or of hurting someone else? (Only your therapist sees this answer.)",
    },
    responseLabels: { "0": "Not at all", "1": "A little", "2": "Somewhat", "3": "Mostly", "4": "Very much" },
    itemResponseLabels: { "cci-05": { "0": "No", "1": "Yes" } },
  },
};
