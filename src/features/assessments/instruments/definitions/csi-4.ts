import { type InstrumentDefinitionInput, itemIds } from "../instrument-definition.ts";

// Facts only (DOMAIN.md §5). CSI-4, CSI-16 and CSI-32 come from one article.
export const csiCitation: InstrumentDefinitionInput["citation"] = {
  authors: ["Funk, J. L.", "Rogge, R. D."],
  year: 2007,
  title:
    "Testing the ruler with item response theory: Increasing precision of measurement for relationship satisfaction with the Couples Satisfaction Index",
  journal: "Journal of Family Psychology",
  volume: 21,
  issue: 4,
  pages: "572–583",
  doi: "10.1037/0893-3200.21.4.572",
};

export const csiLicenceNote =
  "Free for research and clinical use; the wording still comes from the practice's pack.";

/** A cut-off is a range often seen in couples who seek help, never a diagnosis (DOMAIN.md §5). */
export const csiCutOffWording = "In the range often seen in couples who seek help with their relationship.";

// Answers are stored as the points the CSI's scoring gives each answer, so the total is a plain sum
// (no reverse keys here): item 1 scores 0–6, items 2–4 score 0–5, so the total runs 0–21.
export const csi4: InstrumentDefinitionInput = {
  id: "csi-4",
  title: "Couples Satisfaction Index (4 items)",
  shortTitle: "CSI-4",
  nature: "published",
  citation: csiCitation,
  licenceNote: csiLicenceNote,
  intendedUse: ["intake", "weekly", "end"],
  visibility: "client-and-therapist",
  items: itemIds("csi4", 1, 4),
  responseScale: { min: 0, max: 5, overrides: { "csi4-01": { min: 0, max: 6 } } },
  subscales: [
    {
      id: "total",
      title: "Relationship satisfaction",
      items: itemIds("csi4", 1, 4),
      method: "sum",
      publishedRange: { min: 0, max: 21 },
    },
  ],
  overall: { kind: "total", subscale: "total" },
  cutOffs: [
    { id: "csi4-distress", subscale: "total", value: 13.5, direction: "below", wording: csiCutOffWording },
  ],
  missingRule: { maxMissingPerSubscale: 0 },
  requiresPack: true,
};
