import { type InstrumentDefinitionInput, itemId, itemIds } from "../instrument-definition.ts";

// Facts only (DOMAIN.md §5): no item wording. Item numbers follow Fraley's published order, in which
// items 1–18 are the anxiety items and 19–36 the avoidance items.
const reversed = [9, 11, 20, 22, 26, 27, 28, 29, 30, 31, 33, 34, 35, 36];

export const ecrR: InstrumentDefinitionInput = {
  id: "ecr-r",
  title: "Experiences in Close Relationships – Revised",
  shortTitle: "ECR-R",
  nature: "published",
  citation: {
    authors: ["Fraley, R. C.", "Waller, N. G.", "Brennan, K. A."],
    year: 2000,
    title: "An item response theory analysis of self-report measures of adult attachment",
    journal: "Journal of Personality and Social Psychology",
    volume: 78,
    issue: 2,
    pages: "350–365",
    doi: "10.1037/0022-3514.78.2.350",
  },
  licenceNote:
    "Free for research. Any other use, a practice's clinical use included, needs the author's written permission: record it in the pack's licence.",
  permissionRequired: true,
  // A trait measure: at intake and at the end, seen by the therapist unless they choose to share it.
  intendedUse: ["intake", "end"],
  visibility: "therapist-only",
  items: itemIds("ecrr", 1, 36),
  responseScale: { min: 1, max: 7 },
  // Reverse = 8 − x.
  reverseKeyed: reversed.map((n) => itemId("ecrr", n)),
  subscales: [
    { id: "anxiety", title: "Attachment-related anxiety", items: itemIds("ecrr", 1, 18), method: "mean" },
    {
      id: "avoidance",
      title: "Attachment-related avoidance",
      items: itemIds("ecrr", 19, 36),
      method: "mean",
    },
  ],
  // Dimensional: two continuous scores, no total and no cut-off.
  overall: { kind: "dimensional" },
  cutOffs: [],
  missingRule: { maxMissingPerSubscale: 0 },
  requiresPack: true,
};
