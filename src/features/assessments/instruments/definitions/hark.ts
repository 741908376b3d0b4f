import { type InstrumentDefinitionInput, itemIds } from "../instrument-definition.ts";

// Facts only (DOMAIN.md §5): four yes/no questions about the past year (the initials H, A, R, K
// name them, in that order). No = 0, yes = 1; any yes is a positive screen.
// A safety screen: the therapist alone sees it, and it never reaches a partner.
export const hark: InstrumentDefinitionInput = {
  id: "hark",
  title: "HARK",
  shortTitle: "HARK",
  nature: "published",
  citation: {
    authors: ["Sohal, H.", "Eldridge, S.", "Feder, G."],
    year: 2007,
    title:
      "The sensitivity and specificity of four questions (HARK) to identify intimate partner violence: a diagnostic accuracy study in general practice",
    journal: "BMC Family Practice",
    volume: 8,
    pages: "49",
    doi: "10.1186/1471-2296-8-49",
  },
  licenceNote: "Open-access article; the wording still comes from the practice's pack, like the others.",
  intendedUse: ["intake", "review"],
  visibility: "therapist-only",
  timeFrame: "the past year",
  items: itemIds("hark", 1, 4),
  responseScale: { kind: "yes-no", min: 0, max: 1 },
  subscales: [{ id: "total", title: "Number of yes answers", items: itemIds("hark", 1, 4), method: "sum" }],
  overall: { kind: "screen", cutOff: "hark-positive" },
  cutOffs: [
    {
      id: "hark-positive",
      subscale: "total",
      value: 1,
      direction: "at-or-above",
      wording:
        "At least one answer was yes: this may mean harm from a partner or ex-partner in the past year. Talk with this person alone and follow the practice's safety procedure.",
      evidence:
        "At 1 or more: sensitivity 81 % (95 % CI 69–90 %), specificity 95 % (95 % CI 91–98 %) against the Composite Abuse Scale, in 232 women in general-practice waiting rooms in east London (Sohal, Eldridge & Feder 2007). Other groups were not studied there.",
    },
  ],
  missingRule: { maxMissingPerSubscale: 0 },
  requiresPack: true,
};
