// Words of the instruments' charts, in one place so they can be translated later.
export const instrumentMessages = {
  anxietyAvoidance: (anxiety: string, avoidance: string) =>
    `Anxiety ${anxiety} and avoidance ${avoidance}, each on a scale from 1 to 7.`,
  avoidanceAxis: "Avoidance of closeness",
  anxietyAxis: "Anxiety about the relationship",
};
