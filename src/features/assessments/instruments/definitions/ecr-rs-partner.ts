import { type InstrumentDefinitionInput, itemIds } from "../instrument-definition.ts";

// Facts only (DOMAIN.md §5): the Relationship Structures questionnaire asked about a romantic
// partner. Nine items; avoidance is the mean of items 1–6 with 1–4 reversed (8 − x), anxiety the
// mean of items 7–9.
export const ecrRsPartner: InstrumentDefinitionInput = {
  id: "ecr-rs-partner",
  title: "Experiences in Close Relationships – Relationship Structures (partner)",
  shortTitle: "ECR-RS (partner)",
  nature: "published",
  citation: {
    authors: ["Fraley, R. C.", "Heffernan, M. E.", "Vicary, A. M.", "Brumbaugh, C. C."],
    year: 2011,
    title:
      "The Experiences in Close Relationships—Relationship Structures questionnaire: A method for assessing attachment orientations across relationships",
    journal: "Psychological Assessment",
    volume: 23,
    issue: 3,
    pages: "615–625",
    doi: "10.1037/a0022898",
  },
  licenceNote: "Reported free to use by its authors; the wording still comes from the practice's pack.",
  intendedUse: ["intake", "end"],
  visibility: "therapist-only",
  items: itemIds("ecrrs", 1, 9),
  responseScale: { min: 1, max: 7 },
  reverseKeyed: itemIds("ecrrs", 1, 4),
  subscales: [
    { id: "avoidance", title: "Attachment-related avoidance", items: itemIds("ecrrs", 1, 6), method: "mean" },
    { id: "anxiety", title: "Attachment-related anxiety", items: itemIds("ecrrs", 7, 9), method: "mean" },
  ],
  overall: { kind: "dimensional" },
  cutOffs: [],
  missingRule: { maxMissingPerSubscale: 0 },
  requiresPack: true,
};
