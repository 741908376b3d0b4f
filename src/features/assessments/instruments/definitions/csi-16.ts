import { type InstrumentDefinitionInput, itemIds } from "../instrument-definition.ts";
import { csiCitation, csiCutOffWording, csiLicenceNote } from "./csi-4.ts";

// Facts only (DOMAIN.md §5). Answers are stored as the points the CSI's scoring gives each answer,
// so the total is a plain sum (no reverse keys here).
// Ranges: item 1 scores 0–6 and the other 15 items 0–5, so the total runs 0 to 6 + 15 × 5 = 81, the
// range the source publishes; `publishedRange` makes the definition check fail if the two disagree.
export const csi16: InstrumentDefinitionInput = {
  id: "csi-16",
  title: "Couples Satisfaction Index (16 items)",
  shortTitle: "CSI-16",
  nature: "published",
  citation: csiCitation,
  licenceNote: csiLicenceNote,
  intendedUse: ["intake", "review", "end"],
  visibility: "client-and-therapist",
  items: itemIds("csi16", 1, 16),
  responseScale: { min: 0, max: 5, overrides: { "csi16-01": { min: 0, max: 6 } } },
  subscales: [
    {
      id: "total",
      title: "Relationship satisfaction",
      items: itemIds("csi16", 1, 16),
      method: "sum",
      publishedRange: { min: 0, max: 81 },
    },
  ],
  overall: { kind: "total", subscale: "total" },
  cutOffs: [
    {
      id: "csi16-distress",
      subscale: "total",
      value: 51.5,
      direction: "below",
      wording: csiCutOffWording,
      verify: true,
      verifyNote:
        'DOMAIN.md marks the CSI-16 cut-off of 51.5 "verify": check it against Funk & Rogge (2007) before a practice relies on it.',
    },
  ],
  missingRule: { maxMissingPerSubscale: 0 },
  requiresPack: true,
};
